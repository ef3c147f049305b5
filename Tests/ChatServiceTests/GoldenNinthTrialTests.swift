import ConciergeCore
import Foundation
import Testing

/// Goldens for the misses of the ninth shopper trial (2026-12-07), written before the fixes: Hinglish that named a dish
/// ("paneer wala sandwich"), asked when a refund comes or when a shop opens tomorrow; two asks in one message (a shop's
/// hours and a drink); whether something in an order was vegan; paying cash; buying gift cards; coffee without milk in
/// Spanish; the strongest coffee; a dessert that is a drink; a rainy day. Same personas, clock (Saturday 15:00) and
/// wire-tapped privacy check as the other goldens.
@Suite("Golden conversations: the ninth trial's misses")
struct GoldenNinthTrialTests {
    static let goldens: [Golden] = [
        // When the refund comes, in Hinglish: "I don't know that one".
        Golden(name: "Raj: mera refund kab tak aayega: five working days",
               email: "raj.patel@example.com", messages: ["mera refund kab tak aayega"],
               contains: ["5 working days"], excludes: ["I don't know"]),
        // Cash: the card list, with no word of cash.
        Golden(name: "can I pay cash: in the shops, not for delivery",
               messages: ["can I pay cash"],
               contains: ["accept cash"]),
        // A shop's hours and a drink in one message: the drink was dropped.
        Golden(name: "Noah: is chelsea open at 9pm and do u have decaf: both answered",
               email: "noah.miller@example.com", messages: ["is chelsea open at 9pm and do u have decaf"],
               contains: ["not open at 21:00", "decaf"]),
        // Whether something in her order was vegan: an apology about a "Hot Chocolate".
        Golden(name: "was the hot chocolate in my last order vegan: the Oat Hot Chocolate is",
               messages: ["was the hot chocolate in my last order vegan"],
               contains: ["Oat Hot Chocolate", "vegan"], excludes: ["I'm sorry", "Hot Chocolate lists dairy"]),
        // Gift cards: how to spend one, not how to get one.
        Golden(name: "do u do gift cards: plastic and e-gift cards, and what they hold",
               messages: ["do u do gift cards"],
               contains: ["gift cards"], excludes: ["does not cover the whole order", "You cannot buy"]),
        // Coffee without milk, in Spanish: "did you want the nearest shop or a refund".
        Golden(name: "quiero un cafe sin leche: a black coffee",
               messages: ["quiero un cafe sin leche"],
               contains: ["Espresso"], excludes: ["did you want"]),
        // The strongest coffee: a Flat White "will give you a lift".
        Golden(name: "Noah: whats the strongest coffee u got: the espresso, and an extra shot",
               email: "noah.miller@example.com", messages: ["yo whats the strongest coffee u got"],
               contains: ["Espresso", "extra shot"]),
        // A dessert: sparkling lemonade first.
        Golden(name: "Raj: nut free dessert hai kya: sweet food only",
               email: "raj.patel@example.com", messages: ["nut free dessert hai kya"],
               contains: ["Gluten-Free Brownie"], excludes: ["Sparkling Lemonade"]),
        // Tomorrow morning's opening time, in Hinglish: today's closing time.
        Golden(name: "Raj: kal subah kitne baje khulta hai: tomorrow's hours",
               email: "raj.patel@example.com", messages: ["kal subah kitne baje khulta hai"],
               contains: ["tomorrow (Sunday)"]),
        // A rainy day: still water among the suggestions.
        Golden(name: "whats good for a rainy day: something warm",
               messages: ["hiya whats good for a rainy day"],
               contains: ["Oat Hot Chocolate"], excludes: ["Still Water"]),
        // Second round (written with their fixes). "It" after a kind the menu does not list: the three suggestions.
        Golden(name: "any vegan cake, then how much is it: the muffin offered in its place",
               messages: ["any vegan cake?", "how much is it"],
               contains: ["Vegan Blueberry Muffin is £3.00"], excludes: ["Still Water"]),
        // How much caffeine, in Hinglish: the nut allergy on file, and nothing of caffeine.
        Golden(name: "Raj: cold brew mein kitna caffeine hai: it has caffeine, amounts not listed",
               email: "raj.patel@example.com", messages: ["cold brew mein kitna caffeine hai"],
               contains: ["Cold Brew has caffeine", "doesn't say how much"]),
        // A coupon refused, in Hinglish: the coupons listed as if nothing were wrong.
        Golden(name: "Raj: mera coupon kaam nahi kar raha: what to check",
               email: "raj.patel@example.com", messages: ["bhai mera coupon kaam nahi kar raha"],
               contains: ["Why a coupon does not work", "logged in"]),
        // Points for an order placed logged out: how points are earned.
        Golden(name: "Noah: points on an order I forgot to log in for: claim missing points within 30 days",
               email: "noah.miller@example.com", messages: ["can i get my points on an order i forgot to log in for"],
               contains: ["claim them within 30 days"]),
        // Third round (written with their fixes). The price in Hinglish after a sandwich: the menu again.
        Golden(name: "Raj: koi veg sandwich hai, then kitne ka hai: the sandwich's price",
               email: "raj.patel@example.com", messages: ["koi veg sandwich hai?", "kitne ka hai"],
               contains: ["Chicken Pesto Sandwich is ₹"]),
        // Hot drinks for a dairy allergy: still water among them.
        Golden(name: "lactose intolerant, what hot drinks: hot ones only",
               messages: ["I'm lactose intolerant, what hot drinks can I have"],
               contains: ["Oat Hot Chocolate"], excludes: ["Still Water", "Sparkling Lemonade"]),
        // "Wala" (the one with) before a dish: an apology about the Chicken Pesto Sandwich. (Was in `byMeaning` until
        // the eleventh trial: "X hai kya" with a thing before it now reads as the menu on cues too, `HinglishHas`.)
        Golden(name: "Raj: paneer wala sandwich hai kya: not listed, no apology",
               email: "raj.patel@example.com", messages: ["paneer wala sandwich hai kya"],
               contains: ["We don't list a paneer sandwich"], excludes: ["I'm sorry"]),
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }
}
