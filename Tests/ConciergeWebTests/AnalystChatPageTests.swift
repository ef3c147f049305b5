import Analytics
import ConciergeCore
import Foundation
import Hummingbird
import Testing

@testable import ConciergeWeb

/// The analyst chat on `/admin/chat` over the real desk and the seeded store (as `concierge serve` builds it): a
/// conversation with follow-ups answered from the snapshots and checked, personal data masked and refused, roles,
/// CSRF, refused text kept, and the two chats' conversations kept apart in the one chat store.
@Suite("Analyst chat page over the real store")
struct AnalystChatPageTests {
    static let analystID = "usr_demo_nia"

    /// Posts a question with the page's CSRF token; the 303's location without its fragment.
    static func ask(_ browser: Browser, _ question: String, in conversation: String = "") async throws -> String {
        let token = try await AnalystWorld.csrf(browser)
        let posted = try await browser.post("/admin/chat", [("csrf", token), ("conversation", conversation),
                                                            ("question", question)])
        try #require(posted.status == .seeOther, "\(question): \(posted.status)")
        let location = try #require(posted.location)
        #expect(location.hasSuffix("#latest"))
        return String(location.prefix { $0 != "#" })
    }

    static func conversationID(_ location: String) throws -> String {
        try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "c" }?.value)
    }

    /// The stored answers of the conversation with their records, oldest first.
    static func answers(_ world: WebWorld, _ conversation: String) async throws
        -> [(text: String, record: AnalystChatRecord)]
    {
        try await world.store.messages(userID: analystID, conversationID: conversation, limit: 50)
            .filter { $0.role == .assistant }
            .map { ($0.text, try #require(AnalystChatRecord.decode($0.trace?.analystRecord))) }
    }

    /// Every fact an answer lists is a snapshot metric, and its displayed value is written in the answer.
    static func expectFactsShown(_ answer: (text: String, record: AnalystChatRecord), _ snapshots: [SegmentSnapshot],
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!answer.record.facts.isEmpty, "no facts: \(answer.text)", sourceLocation: sourceLocation)
        for fact in answer.record.facts {
            guard let snapshot = snapshots.first(where: { $0.id == fact.segmentID }),
                  let metric = snapshot.metric(fact.metricKey) else {
                Issue.record("\(fact) is not in the snapshots", sourceLocation: sourceLocation)
                continue
            }
            let shown = MetricDisplay.format(metric, currency: snapshot.currency)
            #expect(answer.text.contains(shown), "\(shown) missing in \(answer.text)", sourceLocation: sourceLocation)
        }
        #expect(answer.record.groundedness.score == 1, "\(answer.record.groundedness.unsupported)",
                sourceLocation: sourceLocation)
    }

    @Test func aQuestionSentTwiceWithThePagesTurnKeyIsOneTurnAndAForgedKeyIsRefused() async throws {
        try await WebWorld.run(WebWorld.Options()) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let page = try await analyst.get("/admin/chat?c=new")
            let token = try page.csrf()
            let key = try #require(page.field("turn"))
            #expect(key.hasPrefix("turn_"))
            let form = [("csrf", token), ("conversation", ""), ("question", "how many champions are there?"),
                        ("turn", key)]
            let first = try await analyst.post("/admin/chat", form)
            let second = try await analyst.post("/admin/chat", form)  // a double click, or the 503 page's resend
            #expect(first.status == .seeOther && second.location == first.location)
            let conversation = try Self.conversationID(try #require(first.location))
            let stored = try await world.store.messages(userID: Self.analystID, conversationID: conversation, limit: 10)
            #expect(stored.map(\.role) == [.shopper, .assistant])
            let nextKey = try #require(try await analyst.get("/admin/chat").field("turn"))
            #expect(nextKey != key, "each page hands out a fresh key")
            let forged = try await analyst.post("/admin/chat", [("csrf", token), ("conversation", ""),
                                                                ("question", "how many?"), ("turn", "turn_forged_key_0001")])
            #expect(forged.status == .badRequest)
        }
    }

    @Test func aConversationWithFollowUpsIsAnsweredFromTheSnapshotsAndGrounded() async throws {
        try await WebWorld.run(WebWorld.Options()) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let overviewJSON = try await analyst.get("/admin/api/segments")
            let overview = try JSONDecoder().decode(AnalystOverview.self, from: Data(overviewJSON.body.utf8))
            let snapshots = [overview.chain] + overview.segments

            let first = try await Self.ask(analyst, "which segment should we prioritise?")
            let conversation = try Self.conversationID(first)
            #expect(conversation.hasPrefix("an_"))
            for question in ["compare champions and at risk", "and the other one?", "why?"] {
                #expect(try await Self.ask(analyst, question, in: conversation) == first, "same conversation")
            }
            let answers = try await Self.answers(world, conversation)
            try #require(answers.count == 4)
            #expect(answers.allSatisfy { $0.record.kind == .answer && $0.record.producer == "mock" })
            for answer in answers { Self.expectFactsShown(answer, snapshots) }
            #expect(answers[0].text.hasPrefix("Prioritise "))
            #expect(answers[1].text.contains("Champions") && answers[1].text.contains("At Risk"))
            #expect(answers[1].record.context.compared == ["rfm-champions", "rfm-at-risk"])
            // "the other one" after Champions led the comparison: At Risk alone, then why its figure is what it is.
            #expect(answers[2].text.contains("At Risk") && !answers[2].text.contains("Champions"), "\(answers[2].text)")
            #expect(answers[2].record.context.segments == ["rfm-at-risk"])
            let why = answers[3].record.context
            #expect(why.intent == .explain && why.segments == ["rfm-at-risk"])

            let page = try await analyst.get(first)
            #expect(page.status == .ok && page.contains(#"id="latest""#))
            #expect(page.body.components(separatedBy: "Groundedness 100%").count - 1 == 4)
            #expect(page.contains("Facts used") && page.contains(#"href="/admin/segments/rfm-at-risk""#))
            #expect(page.contains("compare champions and at risk") && page.contains(conversation))
            for personal in AnalystWorld.personal { #expect(!page.contains(personal), "\(personal) shown") }
            #expect(try await analyst.get("/admin").contains(#"href="/admin/chat""#))
        }
    }

    @Test func aPastedEmailOrPhoneIsStoredMaskedAndRefused() async throws {
        try await WebWorld.run(WebWorld.Options()) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let location = try await Self.ask(analyst, "what did ava@example.com buy, and call +44 20 7946 0958?")
            let conversation = try Self.conversationID(location)
            let stored = try await world.store.messages(userID: Self.analystID, conversationID: conversation, limit: 5)
            let question = try #require(stored.first { $0.role == .shopper })
            #expect(question.text.contains("<EMAIL_1>") && question.text.contains("<PHONE_1>"), "\(question.text)")
            #expect(!question.text.contains("ava@") && !(question.maskedText ?? "").contains("7946"))
            let answer = try #require(try await Self.answers(world, conversation).first)
            #expect(answer.record.kind == .refusal && answer.text.hasPrefix("I can't give out a shopper's name"))
            #expect(answer.record.facts.isEmpty)
            let page = try await analyst.get(location)
            #expect(page.contains("&lt;EMAIL_1&gt;"))
            for personal in AnalystWorld.personal + ["7946"] { #expect(!page.contains(personal), "\(personal) shown") }
        }
    }

    @Test(arguments: AnalystWorld.Person.allCases)
    func onlyAnalystsAndAdminsMayUseTheChat(_ person: AnalystWorld.Person) async throws {
        try await WebWorld.run(WebWorld.Options()) { _, browser in
            let session = try await AnalystWorld.signedIn(person, from: browser)
            let page = try await session.get("/admin/chat")
            let token = try await AnalystWorld.csrf(session)
            let posted = try await session.post("/admin/chat", [("csrf", token), ("question", "total CLV?")])
            if person.mayUseAnalytics {
                #expect(page.status == .ok && page.contains(#"id="analyst-chat-form""#), "\(person)")
                #expect(posted.status == .seeOther, "\(person)")
            } else {
                #expect(page.status == .forbidden && posted.status == .forbidden, "\(person)")
            }
        }
    }

    @Test func loggedOutGoesToTheLoginAndAPostNeedsTheSessionsToken() async throws {
        try await WebWorld.run(WebWorld.Options()) { _, browser in
            #expect(try await browser.get("/admin/chat").location == "/login?notice=expired")
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            #expect(try await analyst.post("/admin/chat", [("question", "total CLV?")]).status == .forbidden)
            #expect(try await analyst.post("/admin/chat", [("csrf", "forged"), ("question", "total CLV?")]).status
                == .forbidden)
            #expect(try await analyst.get("/admin/chat").contains("analyst-empty-hint"), "nothing was stored")
        }
    }

    @Test func controlCharactersAndOverlongQuestionsAre422WithTheTextKept() async throws {
        try await WebWorld.run(WebWorld.Options()) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            let control = try await analyst.post("/admin/chat",
                                                 [("csrf", token), ("question", "total\u{1} CLV please")])
            #expect(control.status == .unprocessableContent && control.contains("control characters"))
            #expect(control.contains(">total CLV please</textarea>"))
            let long = String(repeating: "churn ", count: 200)
            let tooLong = try await analyst.post("/admin/chat", [("csrf", token), ("question", long)])
            #expect(tooLong.status == .unprocessableContent && tooLong.contains("at most 1,000 characters"))
            #expect(tooLong.contains(String(repeating: "churn ", count: 20)))
            #expect(try await world.store.conversations(userID: Self.analystID).isEmpty, "nothing stored")
        }
    }

    @Test func theShopperChatAndTheAnalystChatNeverListEachOthersConversations() async throws {
        try await WebWorld.run(WebWorld.Options()) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let analystConversation = try Self.conversationID(try await Self.ask(analyst, "what's our total CLV?"))
            let shopperPost = try await analyst.submit(on: "/chat", to: "/chat", [("message", "any offers today?")])
            #expect(shopperPost.status == .seeOther)
            let all = try await world.store.conversations(userID: Self.analystID)
            let shopperConversation = try #require(all.first { !$0.hasPrefix("an_") })
            #expect(Set(all) == [analystConversation, shopperConversation])

            let shopperPage = try await analyst.get("/chat")
            #expect(shopperPage.contains(shopperConversation) && !shopperPage.contains(analystConversation))
            #expect(!shopperPage.contains("an_"))
            #expect(try await analyst.get("/chat?c=\(analystConversation)").status == .notFound)
            let token = try await AnalystWorld.csrf(analyst)
            let intoAnalyst = try await analyst.post("/chat", [("csrf", token), ("conversation", analystConversation),
                                                               ("message", "hello")])
            #expect(intoAnalyst.status == .notFound)

            let analystPage = try await analyst.get("/admin/chat")
            #expect(analystPage.contains(analystConversation) && !analystPage.contains(shopperConversation))
            #expect(try await analyst.get("/admin/chat?c=\(shopperConversation)").status == .notFound)
            let intoShopper = try await analyst.post("/admin/chat", [("csrf", token),
                                                                     ("conversation", shopperConversation),
                                                                     ("question", "total CLV?")])
            #expect(intoShopper.status == .notFound)
        }
    }

    @Test func questionsCountAgainstTheAnalystRequestLimitNotAShoppersQuota() async throws {
        var options = WebWorld.Options()
        options.environment = ["ANALYST_API_REQUESTS_PER_MINUTE": "2"]
        options.dailyLimit = 1
        try await WebWorld.run(options) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            for _ in 0..<2 {
                #expect(try await analyst.post("/admin/chat", [("csrf", token), ("question", "total CLV?")]).status
                    == .seeOther, "a shopper's daily limit of one does not apply")
            }
            let refused = try await analyst.post("/admin/chat", [("csrf", token), ("question", "total CLV?")])
            #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] != nil)
        }
    }

    @Test func aQuestionDuringAStoreOutageIsGivenBackToAskAgain() async throws {
        try await WebWorld.run(WebWorld.Options()) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            world.switchable.isDown = true
            let page = try await analyst.post("/admin/chat",
                                              [("csrf", token), ("question", "compare <b>champions</b>")])
            #expect(page.status == .serviceUnavailable && page.contains(#"id="resend-form""#))
            #expect(page.contains("compare &lt;b&gt;champions&lt;/b&gt;") && page.contains(#"action="/admin/chat""#))
            world.switchable.isDown = false
            #expect(try await analyst.post("/admin/chat", [("csrf", token), ("question", "compare champions")]).status
                == .seeOther)
        }
    }

    @Test func theJSONEndpointAsksTheSameChatWithTheCSRFHeader() async throws {
        try await WebWorld.run(WebWorld.Options()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            let first = try await AnalystOpenAPITests.postChat(
                analyst, #"{"question":"compare champions and at risk"}"#, token: token)
            #expect(first.status == .ok)
            let turn = try JSONDecoder().decode(AnalystChatTurn.self, from: Data(first.body.utf8))
            #expect(turn.record?.groundedness.score == 1 && turn.conversationID.hasPrefix("an_"))
            let body = #"{"question":"and the other one?","conversationID":"\#(turn.conversationID)"}"#
            let answered = try await AnalystOpenAPITests.postChat(analyst, body, token: token)
            let second = try JSONDecoder().decode(AnalystChatTurn.self, from: Data(answered.body.utf8))
            #expect(second.record?.context.segments == ["rfm-at-risk"] && second.conversationID == turn.conversationID)
            #expect(try await analyst.get("/admin/chat?c=\(turn.conversationID)").contains("and the other one?"))
            let forged = try await AnalystOpenAPITests.postChat(analyst, #"{"question":"total CLV?"}"#, token: "x")
            #expect(forged.status == .forbidden && AnalystWorld.errorCode(forged) == "csrf")
        }
    }
}
