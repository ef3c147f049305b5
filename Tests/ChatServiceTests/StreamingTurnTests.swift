import ConciergeCore
import CurlLLM
import Foundation
import Testing
import TestSupport

/// The streaming turn: the same validation, storage and guard decision as `respond`, and nothing un-masked or
/// unguarded in any event.
@Suite("Chat turn: streamed")
struct StreamingTurnTests {
    /// What a streamed turn sent, in order, and the text the page ends up showing.
    struct Streamed {
        var events: [ChatStreamEvent] = []
        var texts: [String] {
            events.compactMap {
                switch $0 {
                case .delta(let text), .replace(let text): text
                default: nil
                }
            }
        }
        var shown: String {
            events.reduce(into: "") { shown, event in
                switch event {
                case .delta(let text): shown += text
                case .replace(let text): shown = text
                default: break
                }
            }
        }
        var turn: ChatTurn? {
            guard case .done(let turn) = events.last else { return nil }
            return turn
        }
        var replaced: Bool { events.contains { if case .replace = $0 { true } else { false } } }
    }

    static func stream(_ world: ChatWorld, _ email: String, _ text: String) async throws -> Streamed {
        let user = try await world.user(email)
        var streamed = Streamed()
        for try await event in world.chat.stream(ChatInput(userID: user.id, text: text)) { streamed.events.append(event) }
        return streamed
    }

    @Test("with the mock in 6-character pieces, the streamed turn stores exactly what respond stores")
    func sameAsRespond() async throws {
        let plain = try await ChatWorld.make()
        let streaming = try await ChatWorld.make()
        for message in ["where is my order ORD-AVA10001?", "any offers for hot drinks?", "I'm cold"] {
            let turn = try await plain.ask("ava@example.com", message)
            let streamed = try await Self.stream(streaming, "ava@example.com", message)
            let done = try #require(streamed.turn)
            guard case .accepted(let conversation) = streamed.events.first else { throw StreamError.noAccepted }
            #expect(conversation == done.conversationID)
            #expect(done.reply.text == turn.reply.text && done.reply.maskedText == turn.reply.maskedText)
            #expect(done.source == turn.source && done.shopperMessage.text == turn.shopperMessage.text)
            #expect(streamed.shown == done.reply.text, "the page ends showing the stored answer")
            #expect(streamed.texts.count > 1, "streamed in more than one piece")
            #expect(!streamed.texts.joined().contains("<"), "no placeholder, whole or cut, reaches the page")
            let stored = try await streaming.store.message(id: done.reply.id, userID: done.reply.userID)
            #expect(stored?.text == turn.reply.text)
        }
        try await plain.close()
        try await streaming.close()
    }

    @Test("a placeholder split across deltas is held until whole, then shown un-masked")
    func splitPlaceholder() async throws {
        let model = StreamScriptLLM([["Hi <NA", "ME_1>, AVA", "20COCOA gives 20% off", ". Next step: use it at checkout."]])
        let world = try await ChatWorld.make(llm: model)
        let streamed = try await Self.stream(world, "ava@example.com", "any offers for hot drinks?")
        #expect(streamed.texts == ["Hi Ava Thompson, AVA20COCOA gives 20% off. ", "Next step: use it at checkout."])
        #expect(streamed.turn?.source == .model && !streamed.replaced)
        try await world.close()
    }

    @Test("a mangled placeholder split across deltas is shown as the shopper's own value, never as typed")
    func mangledPlaceholder() async throws {
        let model = StreamScriptLLM([["Hi NA", "ME_1, AVA", "20COCOA gives 20% off", ". Next step: use it at checkout."]])
        let world = try await ChatWorld.make(llm: model)
        let streamed = try await Self.stream(world, "ava@example.com", "any offers for hot drinks?")
        #expect(streamed.texts == ["Hi Ava Thompson, AVA20COCOA gives 20% off. ", "Next step: use it at checkout."])
        #expect(!streamed.texts.joined().contains("NAME_1"))
        #expect(streamed.turn?.reply.text == streamed.shown && !streamed.replaced)
        try await world.close()
    }

    @Test("a later sentence that leaks or is ungrounded is never shown; a replace settles on what respond stores")
    func laterSentenceFails() async throws {
        let first = ["Happy to help with that. ", "Use FREE100 at Moonbeam Cafe ", "for 100% off! Call +44 7700 900123."]
        let streamedModel = StreamScriptLLM([first], then: ["Use FREE100 at Moonbeam Cafe for 100% off!"])
        let plainModel = ScriptedLLM([first.joined(), "Use FREE100 at Moonbeam Cafe for 100% off!"])
        let world = try await ChatWorld.make(llm: streamedModel)
        let plain = try await ChatWorld.make(llm: plainModel)
        let streamed = try await Self.stream(world, "ava@example.com", "any offers?")
        let turn = try await plain.ask("ava@example.com", "any offers?")
        #expect(streamed.texts.first == "Happy to help with that. ")
        #expect(!streamed.texts.contains { $0.contains("FREE100") || $0.contains("7700") })
        #expect(streamed.replaced && streamed.shown == turn.reply.text)
        #expect(streamed.turn?.reply.text == turn.reply.text && streamed.turn?.source == .fallback)
        #expect(streamed.turn?.reply.trace?.guardVerdict == turn.reply.trace?.guardVerdict)
        try await world.close()
        try await plain.close()
    }

    @Test("a model failing mid-stream: what was shown is replaced by the deterministic answer")
    func midStreamFailure() async throws {
        let model = StreamScriptLLM([["I'm checking that for you. ", "Your order"]], failAfterPieces: true)
        let world = try await ChatWorld.make(llm: model)
        let streamed = try await Self.stream(world, "ava@example.com", "I'm cold")
        #expect(streamed.texts.first == "I'm checking that for you. ")
        #expect(streamed.replaced && streamed.turn?.source == .fallback)
        #expect(streamed.shown == streamed.turn?.reply.text)
        try await world.close()
    }

    @Test("refusals come before anything is streamed: validation errors are thrown, quota is a done turn")
    func refusals() async throws {
        let world = try await ChatWorld.make(limit: 1)
        await #expect(throws: ChatError.emptyMessage) { _ = try await Self.stream(world, "ava@example.com", "  ") }
        _ = try await Self.stream(world, "ava@example.com", "hello")
        let refused = try await Self.stream(world, "ava@example.com", "and again")
        #expect(refused.turn?.source == .quota && refused.texts.isEmpty)
        try await world.close()
    }

    @Test("over libcurl and the fake server: the streamed request is masked, the answer streams and is stored")
    func overTheWire() async throws {
        let answer = "Hi <NAME_1>, AVA20COCOA gives 20% off. Next step: use it at checkout."
        let session = try await FakeLLMServer.session(
            default: "200:text64=\(Data(answer.utf8).base64EncodedString()),chunk=3,split=5")
        let transport = try CurlLLMTransport(configuration: CurlLLMConfiguration(baseURL: session.baseURL),
                                             logger: LogCapture().logger())
        let world = try await ChatWorld.make(llm: RetryingLLMClient(transport: transport, policy: RetryPolicy()))
        let streamed = try await Self.stream(world, "ava@example.com", "any offers for hot drinks? I'm ava@example.com")
        #expect(streamed.texts == ["Hi Ava Thompson, AVA20COCOA gives 20% off. ", "Next step: use it at checkout."])
        #expect(streamed.turn?.source == .model && streamed.turn?.reply.text == streamed.shown)
        #expect(streamed.turn?.reply.trace?.attempts?.first?.usage == LLMUsage(promptTokens: 7, completionTokens: 5))
        let body = try #require(try await session.recordedBodies().first)
        #expect(body.contains("\"stream\":true") && !body.contains("ava@example.com") && !body.contains("Thompson"))
        try await world.close()
    }

    enum StreamError: Error { case noAccepted }
}

/// Streams scripted pieces (one list per streamed call), then answers `complete` calls (regenerations) from
/// `then`. With `failAfterPieces`, the stream throws an interrupted `LLMFailure` after its pieces.
final class StreamScriptLLM: LLMClient, @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [[String]]
    private var completions: [String]
    private let failAfterPieces: Bool

    init(_ streams: [[String]], then completions: [String] = [], failAfterPieces: Bool = false) {
        self.streams = streams
        self.completions = completions
        self.failAfterPieces = failAfterPieces
    }

    static let attempt = LLMAttempt(number: 1, outcome: .ok(status: 200), latencyMs: 1, backoffMs: 0)

    func complete(_ request: LLMRequest) async throws -> LLMCompletion {
        let text: String? = lock.withLock { completions.isEmpty ? nil : completions.removeFirst() }
        guard let text else { throw LLMFailure(reason: .attemptsExhausted, attempts: []) }
        return LLMCompletion(text: text, model: "scripted", attempts: [Self.attempt])
    }

    func stream(_ request: LLMRequest, continuing spent: [LLMAttempt]) -> AsyncThrowingStream<LLMStreamEvent, any Error> {
        let pieces: [String] = lock.withLock { streams.isEmpty ? [] : streams.removeFirst() }
        let fails = failAfterPieces
        return AsyncThrowingStream { continuation in
            for piece in pieces { continuation.yield(.delta(piece)) }
            if fails {
                continuation.finish(throwing: LLMFailure(reason: .interrupted, attempts: [
                    LLMAttempt(number: 1, outcome: .transport(.reset), latencyMs: 3, backoffMs: 0),
                ]))
            } else {
                continuation.yield(.finished(LLMCompletion(text: pieces.joined(), model: "scripted",
                                                           attempts: [Self.attempt])))
                continuation.finish()
            }
        }
    }
}
