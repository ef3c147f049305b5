import Analytics
import ConciergeCore
import ConciergeWeb
import Foundation
import PIIMasking

/// The analyst chat's conversations, kept with the shopper chat's machinery: each question and answer is a
/// `ChatMessage` in the `ChatStore`, under the analyst's user id, in a conversation whose id starts with `an_`
/// (`AnalystConversations`). The question (role `shopper`: the one asking) is stored masked; the answer (role
/// `assistant`) carries its `AnalystChatRecord` in the trace, which is where the next question's follow-up
/// context comes from.
///
/// No daily quota: analysts are not shoppers. The web counts each question against the analyst request limit
/// (`AnalystLimits.requestsPerWindow`) instead.
public struct AnalystChatService: Sendable {
    /// Messages read back for one conversation: a hundred turns.
    static let historyLimit = 200
    static let listedConversations = 8

    let store: any ChatStore
    let answering: AnalystChatAnswering
    let clock: any WallClock
    let ids: any IdentifierSource

    public init(store: any ChatStore, writer: SegmentInsightService.Writer, clock: any WallClock,
                ids: any IdentifierSource) {
        self.store = store
        answering = AnalystChatAnswering(writer: writer)
        self.clock = clock
        self.ids = ids
    }

    /// - Parameters:
    ///   - snapshots: every segment on one as-of date (`AnalystDataSet.snapshots`: the chain's first).
    ///   - turnKey: the form's key (`TurnKey`): the question and answer ids derive from it and the analyst, so a
    ///     resend after a failure (a store outage between question and answer, a double click) is one turn.
    public func ask(_ text: String, conversationID: String?, analystID: String, snapshots: [SegmentSnapshot],
                    asOf: String, turnKey: TurnKey? = nil) async throws -> AnalystChatTurn {
        let question = try Self.validated(text)
        if let turnKey, let stored = try await store.message(id: turnKey.questionID(userID: analystID), userID: analystID) {
            if let answer = try await store.message(id: turnKey.answerID(userID: analystID), userID: analystID) {
                return Self.turn(question: stored, answer: answer)  // answered already: the same turn again
            }
            let recent = try await store.messages(userID: analystID, conversationID: stored.conversationID, limit: 3)
                .filter { $0.id != stored.id }
            return try await answer(stored, previous: Self.lastContext(recent), heldPersonalData: false,
                                    snapshots: snapshots, asOf: asOf, key: turnKey)
        }
        let conversation: String
        var recent: [ChatMessage] = []
        if let conversationID {
            guard try await analystConversations(analystID).contains(conversationID) else {
                throw AnalystDeskError.unknownConversation
            }
            conversation = conversationID
            recent = try await store.messages(userID: analystID, conversationID: conversationID, limit: 2)
        } else {
            conversation = ids.make(AnalystConversations.prefix)
        }
        // Masked before anything else sees it: the store, the reader, a model. No profile: the analyst's own details
        // are not what a pasted e-mail or phone would be.
        var masking = MaskingSession()
        let masked = masking.maskDetailed(question)
        // Each message at least a millisecond after the one before, so a pinned clock still orders the turns.
        let now = Self.after(recent.last?.createdAt, clock.now())
        let asked = ChatMessage(id: turnKey?.questionID(userID: analystID) ?? ids.make("msg_"), userID: analystID,
                                conversationID: conversation, role: .shopper, text: masked.text,
                                maskedText: masked.text, createdAt: now)
        do {
            try await store.appendMessage(asked)
        } catch StoreError.duplicate(collection: .messages, field: _) where turnKey != nil {
            throw AnalystDeskError.turnInProgress  // the same key's first send stored it a moment ago
        }
        return try await answer(asked, previous: Self.lastContext(recent),
                                heldPersonalData: !masked.replacements.isEmpty, snapshots: snapshots, asOf: asOf,
                                key: turnKey)
    }

    /// Answers a stored question and stores the answer. `heldPersonalData` is only known while the typed text is at
    /// hand; a resent question was stored masked, and its placeholders still tell the reader what was there.
    private func answer(_ asked: ChatMessage, previous: AnalystContext?, heldPersonalData: Bool,
                        snapshots: [SegmentSnapshot], asOf: String, key: TurnKey?) async throws -> AnalystChatTurn {
        let held = heldPersonalData || Self.holdsPlaceholder(asked.text)
        let answered = await answering.answer(asked.text, heldPersonalData: held, previous: previous,
                                              snapshots: snapshots, asOf: asOf)
        var trace = TurnTrace(intent: "analyst-" + answered.record.context.intent.rawValue)
        trace.answerSource = answered.record.producer == "mock" ? "mock" : "llm"
        trace.analystRecord = try answered.record.json()
        let reply = ChatMessage(id: key?.answerID(userID: asked.userID) ?? ids.make("msg_"), userID: asked.userID,
                                conversationID: asked.conversationID, role: .assistant, text: answered.text,
                                createdAt: Self.after(asked.createdAt, clock.now()), trace: trace)
        do {
            try await store.appendMessage(reply)
        } catch StoreError.duplicate(collection: .messages, field: _) where key != nil {
            // Two resends raced and the other one stored its answer first: that answer is the turn's.
            guard let stored = try await store.message(id: reply.id, userID: asked.userID) else { throw AnalystDeskError.turnInProgress }
            return Self.turn(question: asked, answer: stored)
        }
        return Self.turn(question: asked, answer: reply)
    }

    public func chat(analystID: String, selection: AnalystChatSelection) async throws -> AnalystChatView? {
        let ids = try await analystConversations(analystID)
        let current: String?
        switch selection {
        case .latest: current = ids.first
        case .new: current = nil
        case .specific(let id):
            guard ids.contains(id) else { return nil }
            current = id
        }
        var turns: [AnalystChatTurn] = []
        if let current {
            turns = Self.turns(try await store.messages(userID: analystID, conversationID: current,
                                                        limit: Self.historyLimit))
        }
        var summaries: [AnalystConversationSummary] = []
        for id in ids.prefix(Self.listedConversations) {
            let recent = try await store.messages(userID: analystID, conversationID: id, limit: 2)
            if let asked = recent.last(where: { $0.role == .shopper }) {
                summaries.append(AnalystConversationSummary(id: id, lastQuestion: asked.text))
            }
        }
        return AnalystChatView(conversationID: current, turns: turns, conversations: summaries)
    }

    /// The analyst's analyst conversations, most recent first (never a shopper chat conversation of theirs).
    func analystConversations(_ analystID: String) async throws -> [String] {
        try await store.conversations(userID: analystID).filter(AnalystConversations.isAnalyst)
    }

    /// The context the conversation's last answer left; `nil` when its record is gone (the retention sweep drops
    /// traces before messages): the follow-up then keeps only what it names itself.
    static func lastContext(_ recent: [ChatMessage]) -> AnalystContext? {
        guard let answer = recent.last(where: { $0.role == .assistant }) else { return nil }
        return AnalystChatRecord.decode(answer.trace?.analystRecord)?.context
    }

    /// True when stored (masked) text holds a placeholder such as `<EMAIL_1>`: what the masker replaced.
    static func holdsPlaceholder(_ text: String) -> Bool {
        text.contains(/<[A-Z][A-Z_]*_[0-9]+>/)
    }

    static func after(_ previous: Date?, _ now: Date) -> Date {
        guard let previous else { return now }
        return max(now, previous.addingTimeInterval(0.001))
    }

    static func validated(_ text: String) throws -> String {
        let question = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !question.isEmpty else { throw AnalystDeskError.emptyQuestion }
        guard question.count <= AnalystChatLimits.questionLength else {
            throw AnalystDeskError.questionTooLong(limit: AnalystChatLimits.questionLength)
        }
        guard !ControlCharacters.contained(in: question, allowingLineBreaks: true) else {
            throw AnalystDeskError.controlCharacters
        }
        return question
    }

    /// Questions paired with the answer after each; a question whose answer was never stored shows alone.
    static func turns(_ messages: [ChatMessage]) -> [AnalystChatTurn] {
        var turns: [AnalystChatTurn] = []
        for (index, message) in messages.enumerated() where message.role == .shopper {
            let next = messages.indices.contains(index + 1) ? messages[index + 1] : nil
            turns.append(turn(question: message, answer: next?.role == .assistant ? next : nil))
        }
        return turns
    }

    static func turn(question: ChatMessage, answer: ChatMessage?) -> AnalystChatTurn {
        AnalystChatTurn(conversationID: question.conversationID, questionID: question.id, question: question.text,
                        answerID: answer?.id ?? "", answer: answer?.text ?? "",
                        askedAt: SegmentInsightService.timestamp(question.createdAt),
                        record: AnalystChatRecord.decode(answer?.trace?.analystRecord))
    }
}
