@testable import ConciergeCore
import Testing

/// The readers added for the eighth shopper trial's misses, each on its own; the goldens prove them end to end.
@Suite("Eighth trial readers: dishes not listed, plurals, received instead, typos, plant milk, whose coupon")
struct EighthTrialReadingTests {
    static let menu = [
        MenuWishTests.item("Chicken Pesto Sandwich", "food", 650, [.gluten, .containsNuts]),
        MenuWishTests.item("Oat Porridge with Berries", "hot-food", 420, [.vegan, .hot]),
        MenuWishTests.item("Butter Croissant", "bakery", 280, [.dairy, .gluten, .vegetarian]),
        MenuWishTests.item("Berry Smoothie", "cold-drinks", 450, [.vegan, .cold]),
    ]

    @Test func aWordNoItemHasBeforeAnItemsWordNamesAnotherDish() {
        let understanding = ShopperUnderstanding(vocabulary: ChainVocabulary(
            itemNames: Self.menu.map(\.name), shopNames: []))
        #expect(understanding.slots(of: "is paneer sandwich veg?").item == "sandwich")
        #expect(understanding.slots(of: "is the sandwich vegetarian").item == "Chicken Pesto Sandwich")
        #expect(understanding.slots(of: "is there a sandwich today").item == "Chicken Pesto Sandwich")
        #expect(understanding.slots(of: "the soggy sandwich I got").item == "Chicken Pesto Sandwich")
        #expect(understanding.slots(of: "the pesto sandwich").item == "Chicken Pesto Sandwich")
    }

    @Test func aDishNotListedIsNamedWithTheWordsThatSayWhichOne() {
        let burrito = MenuLookup.find(in: "whats in the breakfast burrito", menu: Self.menu)
        #expect(burrito.map(\.phrase) == ["breakfast burrito"])
        #expect(burrito.first?.items.isEmpty == true && burrito.first?.alternativeCategory == "food")
        #expect(MenuLookup.find(in: "do you have bagels", menu: Self.menu).map(\.phrase) == ["bagels"])
        #expect(MenuLookup.find(in: "can I get a large pizza", menu: Self.menu).map(\.phrase) == ["pizza"])
        let paneer = MenuLookup.find(in: "do you have a paneer sandwich", menu: Self.menu)
        #expect(paneer.first?.variety == "paneer" && paneer.first?.phrase == "sandwich")
    }

    @Test func pluralsAndSingularsOfFoodWords() {
        #expect(MenuLookup.plural("sandwich") == "sandwiches")
        #expect(MenuLookup.plural("latte") == "lattes")
        #expect(MenuLookup.plural("beans") == "beans")
        #expect(ItemClaims.singular("cookies") == "cookie")
        #expect(ItemClaims.singular("smoothies") == "smoothie")
        #expect(ItemClaims.singular("berries") == "berry")
        #expect(MenuLookup.find(in: "any smoothies?", menu: Self.menu).first?.items.map(\.name) == ["Berry Smoothie"])
    }

    @Test func whatWasOrderedInsteadIsReadAgainstTheMenuAndTheOrders() {
        let menu = ["Banana Bread", "Vegan Blueberry Muffin", "Oat Flat White", "Flat White", "Cappuccino"]
        let ordered = ["Oat Hot Chocolate", "Vegan Blueberry Muffin"]
        #expect(ReceivedInstead.ordered(in: MessageWords("gave me banana bread instead of the vegan one"), menu: menu,
                                        ordered: ordered) == "Vegan Blueberry Muffin")
        #expect(ReceivedInstead.ordered(in: MessageWords("they gave me a cappuccino instead of my oat flat white"),
                                        menu: menu, ordered: ordered) == "Oat Flat White")
        // A milk, not the Oat Hot Chocolate of the order; and a change asked for is no report.
        #expect(ReceivedInstead.ordered(in: MessageWords("got given a dairy latte instead of oat"), menu: menu,
                                        ordered: ordered) == nil)
        #expect(ReceivedInstead.ordered(in: MessageWords("can i get a latte instead of a cappuccino"), menu: menu,
                                        ordered: ordered) == nil)
    }

    @Test func longWordsMisspeltStillSayWhatIsWanted() {
        #expect(MenuWishReader.read("is there anythng without cafeine thats hot").caffeine == .avoid)
        #expect(MenuWishReader.read("smth with no caffiene").caffeine == .avoid)
        // Words one letter from each other that are both real are left alone.
        #expect(MenuWishReader.respell(MessageWords("which is better")).words == ["which", "is", "better"])
    }

    @Test func whoseACouponIsAsksForThePersonalCouponsPassage() {
        #expect(PolicyQuery.words(forQuestion: MessageWords("can my friend use my coupon"), main: .offers) != nil)
        #expect(PolicyQuery.words(forQuestion: MessageWords("can my friend use my coupon"), main: .menu) == nil)
        #expect(PolicyQuery.words(forQuestion: MessageWords("any coupons for me"), main: .offers) == nil)
    }

    @Test func aDrinkNamedIsTold() {
        #expect(ComplaintAnswers.isDrink("Matcha Latte"))
        #expect(ComplaintAnswers.isDrink("cold brew"))
        #expect(!ComplaintAnswers.isDrink("Banana Bread"))
        #expect(!ComplaintAnswers.isDrink(nil))
    }

    @Test func aDrinkMadeWithoutIceOrWithTheWrongMilkIsReadSo() {
        #expect(ComplaintReader.read("yaar cold brew mein ice nahi tha", shopNamed: false)?.what == "made without ice")
        #expect(ComplaintReader.read("my oat latte had dairy milk in it", shopNamed: false)?.what
            == "made with the wrong milk")
        // "Cold" in the Cold Brew's name is not what was wrong; said of it, it is.
        #expect(ComplaintReader.read("my cold brew was cold", shopNamed: false)?.what == "cold")
        #expect(ComplaintReader.read("my cold brew tasted off", shopNamed: false)?.what != "cold")
    }

    @Test func aClockTimeAskedIsCheckedAgainstTheDaysHours() {
        #expect(ContextBuilder.minuteOfDay("07:30") == 450)
        #expect(ContextBuilder.minuteOfDay("7:30") == nil)
        #expect(ContextBuilder.shutThen("today: not open at 07:00 (open 08:00–23:00)"))
        #expect(ContextBuilder.shutThen("tomorrow (Sunday): closed all day"))
        #expect(!ContextBuilder.shutThen("today: open at 21:00 (open 08:00–23:00)"))
    }
}
