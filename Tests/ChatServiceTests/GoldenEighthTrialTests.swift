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
        // Second round (written with their fixes). A day or a time the nearest shop is shut: its hours only, and the
        // next step sent the shopper there "open until 22:00".
        Golden(name: "Noah: the closest shop open on Sunday: Chelsea Roasters is closed, Battery Park Bakehouse is open",
               email: "noah.miller@example.com", messages: ["what's the closest shop that's open on sunday"],
               contains: ["Chelsea Roasters tomorrow (Sunday): closed all day", "Battery Park Bakehouse",
                          "open 08:00–18:00", "Next step: plan your visit to Battery Park Bakehouse"]),
        Golden(name: "is anything open at midnight: Lakeside is not, Southbank Coffee House is",
               messages: ["is anything open at midnight"],
               contains: ["Lakeside Café today: not open at 00:00", "Southbank Coffee House", "open at 00:00",
                          "Next step: plan your visit to Southbank Coffee House"], excludes: ["head to Lakeside"]),
        Golden(name: "Raj: is Bandra open at 7 am: not yet, and its hours",
               email: "raj.patel@example.com", messages: ["is bandra open at 7 am"],
               contains: ["not open at 07:00", "08:00"]),
        // "Cold brew mein ice nahi tha" (there was no ice): "your Cold Brew was cold", read from its name.
        Golden(name: "Raj: cold brew mein ice nahi tha: made without ice, remade",
               email: "raj.patel@example.com", messages: ["yaar cold brew mein ice nahi tha"],
               contains: ["made without ice", "remake it free of charge"], excludes: ["was cold"]),
        // Dairy milk in an oat latte: the plant-milk sentence and suggestions "for a dairy allergy".
        Golden(name: "my oat latte had dairy milk in it: the wrong milk, remade, no suggestions",
               messages: ["my oat latte had dairy milk in it and I'm vegan!!"],
               contains: ["made with the wrong milk", "remake it free of charge"], excludes: ["fit for"]),
        // An app: the authenticator app of two-step verification, and suggestions.
        Golden(name: "do you have an app: there is none, the website does it all",
               messages: ["do you have an app"], contains: ["We do not have a mobile app"],
               excludes: ["authenticator"]),
        Golden(name: "a loyalty app: there is none, and the points",
               messages: ["hey can u tell me if theres a loyalty app"],
               contains: ["We do not have a mobile app", "1250 points"]),
        // Third round (written with their fixes). An extra shot: the lattes listed, as if that answered it.
        Golden(name: "Noah: extra shot in my latte: the sentence on shots first",
               email: "noah.miller@example.com", messages: ["can I get extra shot in my latte"],
               contains: ["Every espresso drink can be made with an extra shot"]),
        // Merch: "we don't list merch", then drinks.
        Golden(name: "Noah: do you sell merch: the mugs, cups and beans",
               email: "noah.miller@example.com", messages: ["do you sell merch"],
               contains: ["Ceramic Mug", "Reusable Cup"], excludes: ["We don't list merch"]),
        // A coupon for "it", the muffin just suggested: the coupons in their usual order.
        Golden(name: "something sweet, then any coupon for it: the muffin's coupon first",
               messages: ["anything sweet for under 3 quid", "great, any coupon for it?"],
               contains: ["MUFFIN50 gives 50% off Vegan Blueberry Muffin", "Next step: enter MUFFIN50"],
               intent: .offers),
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }
}
