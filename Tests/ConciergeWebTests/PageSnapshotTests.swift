import ConciergeCore
import ConciergeViews
import Foundation
import Testing
import TestSupport

/// Whole pages rendered from fixed models with an XSS payload and a card number in them, compared with the
/// snapshots in `PageSnapshots.swift`. On a mismatch the rendered page is written next to the system's temporary
/// directory (the path is in the failure) so the difference can be read and, if intended, pasted in.
@Suite("Page snapshots")
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
            stores: [TraceStore(name: "Lakeside Café", distance: "270 m", status: "Open until 22:00")],
            attempts: [LLMAttempt(number: 1, outcome: .ok(status: 200), latencyMs: 12, backoffMs: 0)],
            guardVerdict: TraceGuard(), timings: [TraceTiming(stage: "context", milliseconds: 2)])
        return [
            ChatMessage(id: "msg_1", userID: "usr_snap", conversationID: "conv_1", role: .shopper,
                        text: "I'm cold \(xss)\ncard 4111 1111 1111 1111", createdAt: at),
            ChatMessage(id: "msg_2", userID: "usr_snap", conversationID: "conv_1", role: .assistant,
                        text: "Lakeside Café is 270 m away. <b>WARM15</b> [refunds > Cards] Next step: go.",
                        createdAt: at.addingTimeInterval(1), trace: trace),
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
        try Snapshot.check(html, PageSnapshots.shopperChat, name: "shopper-chat")
        #expect(!html.contains("Debug trace"), "the view itself refuses traces to shoppers")
    }

    @Test func reviewerChatPageWithTrace() async throws {
        let html = try await WebWorld.views().render(ChatPage(Self.input(role: .reviewer, debug: true)))
        try Snapshot.check(html, PageSnapshots.reviewerChat, name: "reviewer-chat")
    }

    @Test func loginPageWithAnError() async throws {
        let page = LoginPage(csrf: "csrf-token", email: "\(Self.xss)@example.com", error: "Nope <b>bold</b>")
        try Snapshot.check(try await WebWorld.views().render(page), PageSnapshots.login, name: "login")
    }

    @Test func signupPageWithProblems() async throws {
        let draft = SignupPage.Draft(name: Self.xss, email: "x@example.com", phone: "+44 7700 900123",
                                     temperature: .cold, dietary: [.vegan, .nutAllergy], city: "Paris")
        let page = SignupPage(csrf: "csrf-token", draft: draft, errors: ["Bad \(Self.xss)"], cities: ["London", "Paris"],
                              minimumPasswordLength: 10)
        try Snapshot.check(try await WebWorld.views().render(page), PageSnapshots.signup, name: "signup")
    }

    @Test func errorPage() async throws {
        let page = ErrorPage(status: 404, title: "Page not found", message: "There is nothing here.")
        try Snapshot.check(try await WebWorld.views().render(page), PageSnapshots.notFound, name: "not-found")
    }
}

enum Snapshot {
    static func check(_ actual: String, _ expected: String, name: String) throws {
        guard actual != expected else { return }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("concierge-snapshot-\(name).html")
        try actual.write(to: url, atomically: true, encoding: .utf8)
        let actualLines = actual.components(separatedBy: "\n")
        let expectedLines = expected.components(separatedBy: "\n")
        let index = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        Issue.record("""
            \(name) differs from its snapshot at line \(index + 1) (rendered page: \(url.path))
              expected: \(index < expectedLines.count ? expectedLines[index] : "<end>")
              actual:   \(index < actualLines.count ? actualLines[index] : "<end>")
            """)
    }
}
