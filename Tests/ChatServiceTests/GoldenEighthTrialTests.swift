import ConciergeCore
import Foundation
import Testing

/// Goldens for the misses of the eighth shopper trial (2026-12-07), written before the fixes: a dish the menu does
/// not have named with a kind it has ("paneer sandwich", "breakfast burrito"), a drink that was not right (watery,
/// weak), something received in place of what was ordered, what plant milk costs, a friend using a coupon, every
/// coupon the shopper holds, "it" after a suggestion, typos that hid a wish, and working from a shop. Same personas,
/// clock (Saturday 15:00, Lakeside Café open until 22:00, Chelsea Roasters closed on Sundays) and wire-tapped privacy
/// check as the other goldens.
@Suite("Golden conversations: the eighth trial's misses")
struct GoldenEighthTrialTests {
    static let goldens: [Golden] = [
        // A dish the menu does not list, of a kind it does: answered about the Chicken Pesto Sandwich instead.
        Golden(name: "Raj: is paneer sandwich veg: not listed, and the sandwich there is isn't vegetarian",
               email: "raj.patel@example.com", messages: ["is paneer sandwich veg?"],
               contains: ["We don't list a paneer sandwich", "Chicken Pesto Sandwich"],
               excludes: ["Chicken Pesto Sandwich contains nuts. It isn't vegetarian."]),
        Golden(name: "Raj: do you have a paneer sandwich: sandwiches spelt right",
               email: "raj.patel@example.com", messages: ["do you have a paneer sandwich"],
               contains: ["We don't list a paneer sandwich", "from the sandwiches"], excludes: ["sandwichs"]),
        // A dish of no kind the menu has: the breakfast items, as if they were in it.
        Golden(name: "Noah: what's in the breakfast burrito: not on the menu",
               email: "noah.miller@example.com", messages: ["whats in the breakfast burrito"],
               contains: ["We don't list a breakfast burrito"], excludes: ["chosen as for breakfast"]),
        // A drink that was not right: the milk-and-ice sentence, or nothing; the promise is a remake.
        Golden(name: "Noah: cold brew was watery: remade free of charge",
               email: "noah.miller@example.com", messages: ["my cold brew was watery af"],
               contains: ["I'm sorry", "remake it free of charge"], excludes: ["Ice is made from filtered water"],
               intent: .complaint),
        Golden(name: "the matcha was way too weak: remade free of charge",
               messages: ["the matcha was way too weak"],
               contains: ["I'm sorry", "remake it free of charge"], intent: .complaint),
        // Received in place of what was ordered: "I'm sorry your Banana Bread was wrong", about the item she got.
        Golden(name: "gave me banana bread instead of the vegan one: what she got, and what she ordered",
               messages: ["gave me banana bread instead of the vegan one"],
               contains: ["Banana Bread instead of", "Vegan Blueberry Muffin", "48 hours"],
               excludes: ["your Banana Bread was wrong"], intent: .complaint),
        // What plant milk costs: the morning's suggestions.
        Golden(name: "is the oat milk extra: no extra charge",
               messages: ["is the oat milk extra?"],
               contains: ["at no extra charge"]),
        // A friend using the shopper's coupon: the coupons again.
        Golden(name: "Raj: can my friend use my coupon: personal coupons work on the shopper's account",
               email: "raj.patel@example.com", messages: ["can my friend use my coupon"],
               contains: ["only work when you are logged in"]),
        // Every coupon the shopper holds: two of five were listed, with no word of the others.
        Golden(name: "any offers: the coupons beyond the first two are named too",
               messages: ["any offers?"],
               contains: ["AVA20COCOA gives", "WARM15", "MUFFIN50"], intent: .offers),
        // "It" after a suggestion: the menu again, and then an allergy answer about other drinks.
        Golden(name: "Noah: vegan lunch, then how much is it: the first suggestion's price",
               email: "noah.miller@example.com", messages: ["is there a vegan option for lunch", "how much is it"],
               contains: ["Oat Porridge with Berries is $4.75"], excludes: ["Still Water"]),
        Golden(name: "Noah: vegan lunch, how much, is it gluten free too: that dish's tags",
               email: "noah.miller@example.com",
               messages: ["is there a vegan option for lunch", "how much is it", "ok is it gluten free too"],
               contains: ["Oat Porridge with Berries doesn't list gluten", "confirm with staff"],
               excludes: ["Flat White"]),
        // Typos hid both the caffeine and the heat: "did you want the menu or something cold?".
        Golden(name: "anythng without cafeine thats hot: hot drinks with no caffeine",
               messages: ["is there anythng without cafeine thats hot"],
               contains: ["Oat Hot Chocolate"], excludes: ["did you want", "Still Water", "Espresso"]),
        // Spelt right, the heat was still lost: still water among the suggestions.
        Golden(name: "anything without caffeine that's hot: no still water",
               messages: ["is there anything without caffeine that's hot"],
               contains: ["Oat Hot Chocolate"], excludes: ["Still Water"]),
        // The seasonal menu and a diet: "Chosen as from the seasonal menu only".
        Golden(name: "whats vegan and festive: the seasonal drink, and why it does not fit, said plainly",
               messages: ["whats vegan and festive"],
               contains: ["Gingerbread Spiced Latte lists dairy"], excludes: ["Chosen as from"]),
        // Sitting down to work: the walk there only.
        Golden(name: "Noah: where can I sit and work near me: the shop's wifi",
               email: "noah.miller@example.com", messages: ["where can I sit and work near me"],
               contains: ["Chelsea Roasters has wifi"]),
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }
}
