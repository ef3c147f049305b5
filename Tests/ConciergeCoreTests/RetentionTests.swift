import ConciergeCore
import Foundation
import Testing

@Suite("Retention: stored traces")
struct RetentionTests {
    /// Traces stored before the compact coupon shape (the whole coupon under `coupon`) still read in the debug view.
    @Test func aTraceStoredWithWholeCouponsStillDecodes() throws {
        let stored = #"""
            {"notes": [], "coupons": {"eligible": [{"appliesTo": "all hot drinks", "coupon": {"code": "WARM15",
             "summary": "15% off hot drinks", "ownerID": null, "percentOff": 15}}],
             "excluded": [{"code": "OLD10", "reason": "expired"}]}}
            """#
        let trace = try JSONDecoder().decode(TurnTrace.self, from: Data(stored.utf8))
        #expect(trace.coupons?.eligible == [TraceCoupons.Usable(code: "WARM15", summary: "15% off hot drinks")])
        #expect(trace.coupons?.excluded.map(\.code) == ["OLD10"])
        let reencoded = String(decoding: try JSONEncoder().encode(trace), as: UTF8.self)
        #expect(reencoded.contains(#""code":"WARM15""#) && !reencoded.contains("percentOff"))
    }
}
