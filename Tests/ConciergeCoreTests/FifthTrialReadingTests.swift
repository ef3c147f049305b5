@testable import ConciergeCore
import Testing

/// The readers added for the fifth shopper trial's misses, each on its own; the goldens prove them end to end.
@Suite("Fifth trial readers: second clauses, places, two things wanted, coupon rules")
struct FifthTrialReadingTests {
    @Test(arguments: [
        ("my order was missing the beans, also how long do refunds take", "how long do refunds take"),
        ("is lakeside open? and do you take amex", "and do you take amex"),
        ("the muffin was dry. btw can i pay with apple pay", "can i pay with apple pay"),
    ])
    func aSecondAskIsItsOwnClause(_ message: String, _ clause: String) {
        #expect(PolicyQuery.lastClause(of: message) == clause)
    }

    @Test(arguments: ["how long do refunds take", "is lakeside open?", "where is my order? ok", "also"])
    func oneAskHasNoSecondClause(_ message: String) {
        #expect(PolicyQuery.lastClause(of: message) == nil)
    }

    @Test func myPlaceIsWhereTheShopperIsNotAnOrder() {
        #expect(GeneralQuestion.asks("how long does delivery take to my place"))
        #expect(GeneralQuestion.asks("do you deliver to my office"))
        #expect(!GeneralQuestion.asks("how long will my delivery take"))
        #expect(!GeneralQuestion.asks("how long does my order take to my house"))
    }

    @Test func foodAndADrinkAreTwoThingsWanted() throws {
        let wish = MenuWishReader.read("anything gluten free to eat and a cold drink?")
        let pair = try #require(wish.pair)
        #expect(pair.food.kinds == [.food])
        #expect(Set(pair.drink.kinds) == [.drink, .cold])
        #expect(MenuWishReader.read("something sweet to drink").pair == nil)
        #expect(MenuWishReader.read("a light snack").pair == nil)
    }

    @Test func aDiscountForAGroupIsNamedWithItsArticle() {
        let context = AnswerPlanTests.context(intents: ["offers"])
        #expect(CouponRuleAnswers.unlistedGroup(context, message: "is there a student discount") == "a student")
        #expect(CouponRuleAnswers.unlistedGroup(context, message: "any nhs discount?") == "an NHS")
        #expect(CouponRuleAnswers.unlistedGroup(context, message: "discounts for seniors?") == "a senior")
        // A group not next to a word for a discount is not asked about.
        #expect(CouponRuleAnswers.unlistedGroup(context, message: "my student card was declined") == nil)
    }

    @Test func aGroupThePoliciesMentionIsNotSaidToBeUnlisted() {
        var context = AnswerPlanTests.context(intents: ["offers"])
        context.policies = [PolicyFacts(source: "offers > Students", text: "Students get 10 % off with a valid card.",
                                        relevant: true, excerpt: "Students get 10 % off with a valid card.")]
        #expect(CouponRuleAnswers.unlistedGroup(context, message: "is there a student discount") == nil)
    }

    @Test func aPickupIsReadyNotArrived() {
        var pickup = ActionPlannerTests.order("<ORDER_ID_1>", status: "preparing")
        pickup.fulfilment = "pickup"
        let step = NextStepPlanner.step(for: AnswerPlanTests.context(intents: ["order-status"], orders: [pickup]),
                                        rules: .standard)
        #expect(step.contains("if it isn't ready by Sat 21 Nov 15:30"))
        let delivery = ActionPlannerTests.order("<ORDER_ID_1>")
        #expect(NextStepPlanner.step(for: AnswerPlanTests.context(intents: ["order-status"], orders: [delivery]),
                                     rules: .standard).contains("if it hasn't arrived by"))
    }
}
