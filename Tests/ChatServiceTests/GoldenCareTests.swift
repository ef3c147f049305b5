import ConciergeCore
import Foundation
import Testing

/// Goldens for complaints answered the way a good Customer Care agent answers them: an apology that names what
/// happened (the item, the order, the shop), what the chain does about it according to its policies (the reporting
/// window, feedback to the shop's manager, lost property kept at the shop), the real route to a person, and a
/// hand-off the system keeps. A complaint leads the answer wherever it sits in the message, unless the message is
/// plainly a question with a passing remark. Same personas, clock and wire-tapped privacy check as the other goldens.
@Suite("Golden conversations: complaints answered like Customer Care")
struct GoldenCareTests {
    static let ava = GoldenUnderstandingTests.ava
    static let noah = GoldenUnderstandingTests.noah
    static let rita = GoldenUnderstandingTests.rita

    static let lakesideOpen = ["Lakeside Café", "open until 22:00"]
    /// Customer Care's own routes, as `Seeds/rules.json` and the contact policy give them.
    static let careRoute = ["Customer Care", "0800 123 4567", "care@brambleandbean.co.uk"]
    /// What the chain does with feedback about a visit (contact policy, "Service in our shops").
    static let feedbackToShop = ["shop's manager", "2 working days"]
    /// The lost property policy (contact policy, "Lost property").
    static let lostProperty = ["30 days", "counter"]
    /// The hand-off the answer offers is the one the system keeps (the `handoff` intent opens a real request).
    static let offersPerson = "ask me to pass this to a person"
    /// A complaint about service, not a product, is not sent back to the counter with an item or told about fresh food.
    /// The croissant named as the shopper said it or as the menu spells it.
    static let croissant = ["croissant", "Croissant"]
    static let notAProduct = ["fresh food", "take it back to the counter", "tell me its number"]

    // MARK: A complaint next to a question leads, in either order

    static let complaintLeads: [CareGolden] = [
        CareGolden(Golden(name: "stale croissant yesterday, then is Lakeside open: the complaint leads",
                          messages: ["my croissant was stale yesterday, also is lakeside open now?"],
                          contains: ["I'm sorry", "yesterday", "48 hours"] + lakesideOpen,
                          intent: .complaint, containsAnyOf: [croissant]),
                   order: ["I'm sorry", "48 hours", "Lakeside Café"]),
        CareGolden(Golden(name: "is Lakeside open, then a stale croissant: the complaint still leads",
                          messages: ["is lakeside open now? my croissant yesterday was stale"],
                          contains: ["I'm sorry", "48 hours"] + lakesideOpen, intent: .complaint,
                          containsAnyOf: [croissant]),
                   order: ["I'm sorry", "48 hours", "Lakeside Café"]),
        CareGolden(Golden(name: "where is my order, then yesterday's cold flat white: the complaint and its order lead",
                          messages: ["where is my order? also the oat flat white yesterday was cold"],
                          contains: ["I'm sorry", "ORD-AVA10002", "48 hours", "ORD-AVA10001"], intent: .complaint),
                   order: ["I'm sorry", "ORD-AVA10002", "ORD-AVA10001"]),
        CareGolden(Golden(name: "a plain question with a passing remark: the question leads",
                          messages: ["is lakeside open now? the music was a bit loud last time but no big deal"],
                          contains: lakesideOpen, intent: .openNow),
                   order: ["Lakeside Café"]),
        CareGolden(Golden(name: "typos: stale croisant and is lakeside open",
                          messages: ["croisant was stale yday!! is lakesde open rn"],
                          contains: ["I'm sorry", "48 hours", "Lakeside Café"], intent: .complaint,
                          containsAnyOf: [croissant]),
                   order: ["I'm sorry", "Lakeside Café"]),
    ]

    // MARK: Orders: the order named, its window, and the policy's 48 hours

    static let orders: [CareGolden] = [
        CareGolden(Golden(name: "a lukewarm flat white yesterday: yesterday's order and the 48-hour window",
                          messages: ["my oat flat white yesterday was lukewarm"],
                          contains: ["I'm sorry", "ORD-AVA10002", "48 hours", offersPerson],
                          excludes: ["ORD-AVA10001"], intent: .complaint)),
        CareGolden(Golden(name: "an order by id arrived cold: that order and its window",
                          messages: ["ORD-AVA10002 arrived cold"],
                          contains: ["I'm sorry", "ORD-AVA10002", "48 hours", offersPerson],
                          excludes: ["ORD-AVA10001"], intent: .complaint)),
        CareGolden(Golden(name: "Spanish: yesterday's coffee was cold, with the language note",
                          messages: ["mi café de ayer llegó frío"],
                          contains: ["(Por ahora solo puedo responder en inglés.)", "I'm sorry", "48 hours"],
                          intent: .complaint)),
        CareGolden(Golden(name: "a shopper with no orders: the 48 hours, and where a shop purchase goes", email: rita,
                          messages: ["my latte was cold"],
                          contains: ["I'm sorry", "48 hours"], excludes: ["ORD-AVA", "ORD-RAJ", "ORD-NOA"], intent: .complaint,
                          containsAnyOf: [["latte", "Latte"]])),
    ]

    // MARK: Service in a shop: what happened, the shop, feedback to its manager, the real route

    static let service: [CareGolden] = [
        CareGolden(Golden(name: "a rude barista: named, fed back to the manager, the route to a person",
                          messages: ["the barista was rude to me"],
                          contains: ["I'm sorry", "rude"] + feedbackToShop + careRoute + [offersPerson],
                          excludes: notAProduct, intent: .complaint)),
        CareGolden(Golden(name: "a rude barista at Lakeside: the shop is named",
                          messages: ["the barista at lakeside was really rude to me this morning"],
                          contains: ["I'm sorry", "rude", "Lakeside Café"] + feedbackToShop + [offersPerson],
                          excludes: notAProduct, intent: .complaint)),
        CareGolden(Golden(name: "typo: a rude barrista",
                          messages: ["the barrista was so rude to me"],
                          contains: ["I'm sorry", "rude"] + feedbackToShop, excludes: notAProduct, intent: .complaint)),
        CareGolden(Golden(name: "a long wait at soho", messages: ["I waited 20 minutes at soho"],
                          contains: ["I'm sorry", "wait"] + feedbackToShop + [offersPerson],
                          excludes: notAProduct, intent: .complaint)),
        CareGolden(Golden(name: "a long wait at Lakeside: the shop is named", messages: ["waited ages at lakeside for my coffee"],
                          contains: ["I'm sorry", "wait", "Lakeside Café"] + feedbackToShop,
                          excludes: notAProduct, intent: .complaint)),
        CareGolden(Golden(name: "a dirty table", messages: ["the table was dirty"],
                          contains: ["I'm sorry", "clean"] + feedbackToShop + [offersPerson],
                          excludes: notAProduct, intent: .complaint)),
        CareGolden(Golden(name: "filthy toilets at Night Owl: the shop is named", messages: ["the toilets at night owl were filthy"],
                          contains: ["I'm sorry", "clean", "Night Owl Coffee"] + feedbackToShop,
                          excludes: notAProduct, intent: .complaint)),
        CareGolden(Golden(name: "Hinglish: rude staff at Lakeside", messages: ["lakeside pe staff ne bahut rude behave kiya"],
                          contains: ["I'm sorry", "rude", "Lakeside Café"] + feedbackToShop, excludes: notAProduct,
                          intent: .complaint)),
        CareGolden(Golden(name: "Spanish: a rude waiter", messages: ["el camarero fue muy grosero conmigo"],
                          contains: ["(Por ahora solo puedo responder en inglés.)", "I'm sorry", "rude"] + feedbackToShop,
                          excludes: notAProduct, intent: .complaint)),
        CareGolden(Golden(name: "a rude barista, then where is my order: the complaint leads",
                          messages: ["the barista was rude to me, and where is my order?"],
                          contains: ["I'm sorry", "rude", "shop's manager", "ORD-AVA10001"], intent: .complaint),
                   order: ["rude", "ORD-AVA10001"]),
    ]

    // MARK: Lost property: what the policy says, the shop, the counter, Customer Care

    static let lost: [CareGolden] = [
        CareGolden(Golden(name: "an umbrella left at Lakeside yesterday: kept 30 days, ask at the counter",
                          messages: ["I left my umbrella at lakeside yesterday"],
                          contains: ["umbrella", "Lakeside Café"] + lostProperty + careRoute,
                          excludes: notAProduct + ["I'm sorry about that — that's not how it should be"])),
        CareGolden(Golden(name: "Hinglish: a phone left at Lakeside", messages: ["mera phone lakeside pe reh gaya"],
                          contains: ["phone", "Lakeside Café"] + lostProperty, excludes: notAProduct)),
        CareGolden(Golden(name: "Spanish: an umbrella left at Lakeside", messages: ["dejé mi paraguas en lakeside ayer"],
                          contains: ["(Por ahora solo puedo responder en inglés.)", "umbrella", "Lakeside Café"] + lostProperty,
                          excludes: notAProduct)),
        CareGolden(Golden(name: "a lost scarf and is Lakeside still open: both answered, the scarf first",
                          messages: ["is lakeside still open? I think I left my scarf there"],
                          contains: ["scarf"] + lostProperty + lakesideOpen),
                   order: ["scarf", "open until 22:00"]),
    ]

    // MARK: Follow-ups after a complaint answer

    static let followUps: [CareGolden] = [
        CareGolden(Golden(name: "a rude barista, then thanks: welcomed, no second apology",
                          messages: ["the barista was rude to me", "thanks"],
                          contains: ["welcome"], excludes: ["I'm sorry"], intent: .thanks, endsWithNextStep: false)),
        CareGolden(Golden(name: "an umbrella left at Lakeside, then ok thanks", messages: ["I left my umbrella at lakeside", "ok thanks"],
                          contains: ["welcome"], intent: .thanks, endsWithNextStep: false)),
        CareGolden(Golden(name: "a rude barista, then the hand-off: passed on, a person replies here",
                          messages: ["the barista at lakeside was rude to me", "Please pass this conversation to a person."],
                          contains: ["I've passed this conversation to our Customer Care team", "2 working days"],
                          intent: .handoff)),
    ]

    static let goldens = complaintLeads + orders + service + lost + followUps

    @Test(arguments: goldens)
    func golden(_ care: CareGolden) async throws {
        let answer = try await GoldenRunner.run(care.golden.demanding)
        var from = answer.startIndex
        for phrase in care.order {
            guard let found = answer.range(of: phrase, range: from..<answer.endIndex) else {
                Issue.record("\(care.golden.name): expected \"\(phrase)\" after \(care.order) so far in: \(answer)")
                return
            }
            from = found.upperBound
        }
    }

    @Test func theSuiteCoversEnoughConversations() {
        #expect(Self.goldens.count >= 20)
        #expect(Set(Self.goldens.map(\.golden.name)).count == Self.goldens.count)
        #expect(Self.goldens.filter(\.golden.isMultiTurn).count >= 3)
    }

    /// The person offered is one the system keeps: after a service complaint, the hand-off is a request in Customer
    /// Care's inbox for this conversation, whose summary holds no personal data in the clear.
    @Test func theHandOffAfterAServiceComplaintIsInTheStaffInbox() async throws {
        let world = try await ChatWorld.make()
        let first = try await world.ask(Self.ava, "the barista at lakeside was rude to me")
        #expect(first.reply.actions?.contains(.handoff) == true, "\(first.reply.text)")
        _ = try await world.ask(Self.ava, "Please pass this conversation to a person.", conversation: first.conversationID)
        let inbox = try await world.store.openHandoffs(limit: 10)
        let request = try #require(inbox.first { $0.conversationID == first.conversationID })
        #expect(!request.summary.contains("Ava") && !request.summary.contains(Self.ava))
        try await world.close()
    }

    /// A service complaint links no order: the latest order is not what the barista was rude about.
    @Test func aServiceComplaintLinksNoOrder() async throws {
        let world = try await ChatWorld.make()
        let turn = try await world.ask(Self.ava, "the barista was rude to me")
        #expect(!(turn.reply.actions ?? []).contains { $0.kind == .order }, "\(turn.reply.text)")
        try await world.close()
    }
}

/// A golden with the order in which its facts must appear: what the answer leads with comes first.
struct CareGolden: Sendable, CustomTestStringConvertible {
    var golden: Golden
    var order: [String]

    init(_ golden: Golden, order: [String] = []) {
        self.golden = golden
        self.order = order
    }

    var testDescription: String { golden.name }
}
