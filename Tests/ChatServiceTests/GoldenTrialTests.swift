import ConciergeCore
import Foundation
import Testing

/// Goldens for the misses a shopper trial found (2026-12-06), written before the fixes, each with variants in other
/// wordings, typos, Hinglish and Spanish: a shop named by a word of its name or its street, a second ask about a menu
/// word, deals for what the shopper named, account tasks about one's data, and whether dogs may come in. The test
/// world's Soho shop is Soho Coffee House (195 Fleet Street); Night Owl Coffee is on Old Compton Street. Same
/// personas, clock and wire-tapped privacy check as the other goldens.
@Suite("Golden conversations: the shopper trial's misses")
struct GoldenTrialTests {
    static let soho = "Soho Coffee House"
    /// Soho Coffee House on a Saturday at 15:00 (its hours today are 08:00–23:00).
    static let sohoToday = [soho, "open until 23:00"]
    static let accountPage = GoldenMultiIntentTests.accountPage
    static let accountStep = "Next step: open your account page (/account)"
    /// The plant milks, as the dietary-options policy says them.
    static let plantMilks = "oat, soya, almond or coconut milk"
    static let dogsWelcome = "Assistance dogs are always welcome in all our shops"

    // MARK: 1. A shop named by a word of its name or its street: the answer is about that shop

    static let namedShop: [Golden] = [
        Golden(name: "'the soho shop' closes: Soho Coffee House", messages: ["wat time does the soho shop close"],
               contains: sohoToday, excludes: ["Lakeside Café"], intent: .openNow),
        Golden(name: "'your soho place': Soho Coffee House", messages: ["is your soho place open now?"],
               contains: sohoToday, excludes: ["Lakeside Café"]),
        Golden(name: "'the one in soho': Soho Coffee House", messages: ["when does the one in soho close"],
               contains: sohoToday, excludes: ["Lakeside Café"]),
        Golden(name: "'soho branch': Soho Coffee House", messages: ["soho branch hours today?"],
               contains: sohoToday, excludes: ["Lakeside Café"]),
        Golden(name: "its street: 'the fleet street one' is Soho Coffee House",
               messages: ["what time does the fleet street one close?"], contains: sohoToday, excludes: ["Lakeside Café"]),
        Golden(name: "its street: 'the shop on old compton st' is Night Owl Coffee",
               messages: ["is the shop on old compton st open late?"], contains: ["Night Owl Coffee", "open until 01:00"],
               excludes: ["Lakeside Café"]),
        Golden(name: "Hinglish: 'soho wala shop'", messages: ["soho wala shop kab band hota hai"],
               contains: sohoToday, excludes: ["Lakeside Café"]),
        // ("¿a qué hora cierra…?" is read as off-topic on cues alone: "cierra" is no opening cue, outside this part.)
        Golden(name: "Spanish: 'la tienda de soho'", messages: ["¿la tienda de soho está abierta ahora?"],
               contains: sohoToday, excludes: ["Lakeside Café"]),
    ]

    // MARK: 2. A second ask about a menu word, an item or a diet: answered in its own sentence, after the hours

    static let secondMenuAsk: [Golden] = [
        Golden(name: "soho tomorrow morning, and oat milk", messages: ["is the soho one open tmrw morning and do u have oat milk"],
               contains: ["Soho Coffee House tomorrow (Sunday): open 08:00–23:00", plantMilks]),
        Golden(name: "do you have oat milk: the plant milks, not a list of suggestions", messages: ["do you have oat milk?"],
               contains: [plantMilks], excludes: ["you could try"]),
        Golden(name: "Lakeside open now, and banana bread: its price there",
               messages: ["is lakeside open now and do you sell banana bread"],
               contains: ["Lakeside Café", "open until 22:00", "Banana Bread is £2.90 at Lakeside Café"]),
        Golden(name: "Hinglish: lakeside open, aur oat milk milega", messages: ["lakeside abhi khula hai? aur oat milk milega?"],
               contains: ["Lakeside Café", "open until 22:00", plantMilks]),
    ]

    // MARK: 3. Deals for what the shopper named lead; if none fits, said so, and the others follow

    static let namedDeals: [Golden] = [
        Golden(name: "deals on cold drinks: CHILL10 leads", messages: ["any deals on cold drinks"],
               contains: ["CHILL10", "10% off cold drinks"], excludes: ["AVA20COCOA"], intent: .offers),
        Golden(name: "typo: discount for iced drinks: CHILL10", messages: ["got any discont for iced drinks?"],
               contains: ["CHILL10"], excludes: ["AVA20COCOA"]),
        Golden(name: "Hinglish: koi offer cold drinks pe: CHILL10", messages: ["koi offer hai cold drinks pe?"],
               contains: ["CHILL10"], excludes: ["AVA20COCOA"]),
        Golden(name: "coupons for muffins: MUFFIN50", messages: ["any coupons for muffins?"],
               contains: ["MUFFIN50", "Vegan Blueberry Muffin"], excludes: ["AVA20COCOA"]),
        Golden(name: "deals on sandwiches: none fits, said so, and the others", messages: ["any deals on sandwiches?"],
               contains: ["None of your coupons is for sandwiches", "AVA20COCOA"]),
    ]

    // MARK: 4. One's data: an account task, answered with the account page

    static let dataTasks: [Golden] = [
        Golden(name: "delete my data: the account page", messages: ["delete my data"],
               contains: [accountPage, "Delete my account", accountStep]),
        Golden(name: "erase everything you have on me: the account page", messages: ["erase everything you have on me"],
               contains: [accountPage, "Delete my account", accountStep], excludes: ["you could try"]),
        Golden(name: "i want my data: download it", messages: ["i want my data"],
               contains: [accountPage, "Download my data", accountStep]),
        Golden(name: "typo: pls delte all my data", messages: ["pls delte all my data"],
               contains: [accountPage, "Delete my account"]),
        Golden(name: "Hinglish: mera data delete karo", messages: ["mera data delete karo"],
               contains: [accountPage, "Delete my account", accountStep]),
        Golden(name: "Spanish: quiero mis datos", messages: ["quiero mis datos"],
               contains: [accountPage, "Download my data", accountStep]),
    ]

    // MARK: 5. Dogs: whether they may come in, and where, as the policy says

    static let dogs: [Golden] = [
        Golden(name: "can I bring my dog: assistance dogs, in all shops", messages: ["can I bring my dog"],
               contains: [dogsWelcome]),
        Golden(name: "are dogs allowed in your cafes", messages: ["are dogs allowed in your cafes?"], contains: [dogsWelcome]),
        // ("dogg" and Hinglish "kya main apna dog la sakta hoon" are not retrieved as relevant on lexical retrieval:
        // the retriever is outside this part.)
        Golden(name: "can my dog come inside with me", messages: ["can my dog come inside with me?"],
               contains: [dogsWelcome]),
        Golden(name: "typo: r dogs allowed in ur shops", messages: ["r dogs alowed in ur shops"],
               contains: [dogsWelcome]),
    ]

    // MARK: 6. The second trial (evening): two complaints in one, a refund for food that was not right, deals for a
    // kind of thing no item is named for, a milk asked for (in Spanish too), and "get them back" for a thing left behind

    static let secondTrial: [Golden] = [
        Golden(name: "stale croissant and staff who ignored me: both answered",
               messages: ["the croissant was stale and the staff ignored me"],
               contains: ["ignored you", "should not have been stale", "Customer Care passes every report"]),
        Golden(name: "a refund because the muffin was dry: the fresh-food window, not a wrong item's",
               messages: ["my muffin was dry, I want a refund"],
               contains: ["was dry", "within 48 hours"], excludes: ["Wrong item received", "did not order"]),
        Golden(name: "deals on pastries: the bakery coupon leads", messages: ["any deals on pastries?"],
               contains: ["MUFFIN50"], excludes: ["AVA20COCOA", "None of your coupons"], intent: .offers),
        Golden(name: "do you have almond milk: the milks we offer, not a nut-allergy list",
               messages: ["do you have almond milk?"], contains: [plantMilks], excludes: ["fit for a nut allergy"]),
        Golden(name: "Spanish: ¿tienen leche de almendra?", messages: ["¿tienen leche de almendra?"],
               contains: [plantMilks], excludes: ["We don't list"]),
        Golden(name: "Spanish: hay leche de avena?", messages: ["hay leche de avena?"],
               contains: [plantMilks], excludes: ["We don't list"]),
        Golden(name: "headphones left at Lakeside: 'get them back' is the headphones, not a refund",
               messages: ["I left my headphones at Lakeside yesterday, how do I get them back?"],
               contains: ["headphones", "get them back", "left behind"],
               excludes: ["I don't know that one", "get it back"]),
        Golden(name: "what's open 'that's got oat milk': the shop and the milks",
               messages: ["whats open near me thats got oat milk"], contains: [plantMilks, "Lakeside Café"]),
        Golden(name: "anything sugar free: the sugar-free syrups", messages: ["is there anything sugar free?"],
               contains: ["Sugar-free vanilla and caramel syrups"]),
        Golden(name: "hungry at 21:40: the step names the shop the food was offered at, its closing, and the later one",
               messages: ["I'm hungry"], at: ChatWorld.at(hour: 21, minute: 40),
               contains: ["at Lakeside Café (closes in 20 minutes); Southbank Coffee House is open until"]),
    ]

    // A third trial, in new words: a refund for an order that never came, a drink of a kind the menu lists but not that
    // one, a thing the menu does not list asked its price, a way to pay the chain does not take (in Hinglish too).
    static let thirdTrial: [Golden] = [
        Golden(name: "never came, money back: the order still on its way, not the delivered one",
               messages: ["my order never came and I want my money back"],
               contains: ["ORD-AVA10001", "on its way"], excludes: ["ORD-AVA10002", "return"]),
        Golden(name: "what's in the pumpkin spice latte: not listed, and the lattes that are",
               messages: ["what's in the pumpkin spice latte"],
               contains: ["We don't list a pumpkin spice latte", "Latte ("], excludes: ["a plain latte"]),
        Golden(name: "do you have a pumpkin spice latte: not a yes", messages: ["do you have pumpkin spice latte?"],
               contains: ["We don't list a pumpkin spice latte"], excludes: ["Yes,"]),
        Golden(name: "how much is a bagel: not listed, the bakery's items instead", messages: ["how much is a bagel?"],
               contains: ["We don't list a bagel", "from the bakery there's"]),
        Golden(name: "pay with UPI: said plainly, with the ways we take", messages: ["can I pay with UPI?"],
               contains: ["We don't list UPI among the ways to pay", "Apple Pay", "[payments > Ways to pay]"],
               intent: .payment),
        Golden(name: "UPI chalega: the ways to pay found for a Hinglish message", messages: ["UPI chalega?"],
               contains: ["We don't list UPI among the ways to pay", "[payments > Ways to pay]"], intent: .payment),
        Golden(name: "do you accept amex: American Express is listed, so no 'we don't list'",
               messages: ["do you accept amex"], contains: ["American Express"], excludes: ["We don't list"],
               intent: .payment),
        Golden(name: "a card number typed as the way to pay is never repeated",
               messages: ["can I pay with 4111 1111 1111 1111?"], contains: ["[payments > Ways to pay]"],
               excludes: ["4111", "1111", "We don't list"], intent: .payment, typedPII: ["4111 1111 1111 1111"]),
        Golden(name: "cash for delivery: the sentence that says it cannot", messages: ["can i pay in cash for delivery"],
               contains: ["cash cannot be used for delivery orders"], intent: .payment),
        Golden(name: "without sugar for my diabetic dad: the sugar-free syrups, nothing sweet suggested",
               messages: ["do you have anything without sugar for my diabetic dad"],
               contains: ["Sugar-free vanilla and caramel syrups", "chosen as not sweet"],
               excludes: ["We don't list", "Muffin", "Chocolate"]),
        Golden(name: "where do I find my order number: the numbers, and where they are shown",
               messages: ["where do I find my order number?"],
               contains: ["Your most recent order is ORD-AVA10001", "You will find it under Orders"],
               excludes: ["is on its way"]),
        Golden(name: "music too loud: a report about the visit, passed to the shop's manager",
               messages: ["I want to complain about the music, it's way too loud"],
               contains: ["the music", "passes every report about a visit to the shop's manager"],
               excludes: ["48 hours"]),
        Golden(name: "what's the soup today: the soup, not something to keep you going",
               messages: ["what's the soup today"], contains: ["Tomato & Lentil Soup is £"], excludes: ["keep you going"],
               intent: .menu),
        Golden(name: "how do points work: the rate and the balance", messages: ["how do points work?"],
               contains: ["You earn 10 points for every £1", "You have 1250 points"], intent: .loyalty),
    ]

    static let goldens = namedShop + secondMenuAsk + namedDeals + dataTasks + dogs + secondTrial + thirdTrial + byMeaning

    /// Answered right by the production path and wrongly on cues alone (`GOLDEN_CUES_ONLY=1`): there "yo" in front
    /// reads as a bare hello, and lexical retrieval alone ranks other sections first ("Programme rules" and "Membership
    /// tiers" for points earned, none for "deliver to Brooklyn"), and "freezing cold inside" is read as feeling cold.
    static let byMeaning: [Golden] = [
        Golden(name: "'do you guys deliver to Brooklyn?' asks where we deliver, not to change an order",
               messages: ["do you guys deliver to Brooklyn?"], contains: ["within 5 km", "[delivery > Where we deliver]"],
               excludes: ["can still be changed", "can't be changed"], intent: .policyQuestion),
        // Promoted from pending: it cited "Programme rules" (retrieval ranks it first), then the spending passage.
        Golden(name: "points earned per pound: 10", messages: ["how many points do I earn per pound?"],
               contains: ["10 points for every £1", "[loyalty-rewards > Earning points]"], intent: .loyalty),
        Golden(name: "points for a flat white: what is earned, not the spending rules",
               messages: ["how many points do I get for a flat white"],
               contains: ["10 points for every £1", "[loyalty-rewards > Earning points]"], excludes: ["taken back"],
               intent: .loyalty),
        Golden(name: "freezing inside Lakeside yesterday: the shop's temperature, not a cold drink",
               messages: ["it was freezing cold inside lakeside yesterday"],
               contains: ["the temperature inside at Lakeside Café yesterday", "shop's manager"],
               excludes: ["something warm", "48 hours"]),
        Golden(name: "the cheapest coffee is a coffee, not a still water", messages: ["yo whats the cheapest coffee"],
               contains: ["Espresso"], excludes: ["Still Water", "Chai Latte"]),
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }

    /// "Delete my data" and "I want my data" carry the account page's link, as their next step says.
    @Test(arguments: ["delete my data", "erase everything you have on me", "i want my data"])
    func dataTasksLinkTheAccountPage(_ message: String) async throws {
        let world = try await ChatWorld.make()
        let turn = try await world.ask(Self.accountPageUser, message)
        #expect((turn.reply.actions ?? []).first == .account, "\(message): \(turn.reply.text)")
        try await world.close()
    }

    static let accountPageUser = GoldenUnderstandingTests.ava

    /// The cold-drinks coupon leads the answer and the next step, ahead of the shopper's own hot-chocolate coupon.
    @Test func theCouponForWhatWasNamedLeads() async throws {
        let world = try await ChatWorld.make()
        let text = try await world.ask(Self.accountPageUser, "any deals on cold drinks").reply.text
        try await world.close()
        #expect(text.hasPrefix("CHILL10"), "\(text)")
        #expect(text.contains("Next step: enter CHILL10"), "\(text)")
    }
}
