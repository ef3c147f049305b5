import Foundation
import Geo

/// One shopper message in.
public struct ChatInput: Sendable {
    public var userID: String
    /// `nil` starts a new conversation.
    public var conversationID: String?
    public var text: String
    /// Where the shopper is (shared by the browser); the home address is used otherwise.
    public var location: Coordinate?
    /// Makes a resend of the same text the same turn (see `TurnKey`); `nil` makes every call a new turn.
    public var turnKey: String?

    public init(userID: String, conversationID: String? = nil, text: String, location: Coordinate? = nil,
                turnKey: String? = nil) {
        self.userID = userID
        self.conversationID = conversationID
        self.text = text
        self.location = location
        self.turnKey = turnKey
    }
}

/// One turn out: both stored messages, where the answer came from and the quota after it.
public struct ChatTurn: Sendable {
    public var conversationID: String
    public var shopperMessage: ChatMessage
    public var reply: ChatMessage
    public var source: AnswerSource
    public var quota: QuotaStatus
    /// A resend of a turn that was already answered: both messages are the stored ones, nothing was counted.
    public var isReplay = false

    public init(conversationID: String, shopperMessage: ChatMessage, reply: ChatMessage, source: AnswerSource,
                quota: QuotaStatus, isReplay: Bool = false) {
        self.conversationID = conversationID
        self.shopperMessage = shopperMessage
        self.reply = reply
        self.source = source
        self.quota = quota
        self.isReplay = isReplay
    }
}

public enum AnswerSource: String, Codable, Sendable {
    /// The configured model answered and the answer passed the guard.
    case model
    /// The model failed or its answers did not pass the guard twice: the deterministic answer was used.
    case fallback
    /// The daily limit was reached: no model call was made.
    case quota
}

public enum ChatError: Error, Equatable, Sendable {
    case unknownUser
    case emptyMessage
    case messageTooLong(limit: Int)
    /// The message holds a control character other than a line break or tab (a NUL, an escape...).
    case controlCharacters
    /// The form's turn key is not one the site hands out.
    case malformedTurnKey
    /// Another request with the same turn key is storing this message right now (a double submit).
    case turnInProgress
}

public struct ChatSettings: Sendable {
    public var dailyMessageLimit: Int
    public var model: String
    public var rules: ConciergeRules
    /// Longest message accepted, in characters.
    public var maximumMessageLength: Int

    public init(dailyMessageLimit: Int, model: String, rules: ConciergeRules = .standard, maximumMessageLength: Int = 2_000) {
        self.dailyMessageLimit = dailyMessageLimit
        self.model = model
        self.rules = rules
        self.maximumMessageLength = maximumMessageLength
    }
}
