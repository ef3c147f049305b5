import Foundation
import PIIMasking

/// Everything kept about one person, as the file "Download my data" sends (issue 14; `Seeds/policies/privacy.md`).
///
/// Every read is by their user id, so it holds only theirs. It leaves out what is not about them or would weaken the
/// account: the password hash, session tokens, the model's masked text and debug traces (internal, and the same
/// facts as the messages), and which member of staff answered. Payment numbers appear as brand and last four digits
/// only, in orders (as stored) and in text (redacted again, for rows stored before redaction existed).
public struct PersonalDataExport: Encodable, Sendable {
    public struct Profile: Encodable, Sendable {
        public let id, email, name: String
        let phone: String?
        let address: PostalAddress?
        let home: HomePlace?
        let timeZone: String
        let role: Role
        let preferences: Preferences
        let loyaltyPoints: Int
        let marketingConsent: Consent
        let createdAt: Date

        init(_ user: User) {
            id = user.id
            email = user.email
            name = user.name
            phone = user.phone
            address = user.address
            home = user.home.map { HomePlace(latitude: $0.latitude, longitude: $0.longitude) }
            timeZone = user.timeZone
            role = user.role
            preferences = user.preferences
            loyaltyPoints = user.loyaltyPoints
            marketingConsent = user.consent
            createdAt = user.createdAt
        }
    }

    public struct HomePlace: Encodable, Sendable {
        let latitude, longitude: Double
    }

    public struct Conversation: Encodable, Sendable {
        public let id: String
        public let messages: [Message]
    }

    /// What was said, as stored (payment numbers already reduced); never the masked text or the trace.
    public struct Message: Encodable, Sendable {
        public let id: String
        public let role: ChatRole
        public let text: String
        let createdAt: Date

        init(_ message: ChatMessage) {
            id = message.id
            role = message.role
            text = PersonalDataExport.redact(message.text)
            createdAt = message.createdAt
        }
    }

    /// A Customer Care request; who on the staff answered is theirs, not the shopper's, and stays out.
    public struct Handoff: Encodable, Sendable {
        public let id, conversationID: String
        let createdAt: Date
        let status: HandoffStatus
        let reason: HandoffReason
        let summary: String
        let answeredAt: Date?

        init(_ request: HandoffRequest) {
            id = request.id
            conversationID = request.conversationID
            createdAt = request.createdAt
            status = request.status
            reason = request.reason
            summary = PersonalDataExport.redact(request.summary)
            answeredAt = request.answeredAt
        }
    }

    public struct DayCount: Encodable, Sendable {
        let day: String
        let count: Int
    }

    public let exportedAt: Date
    public let profile: Profile
    /// Payment as stored: brand and last four digits (`PaymentSummary`), never a full number.
    public let orders: [Order]
    public let coupons: [Coupon]
    public let conversations: [Conversation]
    public let customerCareRequests: [Handoff]
    public let dailyMessageCounts: [DayCount]
    /// Pages viewed and items added on the site (the privacy notice's "app usage").
    public let activity: [Event]
}

extension PersonalDataExport {
    /// Far above any real account's history; a bound all the same, so one read is never unbounded.
    public static var readLimit: Int { 100_000 }
    private static let detector = PIIDetector()

    static func redact(_ text: String) -> String { PaymentRedaction.redact(text, detector: detector) }

    /// Reads everything kept about `user` from `store`.
    public static func read(
        _ user: User, from store: some OrderStore & CouponStore & EventStore & ChatStore & PersonalDataStore,
        at now: Date
    ) async throws -> PersonalDataExport {
        var conversations: [Conversation] = []
        for id in try await store.conversations(userID: user.id) {
            let messages = try await store.messages(userID: user.id, conversationID: id, limit: readLimit)
            conversations.append(Conversation(id: id, messages: messages.map(Message.init)))
        }
        return PersonalDataExport(
            exportedAt: now, profile: Profile(user),
            orders: try await store.orders(userID: user.id, limit: readLimit),
            coupons: try await store.coupons(availableTo: user.id, atShops: []).filter { $0.ownerID == user.id },
            conversations: conversations,
            customerCareRequests: try await store.handoffs(userID: user.id).map(Handoff.init),
            dailyMessageCounts: try await store.usageCounters(userID: user.id).map { DayCount(day: $0.day, count: $0.count) },
            activity: try await store.events(userID: user.id))
    }

    /// Pretty-printed JSON with sorted keys and ISO 8601 dates: readable, and the same bytes for the same data.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
