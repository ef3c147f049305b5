import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// `POST /chat/stream`: the same guards and refusals as `POST /chat`, then the turn as server-sent events.
@Suite("Chat page: streamed turns")
struct ChatStreamTests {
    /// The events of a response body, in order: (name, data).
    static func events(_ body: String) -> [(name: String, data: String)] {
        body.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { block in
            var name = "message"
            var data: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
            }
            return (name, data.joined(separator: "\n"))
        }
    }

    @Test("accepted, guarded un-masked deltas, then done with the same fragment POST /chat returns")
    func streamedTurn() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/chat")
            let response = try await browser.post("/chat/stream", [("csrf", try page.csrf()), ("message", "any offers?")],
                                                  headers: ChatTests.fetch)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
            let events = Self.events(response.body)
            #expect(events.first?.name == "accepted" && events.first?.data.hasPrefix("conv_") == true)
            #expect(events.last?.name == "done")
            let deltas = events.filter { $0.name == "delta" }.map(\.data)
            #expect(deltas.count > 1 && deltas.joined().contains("AVA20COCOA"))
            #expect(!response.body.contains("<NAME_") && !response.body.contains("<ORDER_ID_"))
            let fragment = try #require(events.last?.data)
            #expect(fragment.hasPrefix(#"<ol class="turn" data-conversation="conv_"#))
            #expect(fragment.components(separatedBy: #"<li class="bubble"#).count == 3)
            let conversation = try #require(events.first?.data)
            let user = try await world.user("ava@example.com")
            let stored = try await world.store.messages(userID: user.id, conversationID: conversation, limit: 10)
            #expect(stored.count == 2 && stored.last?.text == deltas.joined())
        }
    }

    @Test("without the session's CSRF token: 403, nothing stored; without a session: the login page")
    func guards() async throws {
        try await WebWorld.run { world, browser in
            let anonymous = try await browser.post("/chat/stream", [("message", "hi")], headers: ChatTests.fetch)
            #expect(anonymous.status == .seeOther && anonymous.location == "/login?notice=expired")
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let forged = try await browser.post("/chat/stream", [("csrf", "forged"), ("message", "hi")],
                                                headers: ChatTests.fetch)
            #expect(forged.status == .forbidden && !forged.contains("event:"))
            let user = try await world.user("ava@example.com")
            #expect(try await world.store.conversations(userID: user.id).isEmpty)
        }
    }

    @Test("refusals keep POST /chat's status and reason; the daily limit is a done turn without deltas")
    func refusals() async throws {
        var options = WebWorld.Options()
        options.dailyLimit = 1
        try await WebWorld.run(options) { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let csrf = try await browser.get("/chat").csrf()
            let empty = try await browser.post("/chat/stream", [("csrf", csrf), ("message", "   ")], headers: ChatTests.fetch)
            #expect(empty.status == .unprocessableContent && empty.body == "Type a message first.")
            let forgedKey = try await browser.post("/chat/stream", [("csrf", csrf), ("message", "hi"), ("turn", "turn_x")],
                                                   headers: ChatTests.fetch)
            #expect(forgedKey.status == .badRequest)
            _ = try await browser.post("/chat/stream", [("csrf", csrf), ("message", "hello")], headers: ChatTests.fetch)
            let limited = try await browser.post("/chat/stream", [("csrf", csrf), ("message", "and again")],
                                                 headers: ChatTests.fetch)
            let events = Self.events(limited.body)
            #expect(events.map(\.name).filter { $0 != "delta" } == ["accepted", "done"])
            #expect(events.last?.data.contains("limit of 1") == true)
        }
    }

    @Test("a turn that fails after its message was stored ends with an error event; the log names no text")
    func failureAfterAccepted() async throws {
        var options = WebWorld.Options()
        options.chat = BrokenStreamChat()
        try await WebWorld.run(options) { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let csrf = try await browser.get("/chat").csrf()
            let response = try await browser.post("/chat/stream", [("csrf", csrf), ("message", "my secret plan")],
                                                  headers: ChatTests.fetch)
            let events = Self.events(response.body)
            #expect(events.map(\.name) == ["accepted", "delta", "error"])
            #expect(events.last?.data == ChatStream.failure)
            #expect(world.logs.lines(containing: "secret").isEmpty && world.logs.lines(containing: "Half").isEmpty)
            #expect(!world.logs.lines(containing: "chat stream failed").isEmpty)
        }
    }
}

/// Streams `accepted` and one delta, then fails, as a store outage after the message was stored would.
struct BrokenStreamChat: ChatResponder {
    struct Outage: Error {}

    var limits: ChatLimits { ChatLimits(dailyMessages: 30, messageLength: 2_000) }

    func respond(_ input: ChatInput) async throws -> ChatTurn {
        Issue.record("the streamed route must not call respond")
        throw Outage()
    }

    func stream(_ input: ChatInput) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        AsyncThrowingStream { continuation in
            continuation.yield(.accepted(conversationID: "conv_broken"))
            continuation.yield(.delta("Half an answer. "))
            continuation.finish(throwing: Outage())
        }
    }
}
