@testable import ConciergeCore
import Foundation
import Testing

/// The readers added for the eleventh shopper trial's misses, each on its own; the goldens prove them end to end.
@Suite("Eleventh trial readers: amounts and numbers by country, contact routes, soya milk, ingredients")
struct EleventhTrialReadingTests {
    static let fees = "| £10 to £24.99 / $12 to $29.99 / €12 to €28.99 / ₹550 to ₹1,349 / A$19 to A$46.99 / C$17 to C$41.99 "
        + "| £2.99 / $3.49 / €3.49 / ₹149 / A$5.49 / C$4.99 |"

    @Test func aGroupOfAmountsKeepsOnlyTheShoppersCurrency() {
        #expect(RegionalAmounts.keeping("USD", in: Self.fees) == "| $12 to $29.99 | $3.49 |")
        #expect(RegionalAmounts.keeping("INR", in: Self.fees) == "| ₹550 to ₹1,349 | ₹149 |")
        // "A$" and "C$" are their own dollars, never read as "$".
        #expect(RegionalAmounts.keeping("AUD", in: Self.fees) == "| A$19 to A$46.99 | A$5.49 |")
        #expect(RegionalAmounts.keeping("CAD", in: "**£25 / $30 / C$42 or more**") == "**C$42 or more**")
        // Bold around the group, and the sentence around it, stay as written.
        #expect(RegionalAmounts.keeping("GBP", in: "The minimum order is **£10 / $12 / €12**. Thanks.")
            == "The minimum order is **£10**. Thanks.")
    }

    @Test func anAmountInOneCurrencyOrAGroupWithoutTheShoppersIsLeftAlone() {
        #expect(RegionalAmounts.keeping("USD", in: "Delivery costs £2.99.") == "Delivery costs £2.99.")
        #expect(RegionalAmounts.keeping("JPY", in: "£10 / $12") == "£10 / $12")
        // Two prices with a slash that are not one amount per currency ("£3.40/£3.80") still have no dollar to keep.
        #expect(RegionalAmounts.keeping("USD", in: "small £3.40 / large £3.80") == "small £3.40 / large £3.80")
    }

    @Test func eachCountryIsGivenItsOwnCustomerCareNumber() throws {
        let chain = ConciergeRules.standard.chain
        #expect(chain.carePhone(country: "US") == "+1 800 555 0142")
        #expect(chain.carePhone(country: "IN") == "1800 266 0142")
        #expect(chain.carePhone(country: "GB") == "0800 123 4567")
        // A country without its own number, or none known, gets the chain's main one.
        #expect(chain.carePhone(country: "JP") == chain.carePhone)
        #expect(chain.carePhone(country: nil) == chain.carePhone)
        #expect(chain.allCarePhones.count == 7 && chain.allCarePhones == chain.allCarePhones.sorted())
        // A chain imported before the numbers by country existed still decodes, with one number for everyone.
        let old = #"{"name": "Fern", "carePhone": "0800 000 0000", "careEmail": "a@b.c", "careHours": "9 to 5", "careReplyWorkingDays": 3}"#
        let decoded = try JSONDecoder().decode(ChainProfile.self, from: Data(old.utf8))
        #expect(decoded.carePhones.isEmpty && decoded.carePhone(country: "US") == "0800 000 0000")
    }

    @Test func askingForTheNumberIsNotAskingForAPerson() {
        for routes in ["customer service phone number?", "customer care ka number do", "how do i contact you",
                       "whats your email address", "helpline number pls"] {
            #expect(HandoffTrigger.asksOnlyForContactRoutes(routes), "\(routes)")
        }
        for person in ["can someone call me back", "please phone me", "i want to talk to a person", "give me your number so i can speak to a manager",
                       "email me please", "where is my order"] {
            #expect(!HandoffTrigger.asksOnlyForContactRoutes(person), "\(person)")
        }
    }

    @Test func soyaMilkInADrinkIsAMilkNotAnAllergenAsked() {
        let understanding = ShopperUnderstanding(vocabulary: ChainVocabulary(itemNames: ["Hot Chocolate"], shopNames: []))
        #expect(!understanding.slots(of: "hot chocolate with soya milk pls").diet.contains(.soy))
        #expect(understanding.slots(of: "does the hot chocolate have soy").diet.contains(.soy))
        #expect(understanding.slots(of: "im allergic to soy, is soya milk ok").diet.contains(.soy))
    }

    @Test func whatIsInAnItemIsAnIngredientsQuestionUnlessAMilkIsNamed() {
        #expect(MessageWords("whats in the berry smoothie").containsAny(ItemQuestionAnswers.ingredientWords))
        #expect(MessageWords("what is the brownie made of").containsAny(ItemQuestionAnswers.ingredientWords))
        #expect(!MessageWords("is the berry smoothie vegan").containsAny(ItemQuestionAnswers.ingredientWords))
    }

    @Test func noAllergensListedIsTrueOnlyOfAnItemThatListsNone() {
        var context = AnswerPlanTests.context(intents: ["dietary"], shops: [AnswerPlanTests.shop("Lakeside Café", open: true)])
        let claims = ItemClaims(menu: ["Berry Smoothie", "Hot Chocolate"])
        context.item = AskedItem(name: "Berry Smoothie", shop: "Lakeside Café", price: "£4.20", contains: [],
                                 suits: ["vegan", "vegetarian"])
        #expect(!claims.misstatesRecipe("It lists no common allergens in its recipe", context: context))
        context.item = AskedItem(name: "Hot Chocolate", shop: "Lakeside Café", price: "£3.60", contains: ["dairy"],
                                 suits: ["vegetarian"])
        #expect(claims.misstatesRecipe("It lists no common allergens in its recipe", context: context))
        #expect(!claims.misstatesRecipe("It lists dairy in its recipe", context: context))
    }
}
