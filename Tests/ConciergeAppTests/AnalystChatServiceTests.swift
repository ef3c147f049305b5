import Analytics
import ConciergeApp
import ConciergeCore
import ConciergeWeb
import Foundation
import SQLiteStore
import Synchronization
import Testing
import TestSupport

/// The analyst chat's service over a real SQLite store with a scripted model: the model only phrases, and only a
/// phrasing whose every sentence passes the groundedness check is used; otherwise the draft, with the reason kept.
@Suite("Analyst chat service: masking, model phrasing, records")
struct AnalystChatServiceTests {
    static let snapshots = [Examples.chain] + Examples.known
    static let analyst = "usr_analyst"

    private func makeService(_ writer: SegmentInsightService.Writer) throws
        -> (AnalystChatService, SQLiteConciergeStore)
    {
        let store = try SQLiteConciergeStore(
            path: RepositoryPaths.temporaryDirectory("analyst-chat").appendingPathComponent("c.sqlite").path)
        let service = AnalystChatService(store: store, writer: writer,
                                         clock: FixedWallClock(SegmentInsightServiceTests.now), ids: CountingIDs())
        return (service, store)
    }

    private func ask(_ service: AnalystChatService, _ question: String, in conversation: String? = nil)
        async throws -> AnalystChatTurn
    {
        try await service.ask(question, conversationID: conversation, analystID: Self.analyst,
                              snapshots: Self.snapshots, asOf: Examples.asOf)
    }

    @Test func aGroundedPhrasingIsUsedAndTheModelSeesOnlyTheFiguresAndTheDraft() async throws {
        let model = ScriptedModel(["Champions has 212 customers, At Risk has 187."])
        let (service, store) = try makeService(.model(model, name: "phraser-1"))
        let turn = try await ask(service, "compare champions and at risk")
        let record = try #require(turn.record)
        #expect(turn.answer == "Champions has 212 customers, At Risk has 187.")
        #expect(record.producer == "phraser-1" && record.fallbackReason == nil && record.groundedness.score == 1)
        let prompt = try #require(model.requests.first?.messages.last?.content)
        #expect(prompt.contains("- Champions · Customers = 212") && prompt.contains("Draft: Champions: customers 212"))
        try await store.close()
    }

    @Test func aPhrasingWithAnInventedNumberIsRefusedAndTheDraftKept() async throws {
        let model = ScriptedModel(["Champions has 999 customers and is the best segment."])
        let (service, store) = try makeService(.model(model, name: "phraser-1"))
        let turn = try await ask(service, "compare champions and at risk")
        let record = try #require(turn.record)
        #expect(turn.answer.hasPrefix("Champions: customers 212"))
        #expect(record.producer == "mock" && record.groundedness.score == 1)
        #expect(record.fallbackReason == "the model's phrasing had 1 unsupported sentence(s)")
        try await store.close()
    }

    @Test func personalDataIsMaskedBeforeStorageAndNeverSentToTheModel() async throws {
        let model = ScriptedModel([])  // any call fails the test
        let (service, store) = try makeService(.model(model, name: "phraser-1"))
        let turn = try await ask(service, "how much did raj.patel@example.com spend?")
        #expect(turn.question == "how much did <EMAIL_1> spend?" && turn.record?.kind == .refusal)
        let stored = try await store.messages(userID: Self.analyst, conversationID: turn.conversationID, limit: 5)
        #expect(stored.map(\.text).allSatisfy { !$0.contains("raj.patel") } && stored.count == 2)
        #expect(model.requests.isEmpty)
        try await store.close()
    }

    @Test func aFollowUpResolvesAgainstTheStoredRecordAndConversationsStayApart() async throws {
        let (service, store) = try makeService(.mock)
        let first = try await ask(service, "compare champions and at risk")
        #expect(first.conversationID.hasPrefix(AnalystConversations.prefix))
        let second = try await ask(service, "and the other one?", in: first.conversationID)
        #expect(second.record?.context.segments == ["rfm-at-risk"] && second.answer.hasPrefix("At Risk"))
        let view = try #require(try await service.chat(analystID: Self.analyst, selection: .latest))
        #expect(view.turns.map(\.question) == ["compare champions and at risk", "and the other one?"])
        #expect(try await service.chat(analystID: "usr_other", selection: .specific(first.conversationID)) == nil)
        await #expect(throws: AnalystDeskError.unknownConversation) {
            try await service.ask("why?", conversationID: "conv_shopper", analystID: Self.analyst,
                                  snapshots: Self.snapshots, asOf: Examples.asOf)
        }
        try await store.close()
    }
}

extension AnalystChatServiceTests {
    /// Refusals and questions back are checked like answers; their fixed wording quotes example questions and
    /// non-segments in single quotes, so none is flagged as naming a segment that does not exist.
    @Test(arguments: ["what's the weather like?", "which segment is growing fastest?", "what do the VIPs buy",
                      "hi", "tell me about segment 3", "give me Ava's email"])
    func fixedWordingPassesTheCheck(_ question: String) async throws {
        let (service, store) = try makeService(.mock)
        let record = try #require(try await ask(service, question).record)
        #expect(record.kind != .answer)
        #expect(record.groundedness.score == 1, "\(record.groundedness.unsupported)")
        try await store.close()
    }
}

/// Resending a question: with the form's turn key, asking again after a failure is one turn, never two.
extension AnalystChatServiceTests {
    /// The SQLite store, except that the first answer it is given fails to store (an outage between the
    /// question and the answer: the question is already stored).
    final class AnswerOutageStore: ChatStore, Sendable {
        let inner: SQLiteConciergeStore
        let failedOnce = Mutex(false)

        init(_ inner: SQLiteConciergeStore) { self.inner = inner }

        func appendMessage(_ message: ChatMessage) async throws {
            let fail = message.role == .assistant && failedOnce.withLock { failed in
                defer { failed = true }
                return !failed
            }
            if fail { throw StoreError.unavailable("the store went away") }
            try await inner.appendMessage(message)
        }

        func message(id: String, userID: String) async throws -> ChatMessage? {
            try await inner.message(id: id, userID: userID)
        }

        func messages(userID: String, conversationID: String, limit: Int) async throws -> [ChatMessage] {
            try await inner.messages(userID: userID, conversationID: conversationID, limit: limit)
        }

        func conversations(userID: String) async throws -> [String] { try await inner.conversations(userID: userID) }
    }

    @Test func aQuestionResentAfterAnOutageIsAnsweredOnceAndStoredOnce() async throws {
        let (_, sqlite) = try makeService(.mock)
        let store = AnswerOutageStore(sqlite)
        let service = AnalystChatService(store: store, writer: .mock,
                                         clock: FixedWallClock(SegmentInsightServiceTests.now), ids: CountingIDs())
        let key = try TurnKey(validating: "turn_resend_0001")
        await #expect(throws: StoreError.self) {
            try await service.ask("compare champions and at risk", conversationID: nil, analystID: Self.analyst,
                                  snapshots: Self.snapshots, asOf: Examples.asOf, turnKey: key)
        }
        // The question was stored before the outage; the resend (no conversation id: it was a new one) answers it.
        let resent = try await service.ask("compare champions and at risk", conversationID: nil,
                                           analystID: Self.analyst, snapshots: Self.snapshots, asOf: Examples.asOf,
                                           turnKey: key)
        #expect(resent.answer.hasPrefix("Champions: customers 212"))
        let again = try await service.ask("compare champions and at risk", conversationID: nil,
                                          analystID: Self.analyst, snapshots: Self.snapshots, asOf: Examples.asOf,
                                          turnKey: key)
        #expect(again == resent)
        #expect(try await sqlite.conversations(userID: Self.analyst) == [resent.conversationID])
        let stored = try await sqlite.messages(userID: Self.analyst, conversationID: resent.conversationID, limit: 10)
        #expect(stored.map(\.role) == [.shopper, .assistant])
        // Without a key, the same resend would be a second question: the key is what makes it one turn.
        let unkeyed = try await ask(service, "compare champions and at risk", in: resent.conversationID)
        #expect(unkeyed.questionID != resent.questionID)
        // Another analyst's resend of the same key is their own turn, never this one.
        let other = try await service.ask("compare champions and at risk", conversationID: nil, analystID: "usr_other",
                                          snapshots: Self.snapshots, asOf: Examples.asOf, turnKey: key)
        #expect(other.conversationID != resent.conversationID && other.questionID != resent.questionID)
        try await sqlite.close()
    }

    @Test func aStoredMaskedQuestionAnsweredOnResendIsStillRefusedAsPersonalData() async throws {
        let (_, sqlite) = try makeService(.mock)
        let store = AnswerOutageStore(sqlite)
        let service = AnalystChatService(store: store, writer: .mock,
                                         clock: FixedWallClock(SegmentInsightServiceTests.now), ids: CountingIDs())
        let key = try TurnKey(validating: "turn_resend_0002")
        _ = try? await service.ask("how much did raj.patel@example.com spend?", conversationID: nil,
                                   analystID: Self.analyst, snapshots: Self.snapshots, asOf: Examples.asOf, turnKey: key)
        let resent = try await service.ask("how much did raj.patel@example.com spend?", conversationID: nil,
                                           analystID: Self.analyst, snapshots: Self.snapshots, asOf: Examples.asOf,
                                           turnKey: key)
        #expect(resent.question == "how much did <EMAIL_1> spend?" && resent.record?.kind == .refusal)
        try await sqlite.close()
    }
}

extension AnalystChatServiceTests {
    /// One date's figures are not a trend: a question about movement gets the figure and the plain statement that
    /// it shows none, and the statement passes the groundedness check; a question about today alone does not get it.
    @Test(arguments: ["are champions customers getting fewer, is it getting worse?",
                      "has the number of champions customers gone up since last quarter?",
                      "how many champions customers are there, is it trending up?"])
    func aQuestionAboutMovementSaysTheFiguresHaveNoHistory(_ question: String) async throws {
        let (service, store) = try makeService(.mock)
        let turn = try await ask(service, question)
        let record = try #require(turn.record)
        #expect(record.kind == .answer && record.context.segments == ["rfm-champions"], "\(turn.answer)")
        #expect(turn.answer.hasPrefix("Champions has 212 customers") && !record.facts.isEmpty, "\(turn.answer)")
        #expect(turn.answer.hasSuffix("with no history, so they cannot say whether it is rising or falling."))
        #expect(record.groundedness.score == 1, "\(record.groundedness.unsupported)")
        let today = try await ask(service, "how many champions customers are there?")
        #expect(!today.answer.contains("no history"), "\(today.answer)")
        try await store.close()
    }
}
