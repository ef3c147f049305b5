import ConciergeCore
import Foundation
import Testing
import TestSupport

/// Real turns through the whole stack against a real model: `ChatService` → `RetryingLLMClient` → libcurl →
/// llama.cpp's server with SmolLM2-135M-Instruct (started once per test process; `script/bootstrap` installs it).
///
/// The tiny model writes fluent but often wrong text, so nothing here reads its wording. What must hold whatever it
/// writes: no raw personal data in any request body the server received; no placeholder (canonical or mangled) in
/// the answer; every order id or e-mail address in it is the shopper's own, un-masked; the trace says who answered
/// and what the guard decided; and an answer that fell back is exactly the deterministic one.
@Suite("Chat turn over a real model (llama.cpp server, SmolLM2-135M)", .serialized)
struct RealModelTurnTests {
    static let shopper = "ava@example.com"
    /// Ava's own values as the demo seed plants them: none may reach the model.
    static let raw = ["ava@example.com", "ORD-AVA1000", "Thompson", "7700 900123", "900123", "48 Park Road",
                      "NW1 4SH", "51.528", "-0.158"]
    static let ownOrders: Set = ["ORD-AVA10001", "ORD-AVA10002", "ORD-AVA10003"]
    /// Addresses the chain's own policies publish (Seeds/policies): an answer may quote them.
    static let chainEmails: Set = ["care@brambleandbean.co.uk", "privacy@brambleandbean.co.uk",
                                   "accessibility@brambleandbean.co.uk"]

    /// Ordinary shopper messages: an order with its id and the shopper's e-mail, cold, offers, an allergy, and a
    /// follow-up in the same conversation (its history goes to the model too, masked).
    static let messages: [(text: String, followUp: Bool)] = [
        ("Where is my order ORD-AVA10001? If it is late, email me at ava@example.com", false),
        ("Thanks. I'm Ava Thompson, text me on +44 7700 900123 when it arrives", true),
        ("I'm cold", false),
        ("Any offers for me?", false),
        ("I have a nut allergy. What can I safely order?", false),
    ]

    @Test(.timeLimit(.minutes(20)))
    func realTurnsKeepPrivacyGroundingAndFallback() async throws {
        try await LlamaServer.exclusively { session in
            let world = try await RealModelWorld.make(session)
            var conversation: (id: String, messages: [String])?
            for message in Self.messages {
                let earlier = message.followUp ? conversation?.messages ?? [] : []
                let turn = try await world.ask(Self.shopper, message.text,
                                               conversation: message.followUp ? conversation?.id : nil)
                conversation = (turn.conversationID, earlier + [message.text])
                try await Self.checkAnswer(turn, conversation: earlier + [message.text])
            }
            let bodies = try await session.recordedBodies()
            #expect(bodies.count >= Self.messages.count, "every turn reached the real server")
            for body in bodies {
                for value in Self.raw { #expect(!body.contains(value), "a request body holds raw \(value)") }
            }
            let first = try #require(bodies.first)
            #expect(first.contains("<ORDER_ID_1>") && first.contains("<EMAIL_1>"), "the message's values went masked")
            try await world.close()
        }
    }

    /// The shopper-facing checks of one turn, whatever the model wrote.
    static func checkAnswer(_ turn: ChatTurn, conversation: [String]) async throws {
        let text = conversation.last ?? ""
        let answer = turn.reply.text
        #expect(ShopperFacing.placeholders(in: answer).isEmpty, "a placeholder reached the shopper: \(text)")
        #expect(ShopperFacing.orderIDs(in: answer).isSubset(of: ownOrders), "another order id in: \(text)")
        #expect(ShopperFacing.emails(in: answer).isSubset(of: chainEmails.union([shopper])), "a foreign e-mail")
        let trace = try #require(turn.reply.trace)
        let verdict = try #require(trace.guardVerdict, "the trace records the guard's verdict")
        #expect(trace.answerSource == turn.source.rawValue)
        #expect([AnswerSource.model, .fallback].contains(turn.source))
        #expect(verdict.fellBack == (turn.source == .fallback))
        let attempts = trace.attempts ?? []
        #expect(attempts.contains { $0.outcome == .ok(status: 200) }, "the real server answered: \(text)")
        #expect(attempts.allSatisfy { $0.outcome != .ok(status: 200) || ($0.usage?.promptTokens ?? 0) > 0 },
                "the real server reports usage")
        if turn.source == .model {
            #expect(verdict.ungrounded.isEmpty && verdict.removedPII.isEmpty && verdict.unknownPlaceholders == 0)
        } else {
            let deterministic = try await RealModelWorld.deterministicAnswer(shopper, conversation: conversation)
            #expect(answer == deterministic, "a fallback is the deterministic answer: \(text)")
        }
    }
}
