import Foundation
import PIIMasking

/// Why a Customer Care reply was refused. The messages are for the member of staff who typed it.
public enum CareReplyError: Error, Equatable, Sendable {
    case empty
    case tooLong(limit: Int)
    /// Control characters (other than line breaks and tabs) or invisible text-direction overrides.
    case controlCharacters
    /// Only reviewers and admins answer hand-offs.
    case notAllowed
}

/// One message of a conversation as Customer Care reads it: masked, whoever wrote it.
public struct CareTranscriptLine: Hashable, Sendable {
    public var id: String
    public var role: ChatRole
    /// Placeholders (`<NAME_1>`, `<EMAIL_1>`) instead of the shopper's personal data.
    public var maskedText: String
    public var createdAt: Date

    public init(id: String, role: ChatRole, maskedText: String, createdAt: Date) {
        self.id = id
        self.role = role
        self.maskedText = maskedText
        self.createdAt = createdAt
    }
}

/// A hand-off request with its conversation, for the staff page.
public struct CareTranscript: Hashable, Sendable {
    public var request: HandoffRequest
    /// Oldest first, at most `CustomerCareDesk.transcriptLimit`.
    public var lines: [CareTranscriptLine]

    public init(request: HandoffRequest, lines: [CareTranscriptLine]) {
        self.request = request
        self.lines = lines
    }
}

/// The staff side of hand-offs: the inbox, a request's masked conversation, and a reply that goes into the
/// shopper's conversation as a `staff` message and marks the request answered.
///
/// Staff never read personal data here: every message is shown as the masked text stored with it (see `masked`), or
/// masked with the shopper's profile before it leaves this type. Customer Care's own phone and e-mail stay readable.
public struct CustomerCareDesk: Sendable {
    /// The longest reply accepted, in characters (the chat's own limit).
    public static let maximumReplyLength = 2_000
    public static let transcriptLimit = 200

    let store: any HandoffStore & ChatStore & UserStore
    let clock: any WallClock
    let ids: any IdentifierSource
    /// Customer Care's own phone and e-mail, which are not personal data.
    let allowList: AllowList

    public init(store: any HandoffStore & ChatStore & UserStore, clock: any WallClock, ids: any IdentifierSource,
                rules: ConciergeRules = .standard) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.allowList = AllowList(phones: rules.chain.allCarePhones, emails: [rules.chain.careEmail])
    }

    /// Open requests, oldest first.
    public func inbox(limit: Int = 100) async throws -> [HandoffRequest] {
        try await store.openHandoffs(limit: limit)
    }

    /// The request and its masked conversation, or `nil` when there is no such request.
    public func transcript(id: String) async throws -> CareTranscript? {
        guard let request = try await store.handoff(id: id) else { return nil }
        let messages = try await store.messages(userID: request.userID, conversationID: request.conversationID,
                                                limit: Self.transcriptLimit)
        var session = try await masking(forShopper: request.userID)
        let lines = messages.map { message in
            CareTranscriptLine(id: message.id, role: message.role, maskedText: Self.masked(message, session: &session),
                               createdAt: message.createdAt)
        }
        return CareTranscript(request: request, lines: lines)
    }

    /// The stored masked text (the shopper's message as the model saw it, the model's answer before un-masking, a
    /// staff reply masked when it was sent); a message stored without one (answers from before masked answers were
    /// kept) is masked here. Stored masked texts go through the session too, which reserves their placeholders: a
    /// value masked here never reuses a placeholder that stands for another value on the same page.
    static func masked(_ message: ChatMessage, session: inout MaskingSession) -> String {
        guard let stored = message.maskedText else { return session.mask(message.text) }
        _ = session.mask(stored)
        return stored
    }

    /// Stores `text` in the shopper's conversation as a Customer Care message and marks the request answered (a
    /// later reply to an answered request is stored too; the first reply's time and author are kept).
    ///
    /// - Returns: the stored message, or `nil` when there is no such request.
    public func reply(to id: String, from staff: User, text: String) async throws -> ChatMessage? {
        guard staff.role.mayAnswerCustomerCare else { throw CareReplyError.notAllowed }
        let text = try Self.validated(text)
        guard let request = try await store.handoff(id: id) else { return nil }
        var session = try await masking(forShopper: request.userID)
        // A payment number in a reply is kept as brand and last four, like one the shopper types.
        let message = ChatMessage(id: ids.make("msg_"), userID: request.userID, conversationID: request.conversationID,
                                  role: .staff, text: PaymentRedaction.redact(text, detector: session.detector),
                                  maskedText: session.mask(text), createdAt: clock.now())
        try await store.appendMessage(message)
        try await store.markHandoffAnswered(id: request.id, by: staff.id, at: message.createdAt)
        return message
    }

    /// The reply trimmed, or why it is refused: empty, longer than `maximumReplyLength`, or holding control
    /// characters other than line breaks and tabs, or invisible text-direction overrides (which can make a message
    /// read differently from what it says).
    public static func validated(_ text: String) throws(CareReplyError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.count <= maximumReplyLength else { throw .tooLong(limit: maximumReplyLength) }
        guard !trimmed.unicodeScalars.contains(where: isRefused) else { throw .controlCharacters }
        return trimmed
    }

    private static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        if ControlCharacters.isRefused(scalar, allowingLineBreaks: true) { return true }
        return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The shopper's own values are masked however they were typed (a deleted account: the patterns only).
    private func masking(forShopper id: String) async throws -> MaskingSession {
        guard let shopper = try await store.user(id: id) else { return MaskingSession(allowList: allowList) }
        return MaskingSession(profile: MaskingProfile(name: shopper.name, email: shopper.email, phone: shopper.phone,
                                                      address: shopper.address?.singleLine), allowList: allowList)
    }
}

extension Role {
    /// Reviewers and admins read the Customer Care inbox and reply to hand-offs.
    public var mayAnswerCustomerCare: Bool { self == .reviewer || self == .admin }
}
