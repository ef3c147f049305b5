import ConciergeCore
import Foundation
import Testing
import TestSupport

/// The real model's reply to an order question, rewritten the ways SmolLM2 mangles placeholders, then put through
/// the real guard, grounding check and un-masking. Either the guard copes (the shopper's own value un-masked, or
/// the offending text gone) or the deterministic answer is given; the shopper never sees a placeholder, a mangled
/// token or another shopper's value.
@Suite("Chat turn over a real model: placeholders dropped, mangled, repeated", .serialized)
struct RealModelPlaceholderTests {
    static let message = "Where is my order ORD-AVA10001? If it is late, email me at ava@example.com"
    /// One real reply per distinct request for the whole suite: each case's world asks the same question.
    static let cache = ReplyCache()

    enum Mangling: String, CaseIterable, Sendable {
        case bare, changedCase, inventedEmail, repeated, dropped, foreignValues

        func apply(_ reply: String) -> String {
            switch self {
            case .bare: reply + " Your order ORDER_ID_1 is on its way."
            case .changedCase: reply + " Your order <Order_ID_1> is on its way."
            case .inventedEmail: reply + " We will write to <EMAIL_2>."
            case .repeated: reply + " Order <ORDER_ID_1>: yes, <ORDER_ID_1>, I repeat, <ORDER_ID_1>."
            case .dropped: reply.replacing(/<[A-Z][A-Z_]*_[0-9]+>/, with: "")
            case .foreignValues: reply + " Raj's order ORD-RAJ10001 goes to raj.patel@example.com."
            }
        }

        /// Whether the guard must refuse the rewritten answer whatever the model wrote around it.
        var mustFallBack: Bool { self == .inventedEmail || self == .foreignValues }
        /// Whether the rewrite puts the shopper's order placeholder in (mangled or not), to be un-masked.
        var addsOwnOrder: Bool { [.bare, .changedCase, .repeated].contains(self) }
    }

    // The limit covers waiting for the server while the other real-model tests use it.
    @Test(.timeLimit(.minutes(20)), arguments: Mangling.allCases)
    func theShopperNeverSeesAManglingAndGetsTheirOwnValuesOrTheDeterministicAnswer(_ mangling: Mangling) async throws {
        try await LlamaServer.exclusively { session in
            let world = try await RealModelWorld.make(session, rewrite: { mangling.apply($0) }, cache: Self.cache)
            let turn = try await world.ask(RealModelTurnTests.shopper, Self.message)
            try await world.close()
            try await RealModelTurnTests.checkAnswer(turn, conversation: [Self.message])
            let answer = turn.reply.text
            #expect(!answer.contains("RAJ") && !answer.lowercased().contains("raj.patel"), "another shopper's values")
            let verdict = try #require(turn.reply.trace?.guardVerdict)
            if mangling.mustFallBack {
                #expect(turn.source == .fallback && verdict.regenerated)
                #expect(verdict.unknownPlaceholders > 0 || !verdict.removedPII.isEmpty)
            }
            if [.bare, .changedCase].contains(mangling) {
                let notes = turn.reply.trace?.notes ?? []
                #expect(notes.contains { $0.contains("mangled placeholders read as placeholders") })
            }
            if mangling.addsOwnOrder, turn.source == .model {
                let copies = answer.components(separatedBy: "ORD-AVA10001").count - 1
                #expect(copies >= (mangling == .repeated ? 3 : 1), "the shopper's own order id, un-masked")
            }
        }
    }
}
