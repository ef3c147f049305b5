import ConciergeCore
import Foundation
import Testing

/// Golden conversations for menu questions answered about what was asked: a caffeine need read as "no caffeine", words
/// that describe what the shopper wants (sweet, light, breakfast…) steering the suggestion by the menu's own data, two
/// items compared from their tags, "do you sell X?" answered yes or no from the menu or the policy, and a price cap in
/// the shop's currency. Written from a trial's wrong answers before the code was changed; same personas, clock and
/// wire-tapped privacy check as `GoldenUnderstandingTests`.
@Suite("Golden conversations: menu questions answered about what was asked")
struct GoldenMenuTests {
    static let ava = GoldenUnderstandingTests.ava
    static let raj = GoldenUnderstandingTests.raj
    static let noFreeFrom = GoldenUnderstandingTests.noFreeFromClaims
    /// Lakeside Café's items with caffeine: never listed to someone who asked to avoid it.
    static let caffeinated = ["Espresso (", "Flat White (", "Cappuccino (", "English Breakfast Tea (", "Cold Brew (",
                              "Iced Latte (", "Chai Latte (", "Matcha Latte ("]

    // MARK: 1. A caffeine need is "no caffeine", and the decaf passage answers it

    static let decaf: [Golden] = [
        Golden(name: "do you have decaf: the policy's decaf line, and nothing with caffeine", messages: ["do you have decaf"],
               contains: ["Any espresso drink can be made with decaf beans", "[dietary-options"],
               excludes: ["caffeine diet"] + caffeinated + noFreeFrom),
        // Either policy's decaf sentence answers it (retrieval ranks drink-quality's "Coffee" first for this wording).
        Golden(name: "typo: do u hav decaf coffee", messages: ["do u hav decaf coffee??"],
               excludes: ["caffeine diet"] + caffeinated,
               containsAnyOf: [["Any espresso drink can be made with decaf beans",
                                "Every espresso drink can be made with an extra shot, a single shot or decaf"]]),
        Golden(name: "anything without caffeine: only items that don't list it", messages: ["anything without caffeine?"],
               contains: ["Oat Hot Chocolate"], excludes: ["caffeine diet"] + caffeinated),
        // Was pending: the decaf sentence is now looked for in every passage retrieved (the Spanish message's vector
        // made the fused score judge the decaf passage weak).
        Golden(name: "Spanish: ¿tienen descafeinado?", messages: ["¿tienen café descafeinado?"],
               contains: ["decaf"], excludes: ["caffeine diet"] + caffeinated),
    ]

    // MARK: 2. Words that describe what they want steer the suggestion

    static let describing: [Golden] = [
        Golden(name: "sweet but not too heavy: sweet things, no meals, nothing with nuts", email: raj,
               messages: ["can you recommend something sweet but not too heavy"],
               contains: ["Bandra Bean House", "please confirm with staff"],
               excludes: ["Cold Brew", "Still Water", "Espresso", "Almond", "Banana Bread", "Soup", "Toastie", "Sandwich"]
                   + noFreeFrom,
               containsAnyOf: [["Vegan Blueberry Muffin", "Gluten-Free Brownie", "Cinnamon Bun", "Hot Chocolate"]]),
        Golden(name: "typo: recomend somthing sweet", messages: ["recomend somthing sweet pls"],
               excludes: ["Still Water", "Espresso", "Cold Brew", "Butter Croissant"],
               containsAnyOf: [["Vegan Blueberry Muffin", "Oat Hot Chocolate", "Berry Smoothie"]]),
        Golden(name: "Hinglish: kuch meetha", email: raj, messages: ["kuch meetha recommend karo"],
               excludes: ["Cold Brew", "Still Water", "Espresso", "Almond", "Banana Bread"],
               containsAnyOf: [["Vegan Blueberry Muffin", "Gluten-Free Brownie", "Cinnamon Bun", "Hot Chocolate"]]),
        Golden(name: "something savoury and filling: the food range", messages: ["I want something savoury and filling"],
               excludes: ["Still Water", "Espresso", "Muffin", "Smoothie"],
               containsAnyOf: [["Tomato & Lentil Soup", "Avocado Sourdough", "Quinoa Salad Bowl"]]),
        Golden(name: "healthy: the menu data can't tell, said honestly", messages: ["what's healthy on the menu?"],
               contains: ["calories"], excludes: ["Still Water (", "Espresso ("]),
    ]

    // MARK: 3. Two items named: both answered from their tags

    static let compare: [Golden] = [
        Golden(name: "flat white vs latte: the flat white's facts, and a plain latte is not on the menu",
               messages: ["whats the difference between a flat white and a latte"],
               contains: ["Flat White", "£3.40", "dairy", "caffeine"],
               containsAnyOf: [["don't list a latte", "don't list a plain latte"]]),
        Golden(name: "flat white vs cappuccino: both prices and tags", messages: ["diff b/w flat white and cappuccino?"],
               contains: ["Flat White", "£3.40", "Cappuccino", "£3.30", "dairy", "caffeine"]),
        Golden(name: "oat flat white vs flat white: one vegan, one with dairy",
               messages: ["what's the difference between the oat flat white and the flat white?"],
               contains: ["Oat Flat White", "£3.70", "Flat White", "£3.40", "vegan", "dairy"], excludes: noFreeFrom),
        Golden(name: "Spanish: diferencia entre flat white y cappuccino",
               messages: ["¿cuál es la diferencia entre un flat white y un cappuccino?"],
               contains: ["Flat White", "£3.40", "Cappuccino", "£3.30"]),
    ]

    // MARK: 4. "Do you sell X?": yes or no from the menu

    static let sell: [Golden] = [
        // What is asked for goes into the prompt in the shopper's words, from the masked text: an e-mail typed beside
        // it reached the model as "zebedee" before.
        Golden(name: "a thing not listed, asked with an e-mail in it",
               messages: ["do you sell gift hampers for zebedee.quince@example.org?"],
               contains: ["gift hampers"], typedPII: ["zebedee", "quince", "example.org"]),
        Golden(name: "coffee beans to take home: the house blend and its price",
               messages: ["do you sell coffee beans to take home"],
               contains: ["House Blend Beans 250g", "£8.50"], excludes: ["Oat Hot Chocolate (", "Still Water ("]),
        Golden(name: "typo: do u sell cofee beans", messages: ["do u sell cofee beans"],
               contains: ["House Blend Beans 250g", "£8.50"]),
        Golden(name: "mugs: the ceramic mug", messages: ["do you sell mugs?"], contains: ["Ceramic Mug", "£12.00"]),
        Golden(name: "bagels: not listed, and the bakery instead", messages: ["do you have bagels?"],
               contains: ["don't list bagels"], excludes: ["Still Water (", "Espresso ("],
               containsAnyOf: [["Vegan Blueberry Muffin", "Butter Croissant", "Cinnamon Bun"]]),
        Golden(name: "Hinglish: coffee beans milte hai", email: raj, messages: ["coffee beans milte hai kya?"],
               contains: ["House Blend Beans 250g", "₹"]),
    ]

    // MARK: 5. A price cap, in the shop's currency

    static let price: [Golden] = [
        Golden(name: "breakfast under 5 quid: bakery and breakfast items, nothing over £5",
               messages: ["what's good for breakfast under 5 quid"],
               contains: ["Vegan Blueberry Muffin"],
               excludes: ["Tomato & Lentil Soup", "Avocado Sourdough", "Quinoa Salad Bowl", "Still Water"]),
        Golden(name: "typo: brekfast under £4", messages: ["brekfast under £4?"],
               contains: ["Vegan Blueberry Muffin"], excludes: ["Soup", "Oat Hot Chocolate (£3.90)", "Avocado"]),
        Golden(name: "Raj: something under 200 rupees, in rupees", email: raj, messages: ["anything to eat under 200 rupees?"],
               contains: ["₹"], excludes: ["£", "Almond", "Banana Bread", "Pesto", "Toastie", "Soup"]),
        Golden(name: "Spanish: desayuno barato", messages: ["¿qué hay de desayuno barato?"],
               excludes: ["Soup", "Avocado", "Quinoa"], containsAnyOf: [["English Breakfast Tea", "Vegan Blueberry Muffin"]]),
    ]

    static let goldens = decaf + describing + compare + sell + price

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }

    @Test func namesAreUnique() {
        #expect(Set(Self.goldens.map(\.name)).count == Self.goldens.count)
    }
}
