import ConciergeCore
import Foundation
import Geo
import Testing

/// Goldens for messages that ask two or three things at once, and for account tasks. Each asserts the facts of
/// every ask (an answer that drops one fails), in different orders and wordings: typos, Hinglish "aur", Spanish "y",
/// a complaint with a question, a question with thanks, and follow-ups. Same personas, clock and wire-tapped privacy
/// check as `GoldenConversationTests`; the house rules (never the off-topic reply, never "in the app") apply.
@Suite("Golden conversations: every ask of a message answered, and account tasks")
struct GoldenMultiIntentTests {
    static let ava = GoldenUnderstandingTests.ava
    static let raj = GoldenUnderstandingTests.raj
    static let noah = GoldenUnderstandingTests.noah

    /// The answer's facts for Ava's asks, as the concierge words them.
    static let avaOrder = ["ORD-AVA10001", "on its way"]
    static let avaCoupon = ["AVA20COCOA", "20% off"]
    static let lakesideOpen = ["Lakeside Café", "open until 22:00"]
    /// The account page of this website, where every account task is done.
    static let accountPage = "/account"

    // MARK: Two asks: both answered, the one the shopper leads with first

    static let twoAsks: [Golden] = [
        Golden(name: "typos: where the order is, then the offers", messages: ["wher is my ordr and do u have any discount"],
               contains: avaOrder + avaCoupon, intent: .orderStatus),
        Golden(name: "offers first, then where the order is", messages: ["any discount codes? also where is my order"],
               contains: avaCoupon + avaOrder, intent: .offers),
        Golden(name: "Hinglish 'aur': order and offers", messages: ["mera order kahan hai aur koi offer hai kya?"],
               contains: avaOrder + avaCoupon, intent: .orderStatus),
        Golden(name: "Spanish 'y': order and discounts, with the language note",
               messages: ["¿dónde está mi pedido y hay descuentos?"],
               contains: ["(Por ahora solo puedo responder en inglés.)"] + avaOrder + avaCoupon, intent: .orderStatus),
        Golden(name: "Noah: order and offers, his own facts", email: noah, messages: ["where's my order and any deals for me?"],
               contains: ["ORD-NOA10001", "NOAH5OFF"], excludes: ["ORD-AVA", "AVA20COCOA"], intent: .orderStatus),
        Golden(name: "open now and nearest: the shop, its distance and its hours",
               messages: ["is lakeside open now and which shop is nearest to me?"],
               contains: lakesideOpen + ["270 m"], intent: .openNow),
        Golden(name: "nearest first, then whether it is open", messages: ["closest shop to me? is it open rn"],
               contains: lakesideOpen + ["270 m"]),
        Golden(name: "after midnight: the nearest is closed and the late shop is named",
               messages: ["whats the nearest cafe and is anything open now"], at: ChatWorld.at(hour: 0, minute: 30, dayOffset: 1),
               contains: ["Lakeside Café", "is closed now", "closes in 30 minutes"]),
        Golden(name: "vegan options and the menu: items that fit, not dairy ones", messages: ["whats on the menu, anything vegan?"],
               contains: ["Oat Hot Chocolate", "vegan"], excludes: ["Butter Croissant (", "Flat White ("]),
        Golden(name: "points and offers", messages: ["how many points have I got and any coupons?"],
               contains: ["1250 points"] + avaCoupon),
        Golden(name: "cancel the order and offers: it can't be changed, and her coupon",
               messages: ["cancel my order, and what offers are there?"],
               contains: ["ORD-AVA10001", "can't be changed", "AVA20COCOA"], intent: .orderChange),
        // Was pending: passes since the menu answers (2026-12-06).
        Golden(name: "nut allergy and croissants: what the croissant lists, and confirm with staff", email: raj,
               messages: ["do you have croissants? I have a nut allergy"],
               contains: ["Croissant", "confirm with staff"], excludes: GoldenUnderstandingTests.noFreeFromClaims),
    ]

    // MARK: A complaint with a question; a question with thanks

    static let complaintsAndThanks: [Golden] = [
        Golden(name: "stale croissant yesterday and is Lakeside open: the complaint, the window, and the hours",
               messages: ["my croisant was stale yesterday, also is lakeside open now?"],
               contains: ["I'm sorry"] + lakesideOpen, containsAnyOf: [["48 hours", "report a problem"]]),
        Golden(name: "lukewarm flat white yesterday and a refund: yesterday's order and its window",
               messages: ["my oat flat white yesterday was lukewarm, can I get a refund?"],
               contains: ["ORD-AVA10002", "can still report"], excludes: ["ORD-AVA10001 ("]),
        Golden(name: "stale beans and any coupons: sorry, and her coupon", messages: ["the beans were stale. any coupons?"],
               contains: ["I'm sorry"] + avaCoupon),
        Golden(name: "thanks, then a question: the question is answered", messages: ["thanks! how many points do I have?"],
               contains: ["1250 points", "£12.50"], intent: .loyalty),
        Golden(name: "a question ending in thanks keeps its next step", messages: ["is lakeside still open? thx"],
               contains: lakesideOpen, intent: .openNow),
    ]

    // MARK: Three asks in one message

    static let threeAsks: [Golden] = [
        Golden(name: "order, offers and points", messages: ["where is my order, any offers, and how many points do I have?"],
               contains: avaOrder + avaCoupon + ["1250 points"], intent: .orderStatus),
        Golden(name: "points, deals and open now", messages: ["points balance? any deals? is lakeside open now?"],
               contains: ["1250 points", "AVA20COCOA", "open until 22:00"], intent: .loyalty),
        Golden(name: "Hinglish: open now, order and offer", messages: ["lakeside khula hai? aur mera order kahan hai aur koi offer?"],
               contains: ["Lakeside Café", "ORD-AVA10001", "AVA20COCOA"]),
    ]

    // MARK: Account tasks: the real route on this website

    static let account: [Golden] = [
        Golden(name: "delete my account: the account page", messages: ["delete my account pls"],
               contains: [accountPage, "Delete"], excludes: ["Settings", "Privacy menu"]),
        Golden(name: "change my password: the account page", messages: ["how do I change my password?"],
               contains: [accountPage, "password"], excludes: ["Settings"]),
        Golden(name: "download my data: the account page", messages: ["can i download my data"],
               contains: [accountPage, "download"], excludes: ["Settings"]),
        Golden(name: "turn on two-step verification: the account page", messages: ["turn on two-step verification"],
               contains: [accountPage, "two-step verification"], excludes: ["Settings", "Security"]),
        Golden(name: "Spanish: delete my account", messages: ["quiero borrar mi cuenta"],
               contains: ["(Por ahora solo puedo responder en inglés.)", accountPage]),
        Golden(name: "points, then deleting the account: spend them first", messages: ["how many points do I have? I want to delete my account"],
               contains: ["1250 points", accountPage], intent: .loyalty),
    ]

    // MARK: Follow-ups

    static let followUps: [Golden] = [
        Golden(name: "where is my order, then 'and any offers?'", messages: ["where is my order?", "and any offers?"],
               contains: avaCoupon, intent: .offers),
        Golden(name: "offers, then 'ok thanks, and where's my order'", messages: ["any offers?", "ok thanks, and where's my order"],
               contains: avaOrder, intent: .orderStatus),
        Golden(name: "is lakeside open, then 'and how far is it?'", messages: ["is lakeside open now?", "and how far is it?"],
               contains: ["Lakeside Café", "270 m"]),
        Golden(name: "delete my account, then 'can I download my data first?'",
               messages: ["delete my account", "can I download my data first?"], contains: [accountPage, "download"]),
    ]

    static let goldens = twoAsks + complaintsAndThanks + threeAsks + account + followUps

    /// Answered wrongly today, not run (`PENDING_GOLDENS=1` runs them). Each says what it answered.
    static let pendingGoldens: [Golden] = [
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }

    @Test(.pendingGoldens, arguments: pendingGoldens.map(\.demanding))
    func pending(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }

    /// A trial's "how many points do I have and what can I get with them" led with how points are earned ("get" read
    /// as earning) and put the balance last: the balance asked leads, then how points are spent.
    @Test func theBalanceAskedLeadsAndWhatPointsBuyFollows() async throws {
        let world = try await ChatWorld.make()
        let text = try await world.ask("ava@example.com", "how many points do I have and what can I get with them").reply.text
        try await world.close()
        #expect(text.hasPrefix("You have 1250 points, worth £12.50."), "\(text)")
        #expect(text.contains("blocks of 100"), "\(text)")
        #expect(!text.contains("You earn"), "\(text)")
    }

    /// A complaint about something that is not food or drink does not get the fresh-food reporting window.
    @Test func aComplaintAboutTheSiteIsNotToldAboutFreshFood() async throws {
        let world = try await ChatWorld.make()
        let text = try await world.ask("ava@example.com", "the app keeps logging me out").reply.text
        try await world.close()
        #expect(!text.contains("fresh food"), "\(text)")
    }

    @Test func theSuiteCoversEnoughConversations() {
        #expect(Self.goldens.count >= 25)
        #expect(Set(Self.goldens.map(\.name)).count == Self.goldens.count)
        #expect(Self.goldens.filter(\.isMultiTurn).count >= 4)
    }

    /// An account task carries a link to the account page, as its next step says, and an order ask next to it keeps
    /// its order link.
    @Test(arguments: [
        ("delete my account pls", [AnswerAction.account]),
        ("change my password", [AnswerAction.account]),
        ("download my data", [AnswerAction.account]),
        ("turn on two-step verification", [AnswerAction.account]),
        ("where is my order? and how do I delete my account", [AnswerAction.order("ORD-AVA10001"), AnswerAction.account]),
    ])
    func accountTasksLinkTheAccountPage(_ message: String, _ expected: [AnswerAction]) async throws {
        let world = try await ChatWorld.make()
        let turn = try await world.ask(Self.ava, message)
        // The order's own actions may follow (a hand-off button for a late order): what is asked for leads.
        #expect(Array((turn.reply.actions ?? []).prefix(expected.count)) == expected, "\(message): \(turn.reply.text)")
        #expect(turn.reply.text.contains("Next step:") && turn.reply.text.contains(Self.accountPage))
        try await world.close()
    }

    /// No account action when the message is not about the account.
    @Test func noAccountActionForOtherAsks() async throws {
        let world = try await ChatWorld.make()
        let turn = try await world.ask(Self.ava, "where is my order and any offers?")
        #expect(!(turn.reply.actions ?? []).contains(.account), "\(turn.reply.text)")
        try await world.close()
    }
}
