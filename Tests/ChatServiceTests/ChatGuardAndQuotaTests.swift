import ConciergeCore
import CurlLLM
import Foundation
import Testing
import TestSupport

@Suite("Chat turn: guard, outage, quota, persistence")
struct ChatGuardAndQuotaTests {
    @Test func anUngroundedAnswerIsRegeneratedOnceThenReplacedByTheDeterministicOne() async throws {
        let model = ScriptedLLM(["Use FREE100 at Moonbeam Cafe for 100% off!"])
        let world = try await ChatWorld.make(llm: model)
        let turn = try await world.ask("ava@example.com", "any offers?")
        #expect(model.requests.count == 2, "one regeneration, no more")
        #expect(turn.source == .fallback)
        #expect(turn.reply.text.contains("AVA20COCOA") && !turn.reply.text.contains("FREE100"))
        let verdict = try #require(turn.reply.trace?.guardVerdict)
        #expect(verdict.regenerated && verdict.fellBack && verdict.ungrounded.contains("code"))
        try await world.close()
    }

    @Test func aGroundedModelAnswerIsKeptAndItsPlaceholdersUnmasked() async throws {
        let model = ScriptedLLM(["Hi <NAME_1>, AVA20COCOA gives 20% off. Next step: use it at checkout."])
        let world = try await ChatWorld.make(llm: model)
        let turn = try await world.ask("ava@example.com", "any offers for hot drinks?")
        #expect(turn.source == .model)
        #expect(turn.reply.text == "Hi Ava Thompson, AVA20COCOA gives 20% off. Next step: use it at checkout.")
        try await world.close()
    }

    @Test func aStorePhoneNumberIsAllowedThroughButTheShoppersOwnStaysMasked() async throws {
        let model = ScriptedLLM(["Call Lakeside Café on +44 20 7946 0101. Next step: call them."])
        let world = try await ChatWorld.make(llm: model)
        let turn = try await world.ask("ava@example.com", "my number is +44 7700 900123; the nearest cafe's number?")
        #expect(turn.source == .model)
        #expect(turn.reply.text.contains("+44 20 7946 0101"))
        let prompt = try #require(model.requests.first.map { $0.messages.map(\.content).joined() })
        #expect(!prompt.contains("7700 900123") && prompt.contains("+44 20 7946 0101"))
        try await world.close()
    }

    @Test func foreignPersonalDataAndUnknownPlaceholdersAreRemovedFromTheAnswer() async throws {
        let model = ScriptedLLM(["Write to bob.other@example.org or <EMAIL_7>. Next step: wait."])
        let world = try await ChatWorld.make(llm: model)
        let turn = try await world.ask("ava@example.com", "who do I email?")
        #expect(!turn.reply.text.contains("bob.other@example.org") && !turn.reply.text.contains("<EMAIL_7>"))
        #expect(turn.source == .fallback)
        #expect(turn.reply.trace?.guardVerdict?.removedPII.contains("EMAIL") == true)
        try await world.close()
    }

    @Test func aModelOutageStillAnswersWithTheDeterministicAnswerAndRecordsTheAttempts() async throws {
        let model = OutageLLM()
        let world = try await ChatWorld.make(llm: model)
        let turn = try await world.ask("ava@example.com", "I'm cold")
        #expect(turn.source == .fallback)
        #expect(turn.reply.text.contains("Lakeside Café"))
        #expect(model.calls == 1, "a failed client is not called again: it already retried")
        #expect(turn.reply.trace?.attempts?.count == 2)
        #expect(turn.reply.trace?.answerSource == "fallback")
        try await world.close()
    }

    /// At night every shop near Ava is closed and the answer's next step is "come by when … is open again": a
    /// condition, not a claim that the shop is open, so the model's answer passes the guard at the first attempt.
    @Test func aNextStepForWhenAClosedShopOpensPassesTheGuard() async throws {
        let world = try await ChatWorld.make(at: ChatWorld.at(hour: 2))
        let turn = try await world.ask("ava@example.com", "is lakeside open")
        #expect(turn.reply.text.contains("is closed now") && turn.reply.text.contains("open again"))
        #expect(turn.source == .model)
        #expect(turn.reply.trace?.notes.contains { $0.contains("failed the guard") } == false)
        try await world.close()
    }

    @Test func overTheDailyLimitThereIsAFriendlyReplyAndNoModelCall() async throws {
        let model = OutageLLM()
        let world = try await ChatWorld.make(llm: model, limit: 2)
        _ = try await world.ask("ava@example.com", "hello")
        _ = try await world.ask("ava@example.com", "hello again")
        let calls = model.calls
        let refused = try await world.ask("ava@example.com", "and again")
        #expect(refused.source == .quota)
        #expect(model.calls == calls, "no model call once the limit is reached")
        #expect(refused.reply.text.contains("limit of 2 messages") && refused.reply.text.contains("00:00"))
        #expect(refused.quota.used == 3 && refused.quota.remaining == 0)
        let stored = try await world.store.messages(userID: refused.shopperMessage.userID,
                                                    conversationID: refused.conversationID, limit: 10)
        #expect(stored.map(\.text) == ["and again", refused.reply.text], "the refused message is still saved")
        try await world.close()
    }

    @Test func twoHundredConcurrentTurnsWithALimitOfThirtyAdmitExactlyThirty() async throws {
        let world = try await ChatWorld.make(limit: 30)
        let user = try await world.user("ava@example.com")
        let sources = try await withThrowingTaskGroup(of: AnswerSource.self) { group in
            for index in 0..<200 {
                group.addTask {
                    try await world.chat.respond(ChatInput(userID: user.id, text: "any offers? #\(index)")).source
                }
            }
            return try await group.reduce(into: [AnswerSource]()) { $0.append($1) }
        }
        #expect(sources.filter { $0 == .model }.count == 30)
        #expect(sources.filter { $0 == .quota }.count == 170)
        let conversations = try await world.store.conversations(userID: user.id)
        #expect(conversations.count == 200, "every message stored, once")
        try await world.close()
    }

    @Test func theShoppersMessageIsStoredMaskedBesideTheRawTextAndTheTraceIsMasked() async throws {
        let world = try await ChatWorld.make()
        let turn = try await world.ask("ava@example.com", "I'm Ava Thompson, card 4111 1111 1111 1111, where is my order?")
        // As typed, but for the card number: brand and last four only (issue 13).
        #expect(turn.shopperMessage.text == "I'm Ava Thompson, card Visa •••• 1111, where is my order?")
        let masked = try #require(turn.shopperMessage.maskedText)
        #expect(!masked.contains("4111") && !masked.contains("Thompson") && masked.contains("<CARD_1>"))
        let prompt = try #require(turn.reply.trace?.maskedPrompt)
        #expect(!prompt.contains("Thompson") && !prompt.contains("ORD-AVA10001") && !prompt.contains("4111"))
        #expect(prompt.contains("<ORDER_ID_1>"))
        try await world.close()
    }

    @Test func aHandOffIsRecordedWithAMaskedSummary() async throws {
        let world = try await ChatWorld.make()
        let turn = try await world.ask("ava@example.com", "I'm Ava Thompson and I want to speak to a human now")
        let summary = try #require(turn.reply.trace?.handoffSummary)
        #expect(summary.contains("<NAME_1>") && !summary.contains("Thompson"))
        try await world.close()
    }

    @Test func badInputIsRefusedBeforeAnythingIsStored() async throws {
        let world = try await ChatWorld.make()
        let user = try await world.user("ava@example.com")
        await #expect(throws: ChatError.emptyMessage) { try await world.chat.respond(ChatInput(userID: user.id, text: "  \n")) }
        await #expect(throws: ChatError.messageTooLong(limit: 2_000)) {
            try await world.chat.respond(ChatInput(userID: user.id, text: String(repeating: "a", count: 2_001)))
        }
        await #expect(throws: ChatError.unknownUser) { try await world.chat.respond(ChatInput(userID: "usr_nobody", text: "hi")) }
        #expect(try await world.store.conversations(userID: user.id).isEmpty)
        try await world.close()
    }
}

@Suite("Chat turn over the real LLM client")
struct ChatOverCurlTests {
    /// libcurl → the fake server answering 500 every time: three attempts, then the deterministic answer, marked.
    @Test func aFailingServerMeansThreeAttemptsThenTheDeterministicAnswer() async throws {
        let session = try await FakeLLMServer.session(default: "500", apiKey: "sk-test")
        let transport = try CurlLLMTransport(configuration: CurlLLMConfiguration(baseURL: session.baseURL, apiKey: "sk-test"))
        let client = RetryingLLMClient(transport: transport, policy: RetryPolicy(
            maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .milliseconds(40), attemptTimeout: .seconds(5),
            deadline: .seconds(20)))
        let world = try await ChatWorld.make(llm: client)
        let turn = try await world.ask("ava@example.com", "I'm cold")
        #expect(turn.source == .fallback)
        #expect(turn.reply.text.contains("Lakeside Café"))
        #expect(turn.reply.trace?.attempts?.map(\.outcome) == [.http(status: 500), .http(status: 500), .http(status: 500)])
        #expect(try await session.recordedBodies().count == 3)
        try await world.close()
    }
}

extension ChatGuardAndQuotaTests {
    @Test func aResentTurnKeyReturnsTheStoredAnswerWithoutCountingOrStoringAgain() async throws {
        let world = try await ChatWorld.make()
        let first = try await world.ask("ava@example.com", "any offers?", turnKey: "turn_resend0000000001")
        let again = try await world.ask("ava@example.com", "  any offers?\n", turnKey: "turn_resend0000000001")
        #expect(!first.isReplay && again.isReplay)
        #expect(again.shopperMessage == first.shopperMessage && again.reply == first.reply)
        #expect(again.source == first.source && again.quota.used == 1)
        let user = try await world.user("ava@example.com")
        #expect(try await world.store.messages(userID: user.id, conversationID: first.conversationID, limit: 10).count == 2)
        try await world.close()
    }

    @Test func anEditedResendIsANewMessageAndAnotherShoppersKeyReachesNothingOfTheirs() async throws {
        let world = try await ChatWorld.make()
        let ava = try await world.ask("ava@example.com", "any offers?", turnKey: "turn_shared000000000001")
        let edited = try await world.ask("ava@example.com", "where is my order?", turnKey: "turn_shared000000000001")
        #expect(!edited.isReplay && edited.shopperMessage.id != ava.shopperMessage.id)
        #expect(edited.quota.used == 2)
        let raj = try await world.ask("raj.patel@example.com", "any offers?", turnKey: "turn_shared000000000001")
        #expect(!raj.isReplay && raj.conversationID != ava.conversationID && raj.reply.id != ava.reply.id)
        #expect(!raj.reply.text.contains("AVA20COCOA"), "Raj never sees Ava's answer")
        try await world.close()
    }

    @Test func aMalformedTurnKeyIsRefusedBeforeAnythingIsStored() async throws {
        let world = try await ChatWorld.make()
        for key in ["short", "turn_ with space", "turn_<b>", String(repeating: "k", count: 65), "turn_é000000000"] {
            await #expect(throws: ChatError.malformedTurnKey) {
                _ = try await world.ask("ava@example.com", "any offers?", turnKey: key)
            }
        }
        let user = try await world.user("ava@example.com")
        #expect(try await world.store.conversations(userID: user.id).isEmpty)
        try await world.close()
    }
}
