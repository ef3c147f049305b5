@testable import ConciergeCore
import Foundation
import Testing

/// The readers added for the tenth shopper trial's misses, each on its own; the goldens prove them end to end.
@Suite("Tenth trial readers: earlier orders, black and cold coffee, a long name's tail, allergens found, own refunds")
struct TenthTrialReadingTests {
    @Test func anEarlierOrderIsTheOnePlacedBeforeTheOneTalkedOf() {
        let now = Date(timeIntervalSince1970: 1_763_737_200)
        let orders = [AnswerPlanTests.order("ORD-00000001", daysAgo: 1, items: ["Flat White"], now: now),
                      AnswerPlanTests.order("ORD-00000002", daysAgo: 5, items: ["Iced Latte"], now: now),
                      AnswerPlanTests.order("ORD-00000003", daysAgo: 9, items: ["Espresso"], now: now)]
        #expect(OrderPointer.placed(before: orders[0], in: orders)?.id == "ORD-00000002")
        #expect(OrderPointer.placed(before: orders[1], in: orders)?.id == "ORD-00000003")
        #expect(OrderPointer.placed(before: orders[2], in: orders) == nil)
        #expect(OrderPointer.asksForEarlier(MessageWords("how about the one before that")))
        #expect(OrderPointer.asksForEarlier(MessageWords("where is my previous order")))
        #expect(!OrderPointer.asksForEarlier(MessageWords("add an oat flat white to my order before they start making it")))
    }

    @Test func coffeeWithoutMilkIsBlackAndColdCoffeeIsACold() {
        let espresso = MenuWishTests.item("Espresso", "hot-drinks", 220, [.vegan, .hot, .caffeine])
        let oatFlatWhite = MenuWishTests.item("Oat Flat White", "hot-drinks", 370, [.vegan, .hot, .caffeine])
        #expect(MenuKind.black.fits(espresso) && !MenuKind.black.fits(oatFlatWhite))
        #expect(MenuWishReader.read("coffee without milk").kinds == [.black])
        #expect(MenuWishReader.read("the strongest black coffee").kinds == [.strong])
        #expect(Set(MenuWishReader.read("ek cold coffee kitne ki hai").kinds) == [.cold, .coffee])
    }

    @Test func aLongNamesLastTwoWordsNameItSpeltAsTheMenuSpellsThem() {
        let understanding = ShopperUnderstanding(vocabulary: ChainVocabulary(
            itemNames: ["Fresh Mint Tea", "English Breakfast Tea", "Gingerbread Spiced Latte", "Chai Latte", "Iced Latte", "Hot Chocolate",
                        "Oat Hot Chocolate"], shopNames: []))
        #expect(understanding.slots(of: "is the mint tea caffeine free").item == "Fresh Mint Tea")
        #expect(understanding.slots(of: "is the hot chocolate vegan").item == "Hot Chocolate")
        #expect(understanding.slots(of: "whats in the pumpkin spice latte").item != "Gingerbread Spiced Latte")
    }

    @Test func anAllergenFoundIsReadAsItsOwnComplaint() {
        #expect(ComplaintReader.read("the samosa had nuts in it and im allergic!!", shopNamed: false)?.kind == .allergen)
        #expect(ComplaintReader.read("the samosa had nuts in it and im allergic!!", shopNamed: false)?.what == "nuts")
        #expect(ComplaintReader.read("i had an allergic reaction after the brownie", shopNamed: false)?.what == "a reaction")
        #expect(ComplaintReader.read("is the brownie nut free, im allergic", shopNamed: false)?.kind != .allergen)
        #expect(ComplaintReader.read("my croissant was stale", shopNamed: false)?.kind == .quality)
    }

    @Test func aRefundOfOnesOwnWithNoOrderNamed() {
        #expect(OrderAnswers.asksForOwnRefund(MessageWords("refund pls")))
        #expect(OrderAnswers.asksForOwnRefund(MessageWords("i want a refund")))
        #expect(!OrderAnswers.asksForOwnRefund(MessageWords("how do refunds work for gift cards")))
    }

    @Test func cashNamedAnywhereInAQuestionAboutPaying() {
        #expect(AskedPaymentMethod.phrase(in: MessageWords("can i pay for delivery in cash")) == "cash")
        #expect(AskedPaymentMethod.phrase(in: MessageWords("can i pay with apple pay")) == "apple pay")
        #expect(AskedPaymentMethod.phrase(in: MessageWords("is the cash machine working")) == nil)
    }

    @Test func aSentenceAboutThePageIsNoAnswer() {
        let text = "We deliver coffee from your nearest shop. This page covers where and when we deliver."
        #expect(PolicyExcerpt.best(of: text, for: "where do you deliver") == "We deliver coffee from your nearest shop.")
        #expect(PolicyExcerpt.aboutThePage("Please read this page if you have an allergy."))
    }
}
