import ConciergeCore
import Foundation
import Testing

/// Goldens for the misses of the seventh shopper trial (2026-12-07), written before the fixes: caffeine avoided in
/// other words than the cue lists had (and "someone" read as a wish for a person), what points buy, seasonal drinks,
/// working from a shop, money gone after a failed payment, order-ahead for a time the shop is shut, delivery time
/// asked in Hinglish, a refund for stale food, a coupon for a latte (typed, and as a follow-up), where a coupon
/// works, the cheapest drink, and a diet asked after a feeling. Same personas, clock (Saturday 15:00, Lakeside Café
/// open until 22:00, Chelsea Roasters closed on Sundays) and wire-tapped privacy check as the other goldens.
@Suite("Golden conversations: the seventh trial's misses")
struct GoldenSeventhTrialTests {
    static let goldens: [Golden] = [
        // "Someone who can't do caffeine": a hand-off was opened, and the Espresso and Flat White were said to fit.
        Golden(name: "Noah: something for someone who can't do caffeine: nothing with caffeine, no hand-off",
               email: "noah.miller@example.com", messages: ["whats good for someone who cant do caffeine"],
               contains: ["with no caffeine listed"],
               excludes: ["Espresso", "Flat White", "passed this conversation", "Customer Care's reply"]),
        // What points buy: "Points earned on an order that is refunded are taken back".
        Golden(name: "how many points and what can I get with them: the balance and what points are worth",
               messages: ["how many points do i have and what can i get with them"],
               contains: ["You have", "worth £12.50", "spend points in blocks of 100"], excludes: ["taken back"]),
        // Christmas drinks: the vegan drinks (water, lemonade, cold brew), not the seasonal one.
        Golden(name: "Christmas drinks: the seasonal latte, and that it lists dairy",
               messages: ["do you have any christmas drinks"],
               contains: ["Gingerbread Spiced Latte", "dairy"], excludes: ["Still Water"]),
        // Working from the shop with a laptop: "I don't know that one from our policies".
        Golden(name: "bring my laptop and work at Lakeside: the shop's wifi",
               messages: ["can i bring my laptop and work at lakeside for a few hours"],
               contains: ["Lakeside Café has wifi"], excludes: ["I don't know that one"]),
        // Money gone after a failed payment: the checklist for a declined card.
        Golden(name: "payment failed but money left my account: a declined payment is never charged",
               messages: ["I paid with apple pay but it failed and money still left my account"],
               contains: ["never charged", "pending"]),
        // Order ahead for a time the shop is shut: the generic order-ahead sentence.
        Golden(name: "Noah: order ahead for 7am tomorrow: Chelsea Roasters is closed tomorrow",
               email: "noah.miller@example.com", messages: ["can i order ahead for pickup at 7am tomorrow"],
               contains: ["Chelsea Roasters", "closed"]),
        // Nothing spicy: "We don't list spicy on on the menu".
        Golden(name: "Raj: anything spicy: not listed, said once",
               email: "raj.patel@example.com", messages: ["is there anything spicy on the menu"],
               contains: ["We don't list spicy"], excludes: ["on on"]),
        // A coupon for a latte: the cold-drinks coupon first, for the one iced latte. (The next step names the first.)
        Golden(name: "coupons for a latte: the hot-drinks coupon first",
               messages: ["any coupons for a latte?"],
               contains: ["WARM15 gives 15% off", "Next step: enter WARM15"], excludes: ["None of your coupons"],
               intent: .offers),
        // The same as a follow-up: the first answer's two coupons again.
        Golden(name: "follow-up: any offers, then which one is best for a latte: the hot-drinks coupon",
               messages: ["any offers for me?", "which one is best for a latte"],
               contains: ["WARM15 gives 15% off"], intent: .offers),
        // Where a coupon works: its terms again, with no place.
        Golden(name: "where can I use AVA20COCOA: at all our shops",
               messages: ["where can i use AVA20COCOA"],
               contains: ["AVA20COCOA works at all our shops"], intent: .offers),
        // The cheapest drink: the budget tier's water and lemonade, the Espresso (cheaper than the lemonade) left out.
        Golden(name: "Noah: the cheapest drink: the cheapest ones by price",
               email: "noah.miller@example.com", messages: ["whats the cheapest drink"],
               contains: ["Still Water ($1.90)", "Espresso ($2.75)"], excludes: ["Sparkling Lemonade"]),
        // A diet asked after a feeling: still water offered to someone freezing.
        Golden(name: "Noah: freezing, then anything without dairy: hot drinks only",
               email: "noah.miller@example.com", messages: ["i'm freezing", "anything without dairy?"],
               contains: ["Espresso"], excludes: ["Still Water", "Sparkling Lemonade", "Cold Brew"]),
        // Second round (written with their fixes). Something received instead of what was ordered (since the eighth
        // trial the apology names both, "you got the Cappuccino instead of your Oat Flat White"): "already on its
        // way, so it can't be changed any more".
        Golden(name: "they gave me a cappuccino instead of my oat flat white: a wrong item, not a change",
               messages: ["they gave me a cappuccino instead of my oat flat white"],
               contains: ["I'm sorry you got the Cappuccino instead of your Oat Flat White", "48 hours"],
               excludes: ["can't be changed"],
               intent: .complaint),
        Golden(name: "got given a dairy latte instead of oat: made wrong",
               messages: ["got given a dairy latte instead of oat, not happy"],
               contains: ["I'm sorry your latte was wrong", "48 hours"], intent: .complaint),
        Golden(name: "can I get a latte instead of a cappuccino on my order: still a change",
               messages: ["can i get a latte instead of a cappuccino on my order"],
               excludes: ["I'm sorry"], intent: .orderChange),
        // How busy a shop is: only its hours, as if they answered.
        Golden(name: "is Lakeside busy right now: not known, then its hours",
               messages: ["is lakeside busy right now"],
               contains: ["I can't see how busy Lakeside Café is", "open until 22:00"]),
        // Extra hot: the suggestions included still water.
        Golden(name: "extra hot with oat milk: the policy, and only hot drinks suggested",
               messages: ["can i get my drink extra hot with oat milk"],
               contains: ["80 °C", "oat"], excludes: ["Still Water", "Sparkling Lemonade"]),
    ] + byMeaning

    /// Answered right by the production path and wrongly on cues alone (`GOLDEN_CUES_ONLY=1`), checked: cues alone
    /// read "delivery kitne time mein aayegi" (how long will delivery take to come?) as the status of the shopper's
    /// own order, which the examples read as the general question it is; and lexical retrieval alone judges the
    /// fresh-food passage weak for "my muffin was stale" (it ranks gift-card expiry first), so no passage says it is
    /// put right with a refund; and cues alone read "the chai was too sweet" next to a refund as a refund only.
    static let byMeaning: [Golden] = [
        // Delivery time asked in Hinglish: an apology, as for a complaint, and the pickup order's status.
        Golden(name: "Raj: delivery kitne time mein aayegi: how long delivery takes, no apology",
               email: "raj.patel@example.com", messages: ["delivery kitne time mein aayegi"],
               contains: ["30 to 45 minutes"], excludes: ["sorry"]),
        // A complaint about an item the order named did not have: the order's windows, as if it had. Cues alone do
        // not hear "too sweet" as a complaint (as in `GoldenFourthTrialTests.byMeaning`), so it is a refund there.
        Golden(name: "Raj: refund on my last order, the chai was too sweet: that order had no chai",
               email: "raj.patel@example.com", messages: ["refund on my last order, the chai was too sweet"],
               contains: ["I can't see a Chai Latte in ORD-RAJ"]),
        // A refund for stale food: the list of what cannot be taken back was quoted too.
        Golden(name: "Raj: muffin was stale, can I get a refund: the 48 hours, never the no-returns list",
               email: "raj.patel@example.com", messages: ["my muffin was stale, can i get a refund"],
               contains: ["48 hours", "refund"], excludes: ["Items we cannot take back", "engraved mugs"]),
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }
}
