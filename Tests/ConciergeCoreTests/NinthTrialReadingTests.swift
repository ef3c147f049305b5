@testable import ConciergeCore
import Foundation
import Testing

/// The readers added for the ninth shopper trial's misses, each on its own; the goldens prove them end to end.
@Suite("Ninth trial readers: Hinglish linkers and tomorrow, items as ordered, asked at all, strong coffee, Spanish wishes")
struct NinthTrialReadingTests {
    @Test func aHinglishLinkerIsPassedOverBeforeTheDish() {
        let understanding = ShopperUnderstanding(vocabulary: ChainVocabulary(
            itemNames: EighthTrialReadingTests.menu.map(\.name), shopNames: []))
        #expect(understanding.slots(of: "paneer wala sandwich hai kya").item == "sandwich")
        #expect(understanding.slots(of: "pesto wala sandwich hai kya").item == "Chicken Pesto Sandwich")
        #expect(MenuLookup.wordBefore(2, in: ["paneer", "wala", "sandwich"]) == "paneer")
        #expect(MenuLookup.wordBefore(1, in: ["the", "sandwich"]) == "the")
        #expect(MenuLookup.wordBefore(0, in: ["sandwich"]) == nil)
    }

    @Test func kalIsTomorrowWhenItAsksWhetherAShopOpens() {
        #expect(TimeSlotReader.read(MessageWords("kal subah kitne baje khulta hai")) == "tomorrow")
        #expect(TimeSlotReader.read(MessageWords("kal khulega kya")) == "tomorrow")
        #expect(TimeSlotReader.read(MessageWords("kal wala order nahi aaya")) == nil)
        #expect(TimeSlotReader.read(MessageWords("kal coffee thandi thi")) == nil)
    }

    @Test func anItemIsTheOneInTheOrderThatHoldsItsName() {
        let now = Date(timeIntervalSince1970: 1_763_737_200)
        let order = AnswerPlanTests.order("ORD-00000001", daysAgo: 1, items: ["Oat Hot Chocolate", "Vegan Blueberry Muffin"], now: now)
        #expect(OrderPointer.asOrdered("Hot Chocolate", in: order) == "Oat Hot Chocolate")
        #expect(OrderPointer.asOrdered("Vegan Blueberry Muffin", in: order) == nil)
        #expect(OrderPointer.asOrdered("Flat White", in: order) == nil)
        let both = AnswerPlanTests.order("ORD-00000002", daysAgo: 1, items: ["Oat Hot Chocolate", "Hot Chocolate"], now: now)
        #expect(OrderPointer.asOrdered("Hot Chocolate", in: both) == nil)
    }

    @Test func aDietQuestionAboutAnOrderAsksAndDoesNotReport() {
        var slots = Slots()
        slots.diet = [.vegan]
        #expect(ShopperUnderstanding.asksWhatWasIn(MessageWords("was the hot chocolate in my last order vegan"), slots: slots))
        #expect(!ShopperUnderstanding.asksWhatWasIn(MessageWords("the hot chocolate in my order wasnt vegan"), slots: slots))
        #expect(!ShopperUnderstanding.asksWhatWasIn(MessageWords("was the muffin stale"), slots: Slots()))
    }

    @Test func whetherTheChainHasAThingAtAll() {
        #expect(PolicySubject.askedAtAll("do u do gift cards") == ["gift", "card"])
        #expect(PolicySubject.askedAtAll("can i buy a gift card") == ["gift", "card"])
        #expect(PolicySubject.askedAtAll("can i buy a gift card with points") == nil)
        #expect(PolicySubject.askedAtAll("how long do refunds take") == nil)
    }

    @Test func theStrongestCoffeeIsOneWithNoMilk() {
        let espresso = MenuWishTests.item("Espresso", "hot-drinks", 220, [.vegan, .hot, .caffeine])
        let flatWhite = MenuWishTests.item("Flat White", "hot-drinks", 340, [.dairy, .hot, .caffeine])
        let coldBrew = MenuWishTests.item("Cold Brew", "cold-drinks", 350, [.vegan, .cold, .caffeine])
        #expect(MenuKind.strong.fits(espresso) && MenuKind.strong.fits(coldBrew) && !MenuKind.strong.fits(flatWhite))
        let wish = MenuWishReader.read("whats the strongest coffee u got")
        #expect(wish.kinds == [.strong])
    }

    @Test func aDessertIsSweetFoodAndRainWantsSomethingWarm() {
        #expect(Set(MenuWishReader.read("nut free dessert hai kya").kinds) == [.sweet, .food])
        let lemonade = MenuWishTests.item("Sparkling Lemonade", "cold-drinks", 280, [.vegan, .cold])
        #expect(!MenuWishReader.read("any desserts").kinds.allSatisfy { $0.fits(lemonade) })
    }

    @Test func aSpanishWishIsReadInTheMenusWords() {
        #expect(SpanishMenuWords.phrased("quiero un cafe sin leche") == "coffee without milk")
        #expect(MenuWishReader.read(SpanishMenuWords.phrased("algo dulce")).kinds == [.sweet])
    }

    @Test func whenARefundComesIsAskedInHinglishAndEnglish() {
        #expect(PolicyQuery.words(forQuestion: MessageWords("mera refund kab tak aayega"), main: .refund) != nil)
        #expect(PolicyQuery.words(forQuestion: MessageWords("when will my refund come"), main: .refund) != nil)
        #expect(PolicyQuery.words(forQuestion: MessageWords("how long do I have to return a mug"), main: .refund) == nil)
    }

    @Test func hotIsAKindAndANegationDeniesOnlyWhatFollowsIt() {
        let tea = MenuWishTests.item("Fresh Mint Tea", "hot-drinks", 250, [.vegan, .hot])
        let water = MenuWishTests.item("Still Water", "cold-drinks", 150, [.vegan, .cold])
        #expect(MenuKind.hot.fits(tea) && !MenuKind.hot.fits(water))
        let hotNoCaffeine = MenuWishReader.read("is there anything without caffeine that's hot")
        #expect(hotNoCaffeine.kinds == [.drink, .hot] && hotNoCaffeine.notKinds.isEmpty && hotNoCaffeine.caffeine == .avoid)
        #expect(MenuWishReader.read("nothing too sweet").notKinds == [.sweet])
        #expect(MenuWishReader.read("is the hot chocolate vegan").kinds.isEmpty)
    }

    @Test func whetherAnItemHasCaffeineIsReadFromItsTags() {
        var shop = ShopAmenityTests.shop("Lakeside Café", [])
        shop.menu = [MenuWishTests.item("Cold Brew", "cold-drinks", 350, [.vegan, .cold, .caffeine]),
                     MenuWishTests.item("Fresh Mint Tea", "hot-drinks", 250, [.vegan, .hot])]
        let near = [ShopFinder(shops: [shop]).describe(shop, from: nil, at: Date(timeIntervalSince1970: 0), radiusMeters: 2_000)]
        #expect(AskedItemFinder.find("Cold Brew", near: near)?.caffeine == true)
        #expect(AskedItemFinder.find("Fresh Mint Tea", near: near)?.caffeine == nil)
    }
}
