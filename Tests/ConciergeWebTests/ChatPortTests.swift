import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// The web over a scripted chat port: what the page shows comes from the port (its answer and its limits), what the
/// port is given comes from the form and the session, and a refusal keeps the shopper's text.
@Suite("Chat routes over a scripted chat port")
struct ChatPortTests {
    static let fetch: HTTPFields = [.requestedWith: "fetch"]

    @Test func thePageShowsThePortsLimitsAndItsAnswer() async throws {
        let chat = ScriptedChat(limits: ChatLimits(dailyMessages: 7, messageLength: 480),
                                [ScriptedChat.answer("Scripted answer <b>bold</b>", used: 2, limit: 7)])
        var options = WebWorld.Options()
        options.chat = chat
        try await WebWorld.run(options) { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/chat")
            #expect(page.contains(#"maxlength="480""#) && page.contains(#"max="7""#))
            let fragment = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", "hello there")],
                                                  headers: Self.fetch)
            #expect(fragment.status == .ok)
            #expect(fragment.contains("Scripted answer &lt;b&gt;bold&lt;/b&gt;") && fragment.contains("hello there"))
            #expect(fragment.contains(#"value="2""#) && fragment.contains("2 of 7"))
            let ava = try await world.user("ava@example.com")
            #expect(chat.inputs.map(\.userID) == [ava.id] && chat.inputs.map(\.text) == ["hello there"])
            #expect(chat.inputs.first?.conversationID == nil, "no conversation given: a new one")
        }
    }

    @Test func aRefusalFromThePortIs422AndKeepsTheText() async throws {
        let chat = ScriptedChat([{ _ in throw ChatError.messageTooLong(limit: 5) }])
        var options = WebWorld.Options()
        options.chat = chat
        try await WebWorld.run(options) { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let csrf = try await browser.get("/chat").csrf()
            let page = try await browser.post("/chat", [("csrf", csrf), ("message", "far too long")])
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("at most 5 characters") && page.contains(">far too long</textarea>"))
        }
    }

    /// The double itself: a turn nobody scripted is a recorded failure, not a silent pass.
    @Test func anUnscriptedTurnFailsTheTest() async throws {
        let chat = ScriptedChat([])
        await withKnownIssue {
            _ = try await chat.respond(ChatInput(userID: "usr_x", text: "hi"))
        }
    }
}
