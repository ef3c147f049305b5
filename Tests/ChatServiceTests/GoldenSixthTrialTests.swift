import ConciergeCore
import Foundation
import Testing

/// Goldens for the misses of the sixth shopper trial (2026-12-07), written before the fixes: a coupon for
/// everything called "not for food", a change to an order asked next to its status, part of an order paid with
/// points, tomorrow's hours with today's next step, two amenities or two needs in one message, a missing item
/// from a delivery, a service the chain does not list (gift wrapping), delivery asked on a weekday, and a return of
/// goods still sealed. Same personas, clock (Saturday 15:00, Lakeside Café open until 22:00) and wire-tapped
/// privacy check as the other goldens.
@Suite("Golden conversations: the sixth trial's misses")
struct GoldenSixthTrialTests {
    static let goldens: [Golden] = [
        // "Food" is the bakery too: "None of your coupons is for food" was said next to the bakery coupon.
        Golden(name: "Noah: any deals on food: the bakery coupon is for food",
               email: "noah.miller@example.com", messages: ["any deals on food?"],
               contains: ["BAKERY20 gives"], excludes: ["None of your coupons"], intent: .offers),
        // Status and a change in one message: only the status was answered.
        Golden(name: "Noah: where's my order and can I add a muffin: the status, then how a change is made",
               email: "noah.miller@example.com", messages: ["where's my order and can I add a muffin to it"],
               contains: ["ORD-NOA", "It can still be changed", "Customer Care can"]),
        // Part of an order with points: "Points cannot pay for the delivery fee" alone.
        Golden(name: "pay half with points: up to the full value of the items",
               messages: ["can I pay half with points"],
               contains: ["up to the full value of the items", "You have"]),
        // Tomorrow's hours: right, then "head to Lakeside Café; it is open until 22:00" (today).
        Golden(name: "open tomorrow morning: tomorrow's hours, and the next step is not today's",
               messages: ["is lakeside open tmrw morning"],
               contains: ["tomorrow"], excludes: ["it is open until 22:00"]),
        // Two amenities: only the first was answered.
        Golden(name: "wifi and outlets at Lakeside: both answered",
               messages: ["wifi and outlets at lakeside?"],
               contains: ["Lakeside Café has wifi", "power sockets"]),
        // Hungry and thirsty: one thing.
        Golden(name: "hungry and thirsty: something to eat and something to drink",
               messages: ["I'm hungry and thirsty"],
               contains: ["To go with it:"]),
        // A missing item from a delivery: "I'm sorry about your coffee", the order on its way, the no-returns list.
        Golden(name: "delivery came without the coffee beans: the missing-item passage, never the no-returns list",
               email: "noah.miller@example.com", messages: ["my delivery came without the coffee beans"],
               contains: ["coffee beans", "[exchanges-and-replacements > Damaged or missing items > Missing items]"],
               excludes: ["Items we cannot take back", "sorry about your coffee"]),
        // A service the chain does not list: the gift-card passage was quoted as if it answered.
        Golden(name: "gift wrapping: said plainly it is not listed",
               messages: ["do you do gift wrapping"],
               contains: ["gift wrapping"], excludes: ["[gift-cards"]),
        // Sealed goods: the list of what cannot be taken back was quoted.
        Golden(name: "refund for beans I didn't open: the packaged-goods rule",
               messages: ["refund policy for beans I didn't open"],
               contains: ["14 days", "[returns-and-refunds > What you can return > Packaged goods and merchandise]"],
               excludes: ["Items we cannot take back"]),
        // After the coupons, "both together" asks whether they combine: "I don't know that one" was the answer.
        Golden(name: "follow-up: can I use both together: one coupon per order",
               messages: ["any offers?", "can i use both together?"],
               contains: ["one coupon per order"], excludes: ["I don't know"], intent: .offers),
        // "Better" is not "bitter": the answer apologised for a complaint.
        Golden(name: "follow-up: which is better: never an apology",
               messages: ["any offers?", "ok which is better"], excludes: ["I'm sorry", "Butter Croissant"]),
        // Decaf beans: "Yes, Lakeside Café has House Blend Beans 250g", which is not decaf.
        Golden(name: "do you sell decaf beans: not listed, the beans there are, and decaf drinks on request",
               messages: ["do you sell decaf beans"],
               contains: ["We don't list decaf beans", "House Blend Beans 250g", "made with decaf beans"],
               excludes: ["Yes,"]),
        // "Yes, Chelsea Roasters has Banana Bread. Banana Bread lists gluten." said yes to what it lacks.
        Golden(name: "Noah: gluten free bread: the bread there is, but none that fits",
               email: "noah.miller@example.com", messages: ["do you have gluten free bread"],
               contains: ["but none that fits", "Banana Bread lists gluten", "please confirm with staff"],
               excludes: ["Yes,"]),
        // The next step named an item the answer never mentioned ("get the Still Water").
        Golden(name: "Noah: vegan pastries: the muffin offered is the next step's",
               email: "noah.miller@example.com", messages: ["hey do you guys have any vegan pastries"],
               contains: ["Vegan Blueberry Muffin", "Next step: get the Vegan Blueberry Muffin"]),
        // The wifi's password: "Chelsea Roasters has wifi." and nothing of the password.
        Golden(name: "wifi password: the shop has wifi, the counter has its password",
               messages: ["whats the wifi password at lakeside"],
               contains: ["Lakeside Café has wifi", "the team at the counter can give it to you"]),
        // Raj pays in rupees: the earning rule was quoted in pounds ("10 points for every £1").
        Golden(name: "Raj: how do I get more points: the rate in rupees, never the policy's pounds",
               email: "raj.patel@example.com", messages: ["how many points do i have and how do i get more"],
               contains: ["You have", "10 points for every ₹1"], excludes: ["£"]),
        // A drink made otherwise than asked: "I'm sorry about your Flat White" and the status of the order still to
        // come. (Was in `byMeaning` until the eighth trial gave cues "had dairy" as a complaint.)
        Golden(name: "Noah: flat white with dairy but I asked for oat: wrong, and never the order still to come",
               email: "noah.miller@example.com", messages: ["my flat white had dairy milk but i asked for oat"],
               // (Since the eighth trial the apology says what was wrong: "made with the wrong milk".)
               contains: ["I'm sorry your Flat White was made with the wrong milk", "48 hours"], excludes: ["is placed"]),
    ] + byMeaning

    /// Answered right by the production path and wrongly on cues alone (`GOLDEN_CUES_ONLY=1`), checked: lexical
    /// retrieval alone judges the delivery-times passage weak for "do you deliver on sundays" ("sunday" is rare,
    /// "deliver" in nearly every passage), so only the shops' hours are there to quote.
    static let byMeaning: [Golden] = [
        // Delivery asked on a weekday: the shops' Sunday hours were quoted.
        Golden(name: "do you deliver on sundays: the delivery hours, every day",
               messages: ["do you deliver on sundays"],
               contains: ["07:00 to 21:00 every day", "[delivery > Delivery times]"]),
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }
}
