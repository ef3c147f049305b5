import ConciergeCore
import Foundation
import Testing

/// Goldens for the misses of the tenth shopper trial (2026-12-07), written before the fixes: a price asked in Hinglish
/// for a cold coffee, the order before the last one, a bare price after a suggestion, whether an item is hot,
/// caffeine-free or seasonal, oat milk in a drink made with milk, a squashed delivery, a refund with no order named,
/// cash for delivery, a gift card bought with points, whether there is delivery at all, coffee without milk, Jain food
/// and an allergic reaction. Same personas, clock (Saturday 15:00) and wire-tapped privacy check as the other goldens.
@Suite("Golden conversations: the tenth trial's misses")
struct GoldenTenthTrialTests {
    static let goldens: [Golden] = [
        // The price of a cold coffee, in Hinglish: an apology for a coffee that was cold.
        Golden(name: "Raj: ek cold coffee kitne ki hai: the cold coffees' prices",
               email: "raj.patel@example.com", messages: ["ek cold coffee kitne ki hai"],
               contains: ["Cold Brew", "₹195.00"], excludes: ["I'm sorry"]),
        // The order before the one just answered: the same order again.
        Golden(name: "Noah: where's my order, then the one before that: the older order",
               email: "noah.miller@example.com", messages: ["where's my order", "how about the one before that"],
               contains: ["ORD-NOA10002"], excludes: ["ORD-NOA10001"]),
        // A bare price ask after a suggestion: three items for a nut allergy.
        Golden(name: "Raj: something cold, no caffeine, then kitne ka hai: the suggestion's price",
               email: "raj.patel@example.com", messages: ["i want something cold", "no caffeine pls", "kitne ka hai"],
               contains: ["Still Water is ₹85.00"], excludes: ["fit for a nut allergy"]),
        // Whether the item just named is hot: whether it is vegan.
        Golden(name: "cheapest vegan, then is it hot: still water is a cold drink",
               messages: ["whats the cheapest vegan drink at lakeside", "ok and is it hot?"],
               contains: ["Still Water", "served cold"], excludes: ["is vegan."]),
        // A squashed delivery: the list of things we cannot take back.
        Golden(name: "my muffin was squashed when it arrived, refund: report within 48 hours",
               messages: ["my muffin was squashed when it arrived, can i get a refund"],
               contains: ["48 hours"], excludes: ["Opened food", "Personalised items"]),
        // Oat milk in a drink made with milk: "it isn't vegan".
        Golden(name: "can i get oat milk in the chai: yes, at no extra charge",
               messages: ["can i get oat milk in the chai"],
               contains: ["Chai Latte", "oat", "no extra charge"], excludes: ["isn't vegan", "none that fits"]),
        // How long a seasonal drink is on: its price only.
        Golden(name: "whens the gingerbread latte available till: seasonal, no end date listed",
               messages: ["whens the gingerbread latte available till"],
               contains: ["Gingerbread Spiced Latte", "seasonal"]),
        // A refund with no order named: "I don't know that one", or a passage on partial refunds.
        Golden(name: "refund pls: which order, with the recent ones",
               messages: ["refund pls"],
               contains: ["ORD-AVA1000"], excludes: ["I don't know", "Partial refunds"]),
        // Whether a named tea has caffeine: the teas listed as vegan.
        Golden(name: "is the mint tea caffeine free: the Fresh Mint Tea has none",
               messages: ["is the mint tea caffeine free"],
               contains: ["Fresh Mint Tea doesn't list caffeine"], excludes: ["English Breakfast Tea"]),
        // Cash for a delivery: the card list.
        Golden(name: "can i pay for delivery in cash: not for delivery orders",
               messages: ["can i pay for delivery in cash"],
               contains: ["cash cannot be used for delivery orders"]),
        // A gift card bought with points: how to spend a gift card.
        Golden(name: "can i buy a gift card with points: no",
               messages: ["can i buy a gift card with points"],
               contains: ["cannot buy a gift card", "loyalty points"]),
        // Whether there is delivery at all: contactless delivery.
        Golden(name: "do you do delivery: yes, within 5 km",
               messages: ["do you do delivery"],
               contains: ["We deliver", "5 km"], excludes: ["leave on the bench", "This page"]),
        // Coffee without milk: the Oat Flat White among them.
        Golden(name: "coffee without milk: black coffees only",
               messages: ["coffee without milk"],
               contains: ["Espresso"], excludes: ["Oat Flat White"]),
        // Jain food, in Hinglish: the nearest shop's opening hours.
        Golden(name: "Raj: kya aapke paas jain food hai: not marked on the menu",
               email: "raj.patel@example.com", messages: ["kya aapke paas jain food hai"],
               contains: ["Jain", "confirm with staff"]),
        // An allergic reaction: three more things to eat.
        Golden(name: "Raj: the samosa had nuts and im allergic: emergency first, then care, nothing to eat",
               email: "raj.patel@example.com", messages: ["the samosa had nuts in it and im allergic!!"],
               contains: ["emergency services", "Customer Care"], excludes: ["fit for a nut allergy"]),
        // Second round (written with their fixes). A seasonal drink "still around": its price only.
        Golden(name: "is the gingerbread latte still around: seasonal, while stocks last",
               messages: ["is the gingerbread latte still around"],
               contains: ["seasonal", "while stocks last"]),
        // "My previous order": the latest one.
        Golden(name: "my previous order, was it delivered: the one before the latest",
               messages: ["my previous order, was it delivered?"],
               contains: ["ORD-AVA10002", "delivered"], excludes: ["ORD-AVA10001"]),
        // Wifi and plugs: the plugs dropped.
        Golden(name: "wifi password and plugs at lakeside: both answered",
               messages: ["whats the wifi password at lakeside and do u have plugs"],
               contains: ["wifi", "power sockets"]),
        // Dairy milk tasted in an oat latte: a generic apology and a list of vegan items.
        Golden(name: "my oat latte tasted like dairy milk: the wrong milk, made again",
               messages: ["my oat latte tasted like dairy milk, i'm vegan"],
               contains: ["wrong milk", "remake it free of charge"], excludes: ["fit for"]),
        // A discount for one's own cup: the coupons listed.
        Golden(name: "can i bring my own cup and get a discount: 25p off",
               messages: ["can i bring my own cup and get a discount"],
               contains: ["25p off"]),
        // Hot or cold: "No, … is served cold".
        Golden(name: "Noah: is the iced latte hot or cold: served cold, no yes or no",
               email: "noah.miller@example.com", messages: ["is the iced latte hot or cold"],
               contains: ["Iced Latte", "is served cold"], excludes: ["No,", "Yes,"]),
        // Something vegan and hot, in Spanish: still water among the vegan things.
        Golden(name: "hola, tienen algo vegano caliente: hot and vegan",
               messages: ["hola, tienen algo vegano caliente?"],
               contains: ["Oat Hot Chocolate"], excludes: ["Still Water"]),
        // Third round (written with its fix). UPI in Hinglish with "kya": only the next step, no answer at all.
        Golden(name: "Raj: kya upi chalega: not listed, and the ways to pay",
               email: "raj.patel@example.com", messages: ["kya upi chalega"],
               contains: ["We don't list upi", "we accept"]),
    ] + byMeaning

    /// Answered right by the production path and wrongly on cues alone (`GOLDEN_CUES_ONLY=1`), checked: lexical
    /// retrieval alone ranks "Changing an order" above "Changing your details" for a changed e-mail address (both
    /// headings name the verb, and the order passage has more of the message's words).
    static let byMeaning: [Golden] = [
        // Changing the account's e-mail address, misspelt: the order's delivery address "can't be changed".
        Golden(name: "how do i change my email adress: the account details, through Customer Care",
               messages: ["how do i change my email adress"],
               contains: ["contact Customer Care", "new email address"], excludes: ["ORD-AVA1000"]),
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }
}
