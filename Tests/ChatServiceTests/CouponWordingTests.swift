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

/// Follow-ups about one coupon of the list: where it works, and "the other one".
@Suite("Golden conversations: a follow-up about one coupon")
struct GoldenCouponFollowUpTests {
    /// The golden world's Soho shop is Soho Coffee House (the demo's is Soho Roastery); "soho roastery" finds it.
    static let goldens: [Golden] = [
        Golden(name: "does that work at a named shop", messages: ["any offers?", "does that work at soho roastery?"],
               contains: ["AVA20COCOA works at all our shops, Soho Coffee House included.", "enter AVA20COCOA"],
               intent: .offers),
        Golden(name: "and the other one", messages: ["any offers?", "does that work at soho roastery?",
                                                     "ok what about the other one"],
               contains: ["BAKERY20 works at all our shops, Soho Coffee House included.", "enter BAKERY20"]),
        Golden(name: "a shop's own coupon asked about at another shop", email: GoldenUnderstandingTests.noah,
               messages: ["any coupons?", "can I use it at Soho Roastery?"],
               contains: ["NOAH5OFF only works at Chelsea Roasters.", "It can't be used at Soho Coffee House."]),
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }
}
