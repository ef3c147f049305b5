import Foundation

/// Who wrote a message: the shopper, the concierge, or a person of the Customer Care team (`staff`), who replies
/// in the shopper's conversation to a hand-off request.
public enum ChatRole: String, Codable, CaseIterable, Sendable {
    case shopper, assistant, staff
}

/// One message of a conversation. `text` is what was typed or answered; `maskedText` is what the model saw.
public struct ChatMessage: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var userID: String
    public var conversationID: String
    public var role: ChatRole
    public var text: String
    public var maskedText: String?
    public var createdAt: Date
    /// Debug trace of the turn (masked prompt, retrieval, attempts...), on assistant messages only.
    public var trace: TurnTrace?
    /// What the shopper can do next, as links or buttons (`AnswerAction`), on concierge answers only. `nil` on
    /// messages stored before actions existed; unlike the trace it is kept as long as the message.
    public var actions: [AnswerAction]?

    public init(id: String, userID: String, conversationID: String, role: ChatRole, text: String,
                maskedText: String? = nil, createdAt: Date, trace: TurnTrace? = nil, actions: [AnswerAction]? = nil) {
        self.id = id
        self.userID = userID
        self.conversationID = conversationID
        self.role = role
        self.text = text
        self.maskedText = maskedText
        self.createdAt = createdAt
        self.trace = trace
        self.actions = actions
    }
}

/// What the reviewer's debug view shows for one turn. Everything in it is already masked.
///
/// Fields are optional so that the trace can grow without migrating stored messages.
public struct TurnTrace: Codable, Hashable, Sendable {
    public var intent: String?
    public var maskedPrompt: String?
    public var notes: [String]
    /// `llm`, `mock`, `fallback`, `quota`: where the answer came from.
    public var answerSource: String?
    public var intentScores: [IntentReading.Score]?
    public var chunks: [TraceChunk]?
    public var shops: [TraceShop]?
    public var coupons: TraceCoupons?
    public var attempts: [LLMAttempt]?
    public var guardVerdict: TraceGuard?
    public var timings: [TraceTiming]?
    /// For hand-off requests: what the team sees, masked.
    public var handoffSummary: String?
    /// On the analyst chat's answers only: the answer's record (kind, facts, groundedness, producer, the context the
    /// next question resolves against) as canonical JSON. Opaque to the core: the analytics module owns its shape
    /// (`AnalystChatRecord`), and the core has no dependency on it.
    public var analystRecord: String?

    /// Stored traces keep the field's first name, `stores`.
    enum CodingKeys: String, CodingKey {
        case intent, maskedPrompt, notes, answerSource, intentScores, chunks, shops = "stores", coupons, attempts
        case guardVerdict, timings, handoffSummary, analystRecord
    }

    public init(intent: String? = nil, maskedPrompt: String? = nil, notes: [String] = []) {
        self.intent = intent
        self.maskedPrompt = maskedPrompt
        self.notes = notes
    }
}

public struct TraceChunk: Codable, Hashable, Sendable {
    public var source: String
    public var score: Double
    public var relevant: Bool

    /// A retrieved policy chunk: its citation (`document > heading`), its score and whether it cleared the bar.
    public init(source: String, score: Double, relevant: Bool) {
        self.source = source
        self.score = score
        self.relevant = relevant
    }
}

public struct TraceShop: Codable, Hashable, Sendable {
    public var name: String
    public var distance: String
    public var status: String

    /// A store the turn considered, as the reviewer reads it (`"270 m"`, `"Open until 22:00"`).
    public init(name: String, distance: String, status: String) {
        self.name = name
        self.distance = distance
        self.status = status
    }
}

public struct TraceGuard: Codable, Hashable, Sendable {
    public var removedPII: [String]
    public var unknownPlaceholders: Int
    public var ungrounded: [String]
    public var regenerated: Bool
    public var fellBack: Bool

    /// The output guard's verdict; the defaults are a clean pass (nothing removed, nothing regenerated).
    public init(removedPII: [String] = [], unknownPlaceholders: Int = 0, ungrounded: [String] = [],
                regenerated: Bool = false, fellBack: Bool = false) {
        self.removedPII = removedPII
        self.unknownPlaceholders = unknownPlaceholders
        self.ungrounded = ungrounded
        self.regenerated = regenerated
        self.fellBack = fellBack
    }
}

public struct TraceTiming: Codable, Hashable, Sendable {
    public var stage: String
    public var milliseconds: Double

    /// How long one stage of the turn took.
    public init(stage: String, milliseconds: Double) {
        self.stage = stage
        self.milliseconds = milliseconds
    }
}
