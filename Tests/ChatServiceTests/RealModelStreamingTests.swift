import ConciergeCore
import Foundation
import Testing
import TestSupport

/// Streamed turns (`ChatService.stream`) through the whole stack against the real model: `RetryingLLMClient` →
/// `CurlLLMTransport` in streaming mode → llama.cpp's server with SmolLM2-135M-Instruct.
///
/// As in `RealModelTurnTests`, nothing reads the tiny model's wording. What must hold whatever it writes: the server
/// was asked to stream and to report usage, and saw no raw personal data; no event the page gets holds a
/// placeholder (canonical or mangled) or another shopper's values; the page ends showing exactly the stored answer;
/// and the streamed attempt's usage (llama.cpp sends it in the last chunk when asked) reached the trace.
@Suite("Chat turn over a real model, streamed (llama.cpp server, SmolLM2-135M)", .serialized)
struct RealModelStreamingTests {
    /// An order with its id and the shopper's e-mail, then a follow-up with her name and phone number (its
    /// history, masked, goes to the model too): every kind of raw value `RealModelTurnTests.raw` lists is in play.
    static let messages = [
        "Where is my order ORD-AVA10001? If it is late, email me at ava@example.com",
        "Thanks. I'm Ava Thompson, text me on +44 7700 900123 when it arrives",
    ]

    @Test(.timeLimit(.minutes(20)))
    func streamedTurnsShowOnlyGuardedTextAndEndOnTheStoredAnswer() async throws {
        try await LlamaServer.exclusively { session in
            let world = try await RealModelWorld.make(session)
            let user = try await world.user(RealModelTurnTests.shopper)
            var conversationID: String?
            var regenerated = false
            for (index, text) in Self.messages.enumerated() {
                var streamed = StreamingTurnTests.Streamed()
                let input = ChatInput(userID: user.id, conversationID: conversationID, text: text)
                for try await event in world.chat.stream(input) { streamed.events.append(event) }
                let turn = try #require(streamed.turn, "a streamed turn ends with done")
                conversationID = turn.conversationID
                try Self.checkEvents(streamed, turn: turn)
                try await RealModelTurnTests.checkAnswer(turn, conversation: Array(Self.messages[...index]))
                regenerated = regenerated || turn.reply.trace?.guardVerdict?.regenerated == true
            }
            try await Self.checkRequests(session.recordedBodies(), regenerated: regenerated)
            try await world.close()
        }
    }

    /// What the page saw of one turn, whatever the model wrote.
    static func checkEvents(_ streamed: StreamingTurnTests.Streamed, turn: ChatTurn) throws {
        let allowedEmails = RealModelTurnTests.chainEmails.union([RealModelTurnTests.shopper])
        for text in streamed.texts {
            #expect(ShopperFacing.placeholders(in: text).isEmpty, "a placeholder in a streamed event: \(text)")
            #expect(ShopperFacing.orderIDs(in: text).isSubset(of: RealModelTurnTests.ownOrders), "a foreign order id")
            #expect(ShopperFacing.emails(in: text).isSubset(of: allowedEmails), "a foreign e-mail address")
            #expect(!text.contains("RAJ") && !text.lowercased().contains("raj.patel"), "another shopper's values")
        }
        #expect(streamed.shown == turn.reply.text, "the page ends showing exactly the stored answer")
        let verdict = try #require(turn.reply.trace?.guardVerdict)
        // A first answer that passed whole was shown as its own prefix: nothing to take back. A `replace` comes only
        // when the stored answer does not continue what was shown (the first answer failed the guard later on).
        if turn.source == .model && !verdict.regenerated {
            #expect(!streamed.replaced, "an answer stored as streamed needs no replace")
        }
        if let replaceAt = streamed.events.firstIndex(where: { if case .replace = $0 { true } else { false } }) {
            let shownBefore = StreamingTurnTests.Streamed(events: Array(streamed.events[..<replaceAt])).shown
            #expect(!turn.reply.text.hasPrefix(shownBefore), "a replace only when the stored answer differs")
        }
        // The streamed attempt is the first; the real server reported its tokens in the stream's last chunk.
        let first = try #require(turn.reply.trace?.attempts?.first)
        #expect(first.outcome == .ok(status: 200))
        #expect((first.usage?.promptTokens ?? 0) > 0 && (first.usage?.completionTokens ?? 0) > 0,
                "the streamed attempt's usage reached the trace")
    }

    /// Every request the server received: raw personal data in none; each turn's first answer asked for a stream
    /// with usage; a plain (unstreamed) request only for a regeneration.
    static func checkRequests(_ bodies: [String], regenerated: Bool) throws {
        #expect(bodies.count >= messages.count, "every turn reached the real server")
        for body in bodies {
            for value in RealModelTurnTests.raw { #expect(!body.contains(value), "a request body holds raw \(value)") }
        }
        let streamed = try bodies.filter { body in
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let options = json["stream_options"] as? [String: Any]
            let isStreamed = json["stream"] as? Bool == true
            #expect(!isStreamed || options?["include_usage"] as? Bool == true, "a stream asks for usage")
            return isStreamed
        }
        #expect(streamed.count >= messages.count, "each turn's answer was asked for as a stream")
        if !regenerated { #expect(streamed.count == bodies.count, "no plain request without a regeneration") }
        let first = try #require(bodies.first)
        #expect(first.contains("<ORDER_ID_1>") && first.contains("<EMAIL_1>"), "the message's values went masked")
    }
}
