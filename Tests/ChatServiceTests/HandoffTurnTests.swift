import ConciergeCore
import Foundation
import Testing
import TestSupport

/// The turn's hand-off: a real request in the store (masked), one per conversation, and an answer that promises only
/// what happens.
@Suite("Hand-off to Customer Care in the turn")
struct HandoffTurnTests {
    static let personal = ["Ava Thompson", "Thompson", "ava@example.com", "+44 7700 900123", "7700 900123", "07700900123"]

    @Test func askingForAPersonOpensAMaskedRequestAndTheAnswerSaysWhenAPersonReplies() async throws {
        let world = try await ChatWorld.make()
        let ava = try await world.user("ava@example.com")
        let turn = try await world.ask("ava@example.com",
                                       "I'm Ava Thompson (ava@example.com, 07700900123) and I want to speak to a human")
        let request = try #require(try await world.store.handoff(userID: ava.id, conversationID: turn.conversationID))
        #expect(request.isOpen && request.reason == .asked && request.intents.first == "handoff")
        #expect(request.createdAt == ChatWorld.at(hour: 15) && request.promisedReplyWorkingDays == 2)
        #expect(request.summary.contains("<NAME_1>") && request.summary.contains("<EMAIL_1>"))
        for secret in Self.personal { #expect(!request.summary.contains(secret), "\(secret) in the summary") }
        #expect(turn.reply.trace?.handoffSummary == request.summary)
        #expect(try await world.store.openHandoffs(limit: 10).map(\.id) == [request.id])
        let answer = turn.reply.text
        for phrase in ["I understand you'd like to talk to a person",
                       "I've passed this conversation to our Customer Care team.",
                       "A person replies here in this chat within 2 working days.",
                       "call 0800 123 4567 or e-mail care@brambleandbean.co.uk (08:00 to 20:00 every day)",
                       "Next step: come back to this conversation"] {
            #expect(answer.contains(phrase), "expected \"\(phrase)\" in: \(answer)")
        }
        #expect(answer.range(of: #"\bapp\b|notification"#, options: [.regularExpression, .caseInsensitive]) == nil,
                "\(answer)")
        #expect(turn.source == .model, "the guard kept Customer Care's phone and e-mail")
        try await world.close()
    }

    @Test func askingTwiceMakesOneRequestAndTheSecondAnswerSaysItIsAlreadyOpen() async throws {
        let world = try await ChatWorld.make()
        let first = try await world.ask("ava@example.com", "can I talk to a real person please")
        let second = try await world.ask("ava@example.com", "I still want to speak to a human",
                                         conversation: first.conversationID)
        #expect(try await world.store.openHandoffs(limit: 10).count == 1)
        #expect(second.reply.text.contains("already with our Customer Care team (passed on at 15:00)"))
        #expect(second.reply.text.contains("within 2 working days"))
        // Another conversation is another request.
        _ = try await world.ask("ava@example.com", "I want to speak to a human")
        #expect(try await world.store.openHandoffs(limit: 10).count == 2)
        try await world.close()
    }

    @Test func repeatedFrustrationOpensOneRequestOnTheSecondMessage() async throws {
        let world = try await ChatWorld.make()
        let ava = try await world.user("ava@example.com")
        let first = try await world.ask("ava@example.com", "where is my order? this is useless")
        #expect(try await world.store.handoff(userID: ava.id, conversationID: first.conversationID) == nil)
        #expect(!first.reply.text.contains("Customer Care"))
        let second = try await world.ask("ava@example.com", "third time asking: where is my order?",
                                         conversation: first.conversationID)
        let request = try #require(try await world.store.handoff(userID: ava.id, conversationID: first.conversationID))
        #expect(request.reason == .frustration && request.summary.hasPrefix("Shopper showed frustration in 2 messages."))
        #expect(second.reply.text.hasPrefix("I'm sorry this has been so frustrating. I've passed this conversation"))
        #expect(second.reply.text.contains("ORD-AVA10001"), "the question is still answered")
        _ = try await world.ask("ava@example.com", "ridiculous", conversation: first.conversationID)
        #expect(try await world.store.openHandoffs(limit: 10).count == 1)
        try await world.close()
    }

    /// "Yes, pass it to a person" after a complaint: the summary the team reads holds the complaint, masked.
    @Test func theSummaryHoldsWhatWasSaidBeforeMasked() async throws {
        let world = try await ChatWorld.make()
        let ava = try await world.user("ava@example.com")
        let first = try await world.ask("ava@example.com",
                                        "I'm Ava Thompson, the croissant was stale and the staff ignored me at Lakeside")
        _ = try await world.ask("ava@example.com", "yes please pass this to a person", conversation: first.conversationID)
        let request = try #require(try await world.store.handoff(userID: ava.id, conversationID: first.conversationID))
        #expect(request.summary.contains("Before that: «I'm <NAME_1>, the croissant was stale and the staff ignored me"),
                "\(request.summary)")
        for secret in Self.personal { #expect(!request.summary.contains(secret), "\(secret) in the summary") }
        try await world.close()
    }

    @Test func oneFrustratedMessageIsNotAHandOff() async throws {
        let world = try await ChatWorld.make()
        let turn = try await world.ask("ava@example.com", "this is ridiculous, any offers?")
        #expect(try await world.store.openHandoffs(limit: 10).isEmpty)
        #expect(turn.reply.trace?.handoffSummary == nil)
        try await world.close()
    }

    /// A Customer Care reply is part of what the model reads next: as the assistant's side, said to be a person's,
    /// and masked like everything else.
    @Test func aStaffReplyReachesTheNextTurnsHistoryMasked() async throws {
        let llm = ScriptedLLM(["Happy to help. Next step: ask me about an order."])
        let world = try await ChatWorld.make(llm: llm)
        let first = try await world.ask("ava@example.com", "I want to speak to a human")
        let ava = try await world.user("ava@example.com")
        let request = try #require(try await world.store.handoff(userID: ava.id, conversationID: first.conversationID))
        let reviewer = try await world.user("reviewer@example.com")
        let desk = CustomerCareDesk(store: world.store, clock: FixedWallClock(ChatWorld.at(hour: 16)), ids: RandomIdentifierSource())
        let reply = try #require(try await desk.reply(to: request.id, from: reviewer,
                                                      text: "Hello Ava Thompson, we refunded your order."))
        #expect(reply.role == .staff && reply.maskedText == "Hello <NAME_1>, we refunded your order.")
        #expect(try await world.store.handoff(id: request.id)?.answeredBy == reviewer.id)
        _ = try await world.ask("ava@example.com", "thanks!", conversation: first.conversationID)
        let history = try #require(llm.requests.last?.messages)
        let staff = try #require(history.first { $0.content.hasPrefix("[Customer Care, a person, replied]") })
        #expect(staff.role == .assistant)
        #expect(staff.content == "[Customer Care, a person, replied] Hello <NAME_1>, we refunded your order.")
        #expect(!history.contains { $0.content.contains("Thompson") })
        try await world.close()
    }

    @Test func shoppersCannotReplyForCustomerCare() async throws {
        let world = try await ChatWorld.make()
        let first = try await world.ask("ava@example.com", "I want to speak to a human")
        let ava = try await world.user("ava@example.com")
        let request = try #require(try await world.store.handoff(userID: ava.id, conversationID: first.conversationID))
        let desk = CustomerCareDesk(store: world.store, clock: FixedWallClock(ChatWorld.at(hour: 16)), ids: RandomIdentifierSource())
        await #expect(throws: CareReplyError.notAllowed) {
            try await desk.reply(to: request.id, from: ava, text: "I answer myself")
        }
        #expect(try await world.store.handoff(id: request.id)?.isOpen == true)
        try await world.close()
    }
}
