import ConciergeCore
import Foundation
import Testing

/// A shop's own coupon names its shop once: a trial's answer read "NOAH5OFF gives $5.00 off everything at Chelsea
/// Roasters on orders of $15.00 or more at Chelsea Roasters until 25 Dec".
@Suite("Coupon wording")
struct CouponWordingTests {
    @Test func aShopsOwnCouponNamesItsShopOnce() async throws {
        let world = try await ChatWorld.make()
        let text = try await world.ask(GoldenUnderstandingTests.noah, "any coupons?").reply.text
        try await world.close()
        let start = try #require(text.range(of: "NOAH5OFF gives"), "\(text)")
        let end = try #require(text.range(of: " until ", range: start.upperBound..<text.endIndex), "\(text)")
        let sentence = String(text[start.lowerBound..<end.lowerBound])
        #expect(sentence.contains("$5.00 off everything") && sentence.contains("at Chelsea Roasters"), "\(text)")
        #expect(sentence.components(separatedBy: "Chelsea Roasters").count == 2, "named once: \(text)")
    }
}
