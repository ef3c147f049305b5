import Foundation

/// What is kept with each analyst chat answer, so the page can show it later and the next question can resolve
/// against it without asking anything again: the answer's kind, the facts it used, the groundedness check of the
/// text as written, who wrote it, and the context a follow-up resolves against.
public struct AnalystChatRecord: Codable, Hashable, Sendable {
    public var kind: AnalystAnswer.Kind
    /// The `(segment id, metric key)` figures the answer used, in the order written.
    public var facts: [AnalystFact]
    /// `GroundednessChecker` over the text shown (the model's when it was used, else the draft).
    public var groundedness: GroundednessReport
    /// `mock`, or the model's name when its phrasing was used.
    public var producer: String
    public var promptVersion: String
    /// Why a configured model's phrasing was not used (the call failed, or a sentence was unsupported); `nil` when
    /// it was used or none is configured.
    public var fallbackReason: String?
    /// The snapshots' as-of date the figures are from (YYYY-MM-DD).
    public var asOf: String
    /// What the next question's follow-up resolves against (`AnalystAnswer.context`).
    public var context: AnalystContext

    public init(kind: AnalystAnswer.Kind, facts: [AnalystFact], groundedness: GroundednessReport, producer: String,
                promptVersion: String, fallbackReason: String?, asOf: String, context: AnalystContext) {
        self.kind = kind
        self.facts = facts
        self.groundedness = groundedness
        self.producer = producer
        self.promptVersion = promptVersion
        self.fallbackReason = fallbackReason
        self.asOf = asOf
        self.context = context
    }

    /// Canonical JSON (sorted keys): how it is stored in the answer message's trace.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The stored record, or `nil` when it is missing or unreadable (the retention sweep drops traces first).
    public static func decode(_ json: String?) -> AnalystChatRecord? {
        guard let json else { return nil }
        return try? JSONDecoder().decode(AnalystChatRecord.self, from: Data(json.utf8))
    }
}

/// One question and its answer, as stored.
public struct AnalystChatTurn: Codable, Hashable, Sendable {
    public var conversationID: String
    public var questionID: String
    /// The question as stored: masked (an e-mail or phone pasted in reads `<EMAIL_1>`).
    public var question: String
    public var answerID: String
    public var answer: String
    /// ISO 8601, UTC.
    public var askedAt: String
    /// `nil` once the retention sweep has dropped the answer's trace: the text stays, the record does not.
    public var record: AnalystChatRecord?

    public init(conversationID: String, questionID: String, question: String, answerID: String, answer: String,
                askedAt: String, record: AnalystChatRecord?) {
        self.conversationID = conversationID
        self.questionID = questionID
        self.question = question
        self.answerID = answerID
        self.answer = answer
        self.askedAt = askedAt
        self.record = record
    }

    /// The question back when the reader was not sure (the answer is then that question).
    public var clarifyingQuestion: String? { record?.kind == .clarification ? answer : nil }
}

/// One of the analyst's conversations, for the list beside the chat.
public struct AnalystConversationSummary: Codable, Hashable, Sendable {
    public var id: String
    /// The latest question, masked.
    public var lastQuestion: String

    public init(id: String, lastQuestion: String) {
        self.id = id
        self.lastQuestion = lastQuestion
    }
}

/// What the chat page shows: the analyst's conversations and the turns of the selected one (none for a new one).
public struct AnalystChatView: Codable, Hashable, Sendable {
    public var conversationID: String?
    public var turns: [AnalystChatTurn]
    public var conversations: [AnalystConversationSummary]

    public init(conversationID: String?, turns: [AnalystChatTurn], conversations: [AnalystConversationSummary]) {
        self.conversationID = conversationID
        self.turns = turns
        self.conversations = conversations
    }
}
