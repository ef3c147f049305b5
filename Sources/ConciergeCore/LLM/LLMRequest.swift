/// Who wrote a message of a chat-completions conversation.
public enum LLMRole: String, Codable, Hashable, Sendable {
    case system
    case user
    case assistant
}

/// One message sent to the model. Its content is masked text: nothing raw about a shopper ever gets here.
public struct LLMMessage: Codable, Hashable, Sendable {
    public var role: LLMRole
    public var content: String

    public init(role: LLMRole, content: String) {
        self.role = role
        self.content = content
    }

    /// A system message (rules, context block).
    public static func system(_ content: String) -> LLMMessage { LLMMessage(role: .system, content: content) }
    /// A shopper's message.
    public static func user(_ content: String) -> LLMMessage { LLMMessage(role: .user, content: content) }
    /// An earlier reply of the concierge.
    public static func assistant(_ content: String) -> LLMMessage { LLMMessage(role: .assistant, content: content) }
}

/// What the concierge asks of a chat-completions model. Transport-neutral: the wire shape belongs to the adapter.
public struct LLMRequest: Codable, Hashable, Sendable {
    public var model: String
    public var messages: [LLMMessage]
    /// Sampling temperature; `nil` leaves the provider's default.
    public var temperature: Double?
    /// Upper bound on generated tokens; `nil` leaves the provider's default.
    public var maxTokens: Int?

    public init(model: String, messages: [LLMMessage], temperature: Double? = nil, maxTokens: Int? = nil) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
    }
}

/// A model's answer, with every attempt it took (for the turn's debug trace).
public struct LLMCompletion: Codable, Hashable, Sendable {
    /// The generated text (masked: the caller un-masks it after the output guard).
    public var text: String
    /// The model that answered, as the provider reported it (else the model asked for).
    public var model: String
    /// Every attempt, the successful one last.
    public var attempts: [LLMAttempt]

    /// The tokens this completion cost, summed over its attempts (zero when the provider reported none).
    public var usage: LLMUsage { attempts.totalUsage }

    public init(text: String, model: String, attempts: [LLMAttempt]) {
        self.text = text
        self.model = model
        self.attempts = attempts
    }
}
