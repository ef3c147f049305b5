@testable import ConciergeCore
import Foundation
import Testing
import TestSupport

/// The menu wish reader and the kind mapping: which words steer a suggestion, which way caffeine goes, and a price
/// cap in the currency named.
@Suite("Menu wishes: describing words, caffeine and price caps")
struct MenuWishTests {
    static func item(_ name: String, _ category: String, _ price: Int, _ tags: [ItemTag], tier: PriceTier = .standard) -> MenuItem {
        MenuItem(sku: name, name: name, category: category, priceMinor: price, tags: tags, priceTier: tier)
    }

    static let muffin = item("Vegan Blueberry Muffin", "bakery", 300, [.gluten, .vegan])
    static let croissant = item("Butter Croissant", "bakery", 260, [.dairy, .gluten, .vegetarian], tier: .budget)
    static let soup = item("Tomato & Lentil Soup", "hot-food", 450, [.hot, .vegan])
    static let porridge = item("Oat Porridge with Berries", "hot-food", 380, [.hot, .vegan])
    static let espresso = item("Espresso", "hot-drinks", 220, [.hot, .vegan, .caffeine], tier: .budget)
    static let cocoa = item("Oat Hot Chocolate", "hot-drinks", 390, [.hot, .vegan])
    static let water = item("Still Water", "cold-drinks", 150, [.cold, .vegan], tier: .budget)
    static let menu = [muffin, croissant, soup, porridge, espresso, cocoa, water]

    static func fitting(_ message: String, currency: String = "GBP") -> [String] {
        var shop = Fixtures.shop("st_t", name: "Test Café", latitude: 51.5, longitude: -0.1)
        shop.currency = currency
        let wish = MenuWishReader.read(message)
        return menu.filter { wish.allows($0, in: shop) }.map(\.name)
    }

    @Test func sweetButNotTooHeavyIsSweetNamedAndNotAMeal() {
        let wish = MenuWishReader.read("can you recommend something sweet but not too heavy")
        #expect(wish.kinds == [.sweet, .light])
        // The porridge is named for berries, but it is a meal.
        #expect(Self.fitting("something sweet but not too heavy") == ["Vegan Blueberry Muffin", "Oat Hot Chocolate"])
    }

    @Test func savouryLeavesOutWhatIsNamedForFruit() {
        #expect(Self.fitting("something savoury") == ["Tomato & Lentil Soup"])
        #expect(Self.fitting("nothing sweet please").contains("Espresso"))
        #expect(!Self.fitting("nothing sweet please").contains("Vegan Blueberry Muffin"))
    }

    @Test func breakfastIsTheBakeryAndPorridgeEvenTypedLoosely() {
        #expect(Self.fitting("brekfast ideas") == ["Vegan Blueberry Muffin", "Butter Croissant", "Oat Porridge with Berries"])
        #expect(MenuWishReader.read("kuch nashta").kinds == [.breakfast])
        #expect(MenuWishReader.read("algo para el desayuno").kinds == [.breakfast])
    }

    @Test func lightIsNeverReadFromNight() {
        #expect(MenuWishReader.read("is night owl open?").isEmpty)
    }

    @Test func caffeineGoesTheWayTheMessageSays() {
        #expect(MenuWishReader.read("do you have decaf").caffeine == .avoid)
        #expect(MenuWishReader.read("¿tienen café descafeinado?").caffeine == .avoid)
        #expect(MenuWishReader.read("anything without caffeine?").caffeine == .avoid)
        #expect(MenuWishReader.read("so tired, need caffeine").caffeine == .want)
        #expect(MenuWishReader.read("how much caffeine is in a flat white").caffeine == nil)
        // Decaf asks for drinks: a muffin listing no caffeine is not an answer to it.
        #expect(Self.fitting("do you have decaf") == ["Oat Hot Chocolate", "Still Water"])
    }

    @Test func aPriceCapIsInTheMenusCurrency() {
        #expect(MenuWishReader.read("breakfast under 5 quid").priceCap == PriceCap(minor: 500, currency: "GBP"))
        #expect(MenuWishReader.read("anything below £4.50?").priceCap == PriceCap(minor: 450, currency: "GBP"))
        #expect(MenuWishReader.read("something under 200 rupees").priceCap == PriceCap(minor: 20_000, currency: "INR"))
        #expect(MenuWishReader.read("menos de 5 libras").priceCap == PriceCap(minor: 500, currency: "GBP"))
        #expect(MenuWishReader.read("under 5").priceCap == PriceCap(minor: 500, currency: nil))
        #expect(MenuWishReader.read("I'll be there in 5 minutes").priceCap == nil)
        #expect(Self.fitting("breakfast under 3 quid") == ["Vegan Blueberry Muffin", "Butter Croissant"])
        // Quid in a rupee shop: not compared across currencies.
        #expect(Self.fitting("breakfast under 3 quid", currency: "INR").count == 3)
    }

    @Test func cheapIsTheBudgetTier() {
        #expect(Self.fitting("anything cheap?") == ["Butter Croissant", "Espresso", "Still Water"])
    }

    @Test func wordsTheDataCannotDecideAreKeptApart() {
        let wish = MenuWishReader.read("what's healthy to share?")
        #expect(wish.unanswerable == ["healthy", "to share"])
        #expect(wish.kinds.isEmpty)
    }

    @Test func aDietWordOfTheItemsOwnNameIsNoNeed() {
        let user = Fixtures.user("usr_t", email: "t@example.com")
        #expect(DietaryNeeds.of(user, named: [.gluten], besides: "Gluten-Free Brownie") == [.vegan])
        #expect(DietaryNeeds.of(user, named: [.gluten]).contains(.glutenFree))
    }

    @Test func lookupFindsWholeNamesKindsAndUnlistedThings() {
        let menu = Self.menu + [Self.item("Flat White", "hot-drinks", 340, [.hot, .dairy, .caffeine, .vegetarian]),
                                Self.item("Oat Flat White", "hot-drinks", 370, [.hot, .vegan, .caffeine]),
                                Self.item("Iced Latte", "cold-drinks", 360, [.cold, .dairy, .caffeine]),
                                Self.item("House Blend Beans 250g", "merchandise", 850, [.vegan])]
        let compared = MenuLookup.find(in: "whats the difference between a flat white and a latte", menu: menu)
        #expect(compared.map(\.phrase) == ["Flat White", "latte"])
        #expect(compared.map(\.exact) == [true, false])
        #expect(MenuLookup.find(in: "oat flat white or flat white?", menu: menu).map(\.phrase) == ["Oat Flat White", "Flat White"])
        #expect(MenuLookup.find(in: "do you sell coffee beans to take home", menu: menu).first?.items.map(\.name)
            == ["House Blend Beans 250g"])
        let bagels = MenuLookup.find(in: "do you have bagels?", menu: menu)
        #expect(bagels.first?.items.isEmpty == true && bagels.first?.alternativeCategory == "bakery")
        // Two words of one name side by side are that item, not two kinds.
        let gingerbread = MenuLookup.find(in: "what comes in the gingerbread latte?",
                                          menu: menu + [Self.item("Gingerbread Spiced Latte", "hot-drinks", 430, [.hot])])
        #expect(gingerbread.map(\.phrase) == ["Gingerbread Spiced Latte"] && gingerbread.first?.exact == true)
        #expect(MenuLookup.askedWords("do you have decaf") == ["decaf"])
        #expect(MenuLookup.askedWords("coffee beans milte hai kya?") == ["coffee", "beans"])
    }
}
