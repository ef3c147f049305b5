import ConciergeCore
import Foundation
import Testing

/// Answers a real model (SmolLM2-135M) gave on 2026-12-06 that every claim check let through: an echo of the
/// question, a wrong balance made of a number the facts happen to hold, a citation repeated to the token limit.
@Suite("Grounding check: the answer covers the main ask")
struct AnswerCoverageTests {
    let check: GroundingCheck
    let contexts: [String: PromptContext]

    init() throws {
        check = GroundingCheck(knownShopNames: GroundingFixtures.shopNames, knownItemNames: try GroundingFixtures.menuNames())
        contexts = try GroundingFixtures.contexts()
    }

    func unsupported(_ answer: String, in name: String, intents: [String]) -> [String] {
        var context = contexts[name]!
        context.intents = intents
        return check.coverage(of: answer, context: context)
    }

    @Test(arguments: [
        ("I'm cold.", "open-shop", ["comfort-cold"]),
        ("Sure, happy to help with that.", "coupons", ["offers"]),
        ("Your order is being handled.", "order-on-way", ["order-status"]),
        ("You earn 10 points for every £1 you spend.", "loyalty", ["loyalty"]),
        ("Points are great.", "loyalty", ["loyalty"]),
        ("Please confirm with staff before you order.", "allergens", ["dietary"]),
    ])
    func anAnswerWithoutTheMainAsksFactIsUnanswered(answer: String, context: String, intents: [String]) {
        #expect(unsupported(answer, in: context, intents: intents).contains("unanswered"), "\(answer)")
    }

    /// A named order id that is not the shopper's is answered by saying so, in any words.
    @Test func anOrderIdNotFoundLeavesTheWordingFree() throws {
        var context = try #require(contexts["order-on-way"])
        context.intents = ["order-status"]
        #expect(check.coverage(of: "Your order is being handled.", context: context) == ["unanswered"])
        context.orderLookup?.found = false
        #expect(check.coverage(of: "I can't find that order among yours.", context: context).isEmpty)
    }

    @Test func aWrongBalanceIsUnansweredEvenWhenItsNumberIsInTheFacts() throws {
        let context = try #require(contexts["loyalty"])
        let wrong = context.shopper.loyaltyPoints == 10 ? 20 : 10
        #expect(unsupported("You have \(wrong) points.", in: "loyalty", intents: ["loyalty"]).contains("unanswered"))
        #expect(!unsupported("You have \(context.shopper.loyaltyPoints) points.", in: "loyalty", intents: ["loyalty"])
            .contains("unanswered"))
    }

    @Test func aCitationRepeatedToTheTokenLimitIsRepetitive() {
        let answer = "The chat is in the " + String(repeating: "When something goes wrong > ", count: 6)
        #expect(unsupported(answer, in: "delivered", intents: ["policy-question"]).contains("repetitive"))
        #expect(!unsupported("Most orders arrive within 30 to 45 minutes. Delivery runs until 21:00.", in: "delivered",
                             intents: ["policy-question"]).contains("repetitive"))
    }

    /// Where the answer may be worded any way (a greeting, a policy question) or the context lacks the fact, the
    /// check has no opinion; and offered choices are not a main ask.
    @Test func noOpinionWithoutAKeyFact() throws {
        #expect(!unsupported("Hello! How can I help?", in: "open-shop", intents: ["greeting"]).contains("unanswered"))
        var context = try #require(contexts["coupons"])
        context.choices = ["offers", "loyalty"]
        #expect(!check.coverage(of: "Did you mean offers or points?", context: context).contains("unanswered"))
    }
}

extension AnswerCoverageTests {
    /// Every answer the labelled set calls grounded and whose context's main ask it speaks to passes: a partial but
    /// real answer ("It should be with you in about 20 minutes.") is not flagged.
    @Test(arguments: [
        ("It should be with you in about 20 minutes.", "order-on-way", ["order-status"]),
        ("Lakeside Café is open until 22:00 today, and it's a 4 minute walk.", "open-shop", ["comfort-cold"]),
        ("A hundred points equal £1, so your 120 points give £1.20.", "loyalty", ["loyalty"]),
        ("The Almond Croissant is £2.95 at Lakeside Café and contains nuts.", "allergens", ["dietary"]),
    ])
    func aPartialButRealAnswerPasses(answer: String, context: String, intents: [String]) {
        #expect(unsupported(answer, in: context, intents: intents).isEmpty, "\(answer)")
    }
}
