import Analytics
import Testing

@Suite("Analytics module")
struct AnalyticsModuleTests {
    @Test("the module links into its test target")
    func links() {
        #expect(String(describing: Analytics.self) == "Analytics")
    }
}
