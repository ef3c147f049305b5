import ConciergeApp
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test func defaultsRunOnTheEmbeddedStoreWithTheMockLLM() throws {
        let configuration = try AppConfiguration(environment: [:])
        #expect(configuration.store == .sqlite(path: "data/concierge.sqlite"))
        #expect(configuration.llmMock)
        #expect(configuration.dailyMessageLimit == 30)
        #expect(configuration.bcryptCost == 12)
    }

    @Test func mongoIsChosenByItsURIAndCredentialsAreNeverPrinted() throws {
        let configuration = try AppConfiguration(environment: [
            "MONGODB_URI": "mongodb://app:s3cret@db.internal:27017", "LLM_API_KEY": "sk-live-123", "LLM_MOCK": "off",
        ])
        #expect(configuration.store == .mongo(uri: "mongodb://app:s3cret@db.internal:27017", database: "concierge"))
        #expect(configuration.llmMock == false)
        let printed = configuration.summary.joined(separator: "\n")
        #expect(!printed.contains("s3cret") && !printed.contains("sk-live-123"))
        #expect(printed.contains("mongodb://***@db.internal:27017"))
    }

    @Test func everyBadKeyIsNamedAtOnce() {
        #expect(throws: ConfigurationError(problems: [
            "LLM_MAX_ATTEMPTS must be a whole number in 1...10", "DAILY_MESSAGE_LIMIT must be a whole number in 1...100000",
            "PORT must be a whole number in 0...65535", "LLM_API_KEY is required when LLM_MOCK is off",
        ])) {
            try AppConfiguration(environment: ["LLM_MAX_ATTEMPTS": "0", "DAILY_MESSAGE_LIMIT": "lots", "PORT": "99999",
                                               "LLM_MOCK": "false"])
        }
    }
}
