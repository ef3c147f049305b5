import ConciergeCore
import Foundation
import Testing

@Suite("Grounding check")
struct GroundingCheckTests {
    /// The context types are built by the core; a test reads one the way the mock model does, from JSON.
    static let context = try! JSONDecoder().decode(PromptContext.self, from: Data("""
        {"chain": "Bramble & Bean", "now": "Sat 21 Nov 15:00", "intents": ["offers"], "location": "home",
         "handoffRequested": false, "choices": [], "nextStep": "Next step: enter WARM15 at checkout.", "account": [],
         "slots": {"diet": [], "followUp": false, "general": false},
         "care": {"phone": "0800 123 4567", "email": "care@brambleandbean.co.uk", "hours": "08:00 to 20:00 every day",
                  "reportFreshProblemsWithin": "48 hours", "cannot": []},
         "shopper": {"name": "<NAME_1>", "city": "London", "prefers": "hot", "dietary": [], "favourites": [],
                     "loyaltyPoints": 120, "pointsValue": "£1.20"},
         "shops": [{"name": "Lakeside Café", "distance": "270 m", "walkMinutes": 4, "isOpen": true,
                     "closingSoon": false, "status": "Open until 22:00", "withinRange": true,
                     "phone": "+44 20 7946 0101"}],
         "suggestions": [], "orders": [], "policies": [],
         "coupons": [{"code": "WARM15", "summary": "15% off hot drinks", "discount": "15% off",
                      "appliesTo": "hot drinks", "validUntil": "30 Nov", "validAt": "all our shops"}]}
        """.utf8))
    let check = GroundingCheck(knownShopNames: ["Lakeside Café", "Night Owl Coffee", "Soho Roastery"])

    @Test func claimsCopiedFromTheContextPass() {
        let verdict = check.verify(answer: "Lakeside Café is 270 m away. WARM15 gives 15% off. You have £1.20.",
                                   context: Self.context)
        #expect(verdict.isGrounded)
    }

    @Test func everyKindOfInventedClaimIsNamed() {
        let verdict = check.verify(
            answer: "Try Night Owl Coffee, 1.2 km away: FREE100 gives 50% off, only £0.99, see ORD-ABCD1234.",
            context: Self.context)
        #expect(verdict.unsupported == ["code", "distance", "order", "percent", "price", "store"])
    }
}
