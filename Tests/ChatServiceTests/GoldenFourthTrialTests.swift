import ConciergeCore
import Foundation
import Testing

/// Goldens for the misses of the fourth shopper trial (2026-12-07), written before the fixes: a way to pay asked by
/// name next to the hours, a lost receipt next to a return, a kind of drink asked with a diet, the item named in "is
/// it vegan", feeling unwell, which of two items is cheaper, and a policy sentence the next one goes on about. Same
/// personas, clock (Saturday 15:00, Lakeside Café open until 22:00) and wire-tapped privacy check as the other goldens.
@Suite("Golden conversations: the fourth trial's misses")
struct GoldenFourthTrialTests {
    static let plantMilks = GoldenTrialTests.plantMilks
    static let confirmWithStaff = "please confirm with staff"

    static let goldens: [Golden] = [
        // Payment asked by name: the hours alone answered only the second ask.
        Golden(name: "PayPal and Lakeside's closing: both answered, the way to pay first",
               messages: ["do u take paypal and whens lakeside open til"],
               contains: ["We don't list paypal among the ways to pay", "Lakeside Café", "open until 22:00"],
               intent: .payment),
        Golden(name: "Apple Pay and parking at Lakeside: the way to pay answered, then the parking",
               messages: ["hi do u guys take apple pay and is there parking at lakeside"],
               contains: ["Apple Pay", "[payments > Ways to pay]", "parking"], intent: .payment),
        Golden(name: "Spanish: ¿aceptan tarjeta? is about paying, not 'did you want A or B?'",
               messages: ["¿aceptan tarjeta?"], contains: ["Visa", "[payments > Ways to pay]"],
               excludes: ["did you want"], intent: .payment),
        // A lost receipt is a condition of the return: it led with "I can't send e-mails".
        Golden(name: "lost receipt, return the mug: the order number instead, not a receipt copy",
               messages: ["I lost my receipt, can I still return the mug?"],
               contains: ["quote your order number", "[returns-and-refunds"], excludes: ["I can't send e-mails"],
               intent: .refund),
        Golden(name: "return beans without a receipt: what to bring instead",
               messages: ["can i return beans without a receipt"], contains: ["order number", "[returns-and-refunds"],
               excludes: ["I can't send e-mails"], intent: .refund),
        // A kind of drink asked with a diet: it said "We don't list a plain latte".
        Golden(name: "oat milk lattes vegan: each latte as listed, then the plant milks, then confirm with staff",
               messages: ["are your oat milk lattes vegan"],
               contains: ["None of the lattes at Lakeside Café is vegan as listed", plantMilks, confirmWithStaff],
               excludes: ["a plain latte"], intent: .dietary),
        Golden(name: "is there soup today and is it vegan: the soup by name",
               messages: ["is there soup today and is it vegan"],
               contains: ["Tomato & Lentil Soup (£", "is vegan", confirmWithStaff], excludes: ["It is vegan"]),
        // Feeling unwell: something warm, no health claim; it was a list with a muffin and still water.
        Golden(name: "sore throat: something warm", messages: ["i have a sore throat, what should i get"],
               contains: ["should warm you up"], excludes: ["Still Water", "Muffin"], intent: .comfortCold),
        Golden(name: "Hinglish: gala kharab hai", messages: ["gala kharab hai, kuch garam milega?"],
               contains: ["should warm you up"], intent: .comfortCold),
        // Which of two is cheaper: it listed coupons ("cheaper" is a word for deals).
        Golden(name: "what's cheaper, flat white or cappuccino: the cheaper one first",
               messages: ["whats cheaper, flat white or cappuccino"],
               contains: ["is cheaper than", "Flat White (£", "Cappuccino (£"], excludes: ["gives"], intent: .menu),
        // Second round of the same trial.
        Golden(name: "Night Owl open, and decaf: the decaf sentence, not vegan suggestions",
               messages: ["hiya, is night owl open rn and do they do decaf"],
               contains: ["Night Owl Coffee", "Any espresso drink can be made with decaf beans"], excludes: ["fit for"],
               intent: .openNow),
        Golden(name: "nearest place with wifi: that it has wifi, and where it is",
               messages: ["wheres the nearest place i can sit down and work with wifi"],
               contains: ["Lakeside Café has wifi", "Lakeside Café is", "on foot"], intent: .nearest),
        Golden(name: "how much is delivery: every fee band, not menu suggestions",
               messages: ["how much is delivery to my office"],
               contains: ["£10 to £24.99: £2.99", "£25 or more: Free", "[delivery > Delivery fees and minimum order]"],
               excludes: ["you could try"], intent: .policyQuestion),
        Golden(name: "what's the delivery fee: the fee table, not that fees earn no points",
               messages: ["whats the delivery fee"], contains: ["£10 to £24.99: £2.99", "£25 or more: Free"],
               excludes: ["does not earn loyalty points"]),
        Golden(name: "charged more than the menu says: the item's price on the menu",
               messages: ["the app charged me £4.20 for a cappuccino but the menu says less"],
               contains: ["Cappuccino is £", "at Lakeside Café"], intent: .payment),
        Golden(name: "most popular drink: said plainly that sales are not known",
               messages: ["what's your most popular drink"], contains: ["I can't tell you what's most popular"],
               intent: .menu),
        Golden(name: "loyalty tiers: the whole tiers table, not one tier",
               messages: ["what are the loyalty tiers"],
               contains: ["Green: 0 to 1,999", "Silver: 2,000 to 4,999", "Gold: 5,000 or more",
                          "[loyalty-rewards > Membership tiers]"], intent: .loyalty),
        Golden(name: "burnt flat white, make it again: the apology and the remake promise",
               messages: ["the flat white was burnt, can you make it again"],
               contains: ["I'm sorry your Flat White was burnt", "remake it free of charge"],
               excludes: [PolicyAnswersUnknown.sentence]),
        // Third round: who it is for, holidays, and a policy quoted at night.
        Golden(name: "anything for kids: the kids' menu, not 'anything we sell' from the allergens policy",
               messages: ["do you have anything for kids"], contains: ["kids' menu", "[dietary-options > Children]"],
               excludes: ["Your safety matters"]),
        Golden(name: "something for my toddler: babyccinos, not 'I can't find my toddler'",
               messages: ["do you have something for my toddler"], contains: ["Babyccinos", "children under 5"],
               excludes: ["can't find"]),
        Golden(name: "open on Christmas Day: the policy's holiday hours, not today's",
               messages: ["is lakeside open on christmas day"],
               contains: ["Christmas Day: all shops are closed", "[store-hours > Bank holidays and Christmas]"],
               intent: .openNow),
        Golden(name: "closing on Christmas Eve: 16:00", messages: ["what time do you close on christmas eve"],
               contains: ["Christmas Eve and New Year's Eve: shops close at 16:00"], intent: .openNow),
    ] + byMeaning

    /// Answered right by the production path and wrongly on cues alone (`GOLDEN_CUES_ONLY=1`): lexical retrieval alone
    /// ranks "Buying a gift card" first for "gift cards… online", and "too sweet" is a complaint only to the learned
    /// sentiment (no word list has it), so the apology is missing.
    static let byMeaning: [Golden] = [
        // At 02:00 every shop is closed: the quoted "check that it is open" is the policy's, not a claim (the model's
        // answer passes the guard; the runner checks it was not the fallback). Lexical retrieval alone finds no
        // passage for it ("I don't know that one"): found failing on cues only 2026-12-07 (second session).
        Golden(name: "ordering ahead at night: the policy's steps pass the guard",
               messages: ["can I order for tomorrow morning for pickup at lakeside"], at: ChatWorld.at(hour: 2),
               contains: ["[click-and-collect"], intent: .policyQuestion),
        Golden(name: "chai too sweet, another one free: a replacement for a drink, not coupons",
               messages: ["my chai was too sweet yesterday, can i get another one free"],
               contains: ["I'm sorry your Chai Latte yesterday was too sweet", "remake it free of charge"],
               excludes: ["gives 20% off"]),
        // The sentence after the one chosen goes on about it ("Both work at checkout…"): it was left out.
        Golden(name: "gift cards, and can I use them online: both kinds work at checkout",
               messages: ["do you do gift cards and can i use them online"],
               contains: ["e-gift cards", "Both work at checkout"], intent: .policyQuestion),
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }
}

/// The sentence said when no policy answers: never after an answer that has one.
enum PolicyAnswersUnknown {
    static let sentence = "I don't know that one from our policies"
}
