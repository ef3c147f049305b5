import ConciergeApp
import ConciergeCore
import Foundation
import SentenceEmbedding
import Testing
import TestSupport

/// The understanding step as it runs in production: with the sentence model, the example bank embedded at start-up,
/// and hybrid retrieval. (The golden conversations run on cues and lexical retrieval alone, the floor without a
/// model; this suite proves the model path end to end, on one world to keep its cost to one ingest.)
@Suite("Understanding with the real model, end to end")
struct ModelUnderstandingTurnTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var message: String
        var intent: Intent
        var contains: [String]
        var testDescription: String { message }
    }

    static let cases: [Case] = [
        Case(message: "how long does delivery take?", intent: .orderStatus, contains: ["30 to 45 minutes", "[delivery > Delivery times]"]),
        Case(message: "how many points do I earn per pound?", intent: .loyalty, contains: ["10 points for every £1"]),
        Case(message: "how long do I have to return a mug?", intent: .refund, contains: ["14 days", "[returns-and-refunds"]),
        Case(message: "mera order kahan hai?", intent: .orderStatus, contains: ["ORD-AVA10001", "on its way"]),
        Case(message: "¿está abierta la tienda ahora?", intent: .openNow, contains: ["Lakeside Café", "solo puedo responder en inglés"]),
        Case(message: "my latte was lukewarm", intent: .complaint, contains: ["I'm sorry", "[drink-quality"]),
        Case(message: "thanks!", intent: .thanks, contains: ["You're welcome"]),
    ]

    @Test func everyMessageIsReadByMeaningAndAnsweredWithWhatItNeeds() async throws {
        let world = try await ChatWorld.make(embedder: .loaded(try await HybridRetrievalTurnTests.model()))
        for example in Self.cases {
            let turn = try await world.ask("ava@example.com", example.message)
            let trace = try #require(turn.reply.trace)
            #expect(trace.intent == example.intent.rawValue, "\(example.message): \(trace.intentScores ?? [])")
            #expect(!trace.notes.contains { $0.contains("cues only") }, "\(example.message): the model was used")
            for phrase in example.contains {
                #expect(turn.reply.text.contains(phrase), "\(example.message): expected \"\(phrase)\" in \(turn.reply.text)")
            }
            #expect(!turn.reply.text.contains("I can only help with"))
        }
        try await world.close()
    }
}
