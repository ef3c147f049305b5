// Re-record after an intended template change, then review the change as a diff of the .html files:
//
//     SNAPSHOT_TESTING_RECORD=all swift test --filter PageSnapshotTests   # rewrites every file, and fails on purpose
//     git diff Tests/ConciergeWebTests/__Snapshots__                       # read it, then run again without the flag
//
// Without the variable a missing or different file fails its test and nothing is written (CI included).

import ConciergeCore
import ConciergeViews
import Foundation
import SnapshotTesting
import Testing
import TestSupport

/// Whole pages rendered from fixed models with an XSS payload and a card number in them, compared with the files in
/// `__Snapshots__/PageSnapshotTests/`. On a mismatch the failure shows the changed lines and a `diff -u` command
/// between the recorded file and the rendered page (written under the system's temporary directory, or
/// `SNAPSHOT_ARTIFACTS`).
@Suite("Page snapshots", .snapshots(record: .onlyWhenAsked, diffTool: "diff -u"))
struct PageSnapshotTests {
    static let xss = #"<img src=x onerror="alert('x')">"#
    static let at = Date(timeIntervalSince1970: 1_795_273_200)  // 2026-11-21T15:00:00Z
    static let midnight = Date(timeIntervalSince1970: 1_795_305_600)  // 2026-11-22T00:00:00Z, when the quota resets

    static func shopper(role: Role = .shopper) -> User {
        var user = Fixtures.user("usr_snap", email: "snap@example.com", name: "Ava \(xss)", role: role)
        user.createdAt = Date(timeIntervalSince1970: 1_760_000_000)
        return user
    }

    static func messages() -> [ChatMessage] {
        let trace = TurnTrace(
            intent: "comfort-cold", maskedPrompt: "[user]\n<NAME_1> says \(xss) <CARD_1>", answerSource: "model",
            chunks: [TraceChunk(source: "refunds > Cards", score: 4.5, relevant: true)],
            shops: [TraceShop(name: "Lakeside Café", distance: "270 m", status: "Open until 22:00")],
            attempts: [LLMAttempt(number: 1, outcome: .ok(status: 200), latencyMs: 12, backoffMs: 0,
                                  usage: LLMUsage(promptTokens: 812, completionTokens: 41))],
            guardVerdict: TraceGuard(), timings: [TraceTiming(stage: "context", milliseconds: 2)])
        return [
            ChatMessage(id: "msg_1", userID: "usr_snap", conversationID: "conv_1", role: .shopper,
                        text: "I'm cold \(xss)\ncard 4111 1111 1111 1111", createdAt: at),
            ChatMessage(id: "msg_2", userID: "usr_snap", conversationID: "conv_1", role: .assistant,
                        text: "Lakeside Café is 270 m away. <b>WARM15</b> [refunds > Cards] Next step: go.",
                        createdAt: at.addingTimeInterval(1), trace: trace,
                        // Every kind of action, one with an address that needs percent-encoding and an XSS payload.
                        actions: [.order("ORD-AVA10001"), .offers, .handoff,
                                  AnswerAction(kind: .directions, target: "st_x", name: "Café \(xss)",
                                               place: "1 A&B Street #2, London \(xss)")]),
        ]
    }

    static func input(role: Role, debug: Bool) -> ChatPageInput {
        ChatPageInput(
            user: shopper(role: role), csrf: "csrf-token", conversationID: "conv_1",
            conversations: [ConversationSummary(id: "conv_1", lastMessage: "I'm cold \(xss)", lastActive: at)],
            messages: messages(),
            quota: QuotaStatus(used: 3, limit: 30, resetsAt: midnight),
            place: .city("London"), cities: ["London", "Paris"], debugRequested: debug, maximumMessageLength: 2_000,
            turnKey: "turn_snapshot000000000")
    }

    @Test func shopperChatPage() async throws {
        let html = try await WebWorld.views().render(ChatPage(Self.input(role: .shopper, debug: true)))
        assertSnapshot(of: html, as: .html, named: "shopper-chat")
        Self.expectSafe(html)
        #expect(!html.contains("Debug trace"), "the view itself refuses traces to shoppers")
    }

    @Test func reviewerChatPageWithTrace() async throws {
        let html = try await WebWorld.views().render(ChatPage(Self.input(role: .reviewer, debug: true)))
        assertSnapshot(of: html, as: .html, named: "reviewer-chat")
        Self.expectSafe(html)
    }

    @Test func loginPageWithAnError() async throws {
        let page = LoginPage(csrf: "csrf-token", email: "\(Self.xss)@example.com", error: "Nope <b>bold</b>")
        let html = try await WebWorld.views().render(page)
        assertSnapshot(of: html, as: .html, named: "login")
        Self.expectSafe(html)
    }

    @Test func signupPageWithProblems() async throws {
        let draft = SignupPage.Draft(name: Self.xss, email: "x@example.com", phone: "+44 7700 900123",
                                     temperature: .cold, dietary: [.vegan, .nutAllergy], city: "Paris")
        let page = SignupPage(csrf: "csrf-token", draft: draft, errors: ["Bad \(Self.xss)"],
                              cities: ["London", "Paris"], minimumPasswordLength: 10)
        let html = try await WebWorld.views().render(page)
        assertSnapshot(of: html, as: .html, named: "signup")
        Self.expectSafe(html)
    }

    @Test func errorPage() async throws {
        let page = ErrorPage(status: 404, title: "Page not found", message: "There is nothing here.")
        let html = try await WebWorld.views().render(page)
        assertSnapshot(of: html, as: .html, named: "not-found")
        Self.expectSafe(html)
    }

    /// A conversation a person of Customer Care has answered while another hand-off is open.
    @Test func shopperChatPageWithACustomerCareReply() async throws {
        var input = Self.input(role: .shopper, debug: false)
        input.messages.append(ChatMessage(id: "msg_3", userID: "usr_snap", conversationID: "conv_1", role: .staff,
                                          text: "Hello Ava, we refunded it. \(Self.xss)",
                                          maskedText: "Hello <NAME_1>, we refunded it. \(Self.xss)",
                                          createdAt: Self.at.addingTimeInterval(3_600)))
        let request = Self.handoff()
        input.handoff = HandoffNotice(request, now: Self.at.addingTimeInterval(3_600), timeZone: "Europe/London")
        let html = try await WebWorld.views().render(ChatPage(input))
        assertSnapshot(of: html, as: .html, named: "shopper-chat-customer-care")
        Self.expectSafe(html)
    }

    @Test func customerCareInbox() async throws {
        let page = CareInboxPage(staff: Self.shopper(role: .reviewer), csrf: "csrf-token", requests: [Self.handoff()])
        let html = try await WebWorld.views().render(page)
        assertSnapshot(of: html, as: .html, named: "care-inbox")
        Self.expectSafe(html)
    }

    @Test func customerCareRequestWithARefusedReply() async throws {
        let transcript = CareTranscript(request: Self.handoff(), lines: [
            CareTranscriptLine(id: "msg_1", role: .shopper, maskedText: "<NAME_1> here, useless \(Self.xss) 4111 1111 1111 1111",
                               createdAt: Self.at),
            CareTranscriptLine(id: "msg_2", role: .assistant, maskedText: "I've passed this conversation on. <b>x</b>",
                               createdAt: Self.at.addingTimeInterval(1)),
            CareTranscriptLine(id: "msg_3", role: .staff, maskedText: "Hello <NAME_1> \(Self.xss)",
                               createdAt: Self.at.addingTimeInterval(60)),
        ])
        let page = CareRequestPage(staff: Self.shopper(role: .reviewer), csrf: "csrf-token", transcript: transcript,
                                   draft: "Draft \(Self.xss)", error: "The reply contains control characters.")
        let html = try await WebWorld.views().render(page)
        assertSnapshot(of: html, as: .html, named: "care-request")
        Self.expectSafe(html)
    }

    static func handoff() -> HandoffRequest {
        HandoffRequest(id: "care_snap", userID: "usr_snap", conversationID: "conv_1", createdAt: at, reason: .frustration,
                       summary: "Shopper showed frustration in 2 messages. Message: \(xss) 4111 1111 1111 1111",
                       intents: ["order-status"], promisedReplyWorkingDays: 2)
    }

    /// What a re-recorded page must never hold, whoever reviews the diff: the XSS payload unescaped, the card
    /// number unmasked, a script tag besides the layout's.
    static func expectSafe(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.contains("<img"), "the XSS payload is escaped", sourceLocation: sourceLocation)
        #expect(!html.contains("4111 1111"), "the card number is masked", sourceLocation: sourceLocation)
        #expect(html.components(separatedBy: "<script").count == 2, "only the layout's script tag",
                sourceLocation: sourceLocation)
    }
}

extension Snapshotting where Value == String, Format == String {
    /// A rendered page compared line by line and stored as the `.html` file it is, so it opens and diffs as one.
    static var html: Self { Snapshotting(pathExtension: "html", diffing: .lines) }
}

extension SnapshotTestingConfiguration.Record {
    /// `SNAPSHOT_TESTING_RECORD` (`all`, `missing`, `failed` or `never`) when set, else `never`. The library's own
    /// default, `missing`, writes a missing file as it fails, so a second run would pass on a page nobody reviewed.
    static let onlyWhenAsked: Self =
        ProcessInfo.processInfo.environment["SNAPSHOT_TESTING_RECORD"].flatMap(Self.init(rawValue:)) ?? .never
}
