import ConciergeCore
import Foundation
import Testing

/// Goldens for the misses of the fifth shopper trial (2026-12-07, second session), written before the fixes: how
/// coupons work asked as a question (not the list of coupons again), a kind of discount the chain does not list,
/// a holiday's next step, an item's diet and its price in one message, delivery time asked in general, "my son",
/// two kinds of thing wanted with a diet, a refund time asked next to a missing item, and a
/// second ask's passage (ways to pay next to opening hours). Same personas, clock
/// (Saturday 15:00, Lakeside Café open until 22:00) and wire-tapped privacy check as the other goldens.
@Suite("Golden conversations: the fifth trial's misses")
struct GoldenFifthTrialTests {
    static let goldens: [Golden] = [
        // How coupons work: the shopper's coupons were listed again, the rule never said.
        Golden(name: "can I use two coupons: one coupon per order, from the policy",
               messages: ["can I use two coupons"],
               contains: ["one coupon per order", "[coupons-and-promotions > Rules for using coupons > One coupon per order]"],
               intent: .offers),
        Golden(name: "do coupons stack with points: the policy's answer",
               messages: ["can i combine a coupon with my points"],
               contains: ["pay part of the order with loyalty points"]),
        Golden(name: "student discount: said plainly it is not listed, then the shopper's coupons",
               messages: ["is there a student discount"],
               contains: ["We don't list a student discount", "AVA20COCOA gives"], intent: .offers),
        // A holiday: the answer said all shops are closed, then "head to Lakeside Café; it is open until 22:00".
        Golden(name: "open on Christmas Day: the next step is not today's",
               messages: ["are you open on christmas day"],
               contains: ["Christmas Day: all shops are closed"], excludes: ["it is open until 22:00"],
               intent: .openNow),
        // An item's diet and its price: the price was never said.
        Golden(name: "is the cinnamon bun vegan and how much: both answered",
               messages: ["is the cinnamon bun vegan and how much is it"],
               contains: ["Cinnamon Bun", "isn't vegan", "£3.30"]),
        // "My son": "I can't find son on the menu".
        Golden(name: "anything for my son: the kids' menu", messages: ["do you have anything for my son"],
               contains: ["kids' menu", "[dietary-options > Children]"], excludes: ["can't find"]),
        Golden(name: "is there a kids menu: the policy's kids' menu, not suggestions",
               email: "noah.miller@example.com", messages: ["is there a kids menu"],
               contains: ["kids' menu", "[dietary-options > Children]"], excludes: ["you could try"]),
        // Points back for a cancelled order: "get" read as earning, and the earning rate answered.
        Golden(name: "points back for a cancelled order: the policy's sentence, then the balance",
               messages: ["can i get my points back for a cancelled order"],
               contains: ["Points used on an order that is cancelled or refunded are given back", "You have"],
               excludes: ["You earn"], intent: .loyalty),
        // Two kinds wanted with a diet: one filter asked for an item that is both food and a drink.
        Golden(name: "gluten-free to eat and a cold drink: one of each, vegan for Ava",
               messages: ["anything gluten free to eat and a cold drink?"], excludes: ["Nothing on the menu"],
               containsAnyOf: [["Oat Porridge with Berries", "Tomato & Lentil Soup", "Quinoa Salad Bowl"],
                               ["Cold Brew", "Sparkling Lemonade", "Berry Smoothie", "Still Water"]]),
        // A second ask's passage: a secondary payment ask quoted the first passage retrieved (last orders).
        Golden(name: "is Lakeside open, and do you take amex: the ways to pay, not the last-orders passage",
               messages: ["is lakeside open? and do you take amex"],
               contains: ["Lakeside Café", "open until 22:00", "American Express", "[payments > Ways to pay]"],
               excludes: ["last orders"], intent: .openNow),
        Golden(name: "Raj: something to eat and a cold drink, one of each",
               email: "raj.patel@example.com", messages: ["kuch khane ko aur ek cold drink?"],
               contains: ["To go with it: Cold Brew"], excludes: ["Almond"]),
        // Raj's round: a cold coffee wanted read as one that came cold; a pickup's next step.
        Golden(name: "Hinglish: cold coffee hai kya, without nuts: coffee that fits, no apology",
               email: "raj.patel@example.com", messages: ["cold coffee hai kya bina nuts ke"],
               contains: ["Cold Brew", "please confirm with staff"], excludes: ["I'm sorry"]),
        Golden(name: "my cold coffee was watery: the apology names watery, not cold",
               email: "raj.patel@example.com", messages: ["my cold coffee was watery"],
               contains: ["was watery"], excludes: ["was cold"]),
        // The pickup is late in this world: the late step; `FifthTrialReadingTests` proves "isn't ready by".
        Golden(name: "Hinglish: when will my pickup be ready: ready for collection, never 'arrived'",
               email: "raj.patel@example.com", messages: ["mera order kab tak aayega"],
               contains: ["ORD-RAJ10001", "ready for collection"], excludes: ["hasn't arrived"], intent: .orderStatus),
        // Ava's second round: an amenity read as a menu ask, and the milk asked with a drink.
        Golden(name: "power outlets at Lakeside: the shop's record, not 'we don't list power outlets on the menu'",
               messages: ["do you have power outlets at lakeside"],
               contains: ["Lakeside Café's details don't list power sockets"], excludes: ["on the menu"]),
        Golden(name: "oat milk for the cold brew: the plant-milk policy after the item",
               messages: ["do you have oat milk for the cold brew"],
               contains: ["Cold Brew (£", "Every drink can be made with oat"]),
        // A refused code: the coupons listed as if nothing were wrong. (Was in `byMeaning` until the ninth trial
        // searched for the passage by its own words, `PolicyQuery.words(forQuestion:main:)`.)
        Golden(name: "my coupon isn't working: what to check, then the coupons with their conditions",
               messages: ["my coupon isn't working at checkout"],
               contains: ["[coupons-and-promotions > Why a coupon does not work]", "minimum spend", "AVA20COCOA gives"],
               intent: .offers),
    ] + byMeaning

    /// Answered right by the production path and wrongly on cues alone (`GOLDEN_CUES_ONLY=1`), checked one by one:
    /// lexical retrieval alone ranks the refund-time passage first for "how long does delivery take", finds no
    /// failed-payments passage for Hinglish and no temperature passage for "extra hot", and leaves the missing item's
    /// refund time unquoted; cues alone read "got anything for my daughter?" as off-topic.
    static let byMeaning: [Golden] = [
        // Delivery time in general, "my daughter", a refund time next to a missing item, a failed payment in
        // Hinglish, "extra hot": each was answered with an order's status, suggestions, no time, no passage, or no
        // temperature sentence.
        Golden(name: "how long does delivery take to my place: the policy's 30 to 45 minutes",
               messages: ["how long does delivery take to my place"],
               contains: ["30 to 45 minutes", "[delivery > Delivery times]"], excludes: ["is on its way"]),
        Golden(name: "something for my daughter: the kids' menu", messages: ["got anything for my daughter?"],
               contains: ["kids' menu"], excludes: ["can't find"]),
        Golden(name: "missing item, and how long refunds take: the refund time is said",
               messages: ["my order was missing the coffee beans, also how long do refunds take"],
               contains: ["5 working days"]),
        Golden(name: "Hinglish: payment failed but money taken: the failed-payments passage",
               email: "raj.patel@example.com", messages: ["payment fail ho gaya but paisa kat gaya"],
               contains: ["[payments > Failed and declined payments]"], intent: .payment),
        Golden(name: "extra hot oat latte: the extra-hot and plant-milk sentences",
               messages: ["can i get extra hot oat latte"],
               contains: ["Ask for extra hot", "Every drink can be made with oat"]),
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }
}
