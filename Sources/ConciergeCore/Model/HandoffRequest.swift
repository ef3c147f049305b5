import Foundation

/// Where a hand-off request stands: waiting for Customer Care, or answered by a person in the conversation.
public enum HandoffStatus: String, Codable, CaseIterable, Sendable {
    case open, answered
}

/// Why a conversation was passed to Customer Care.
public enum HandoffReason: String, Codable, CaseIterable, Sendable {
    /// The shopper asked for a person.
    case asked
    /// The shopper showed frustration in two or more messages (`HandoffTrigger`).
    case frustration
}

/// A conversation passed to Customer Care: the staff inbox lists the open ones, a person replies in the shopper's
/// conversation, and the request is then answered. At most one request per conversation is open at a time.
///
/// Nothing in it is personal data in the clear: `summary` is built from masked text only.
public struct HandoffRequest: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    /// The shopper whose conversation it is.
    public var userID: String
    public var conversationID: String
    public var createdAt: Date
    public var status: HandoffStatus
    public var reason: HandoffReason
    /// What the team reads first, masked (placeholders such as `<NAME_1>` instead of the shopper's data).
    public var summary: String
    /// The turn's intents, main one first (`Intent.rawValue`).
    public var intents: [String]
    /// What the shopper was told: a person replies within this many working days (`ConciergeRules`).
    public var promisedReplyWorkingDays: Int
    /// When a member of staff first replied.
    public var answeredAt: Date?
    /// The staff user id of that first reply.
    public var answeredBy: String?

    /// An open request; `answeredAt` and `answeredBy` are set by `HandoffStore.markHandoffAnswered`.
    public init(id: String, userID: String, conversationID: String, createdAt: Date, status: HandoffStatus = .open,
                reason: HandoffReason, summary: String, intents: [String], promisedReplyWorkingDays: Int,
                answeredAt: Date? = nil, answeredBy: String? = nil) {
        self.id = id
        self.userID = userID
        self.conversationID = conversationID
        self.createdAt = createdAt
        self.status = status
        self.reason = reason
        self.summary = summary
        self.intents = intents
        self.promisedReplyWorkingDays = promisedReplyWorkingDays
        self.answeredAt = answeredAt
        self.answeredBy = answeredBy
    }

    public var isOpen: Bool { status == .open }
}

/// The outcome of `HandoffStore.openHandoff`: the conversation's open request, and whether this call created it.
public struct HandoffOpening: Hashable, Sendable {
    public var request: HandoffRequest
    /// False when the conversation already had an open request (nothing was written).
    public var isNew: Bool

    public init(request: HandoffRequest, isNew: Bool) {
        self.request = request
        self.isNew = isNew
    }
}
