import Foundation
import PIIMasking
import Retrieval

/// The named collections every store holds, in the order they are printed.
public enum DataCollection: String, CaseIterable, Codable, Sendable {
    case users, stores, orders, coupons, events, policyChunks = "policy_chunks", messages, sessions, usage, handoffs
    /// Login and signup throttle counters (`ThrottleStore`): operational state, never exported or seeded.
    case throttles
    /// Versioned segment insights (`InsightStore`): written by the analyst side from the data, never exported or
    /// seeded (a refresh writes them again).
    case insights
    /// Who exported which audience (`AudienceAuditStore`): an append-only record, never exported or seeded.
    case audienceAudits = "audits"
    /// Stored segmentation runs (`SegmentationRunStore`): derived from the data like insights, never exported or
    /// seeded.
    case segmentationRuns = "segmentation_runs"
    /// What the model cost per day, model and purpose (`ModelUsageStore`): operational counters, never exported or
    /// seeded.
    case modelUsage = "model_usage"
    /// One-time password-reset tokens, hashed (`PasswordResetStore`): operational state, never exported or seeded.
    case passwordResets = "password_resets"
    /// Two-step verification secrets and recovery-code hashes (`SecondFactorStore`): never exported or seeded.
    case secondFactors = "second_factors"
}

/// Everything a store holds, as plain values: what `seed` writes and `export` prints.
///
/// `canonical()` sorts every collection by its key so that two stores holding the same data produce the same
/// value regardless of the order they return rows in.
public struct DataSet: Codable, Hashable, Sendable {
    public var users: [User]
    public var shops: [Shop]
    public var orders: [Order]
    public var coupons: [Coupon]
    public var events: [Event]
    public var policyChunks: [PolicyChunk]
    public var messages: [ChatMessage]
    public var sessions: [Session]
    public var usage: [DailyUsage]
    /// Conversations passed to Customer Care (masked summaries only).
    public var handoffs: [HandoffRequest]

    /// Exported and imported files keep the collection's stored name, `stores`.
    enum CodingKeys: String, CodingKey {
        case users, shops = "stores", orders, coupons, events, policyChunks, messages, sessions, usage, handoffs
    }

    public init(users: [User] = [], shops: [Shop] = [], orders: [Order] = [], coupons: [Coupon] = [],
                events: [Event] = [], policyChunks: [PolicyChunk] = [], messages: [ChatMessage] = [],
                sessions: [Session] = [], usage: [DailyUsage] = [], handoffs: [HandoffRequest] = []) {
        self.users = users
        self.shops = shops
        self.orders = orders
        self.coupons = coupons
        self.events = events
        self.policyChunks = policyChunks
        self.messages = messages
        self.sessions = sessions
        self.usage = usage
        self.handoffs = handoffs
    }

    /// Files written before hand-offs existed have no `handoffs` key: they read as none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            users: try container.decode([User].self, forKey: .users),
            shops: try container.decode([Shop].self, forKey: .shops),
            orders: try container.decode([Order].self, forKey: .orders),
            coupons: try container.decode([Coupon].self, forKey: .coupons),
            events: try container.decode([Event].self, forKey: .events),
            policyChunks: try container.decode([PolicyChunk].self, forKey: .policyChunks),
            messages: try container.decode([ChatMessage].self, forKey: .messages),
            sessions: try container.decode([Session].self, forKey: .sessions),
            usage: try container.decode([DailyUsage].self, forKey: .usage),
            handoffs: try container.decodeIfPresent([HandoffRequest].self, forKey: .handoffs) ?? [])
    }

    public var counts: CollectionCounts {
        CollectionCounts([
            .users: users.count, .stores: shops.count, .orders: orders.count, .coupons: coupons.count,
            .events: events.count, .policyChunks: policyChunks.count, .messages: messages.count,
            .sessions: sessions.count, .usage: usage.count, .handoffs: handoffs.count,
        ])
    }

    public var isEmpty: Bool { counts.total == 0 }

    /// The same data with every collection in key order.
    public func canonical() -> DataSet {
        DataSet(
            users: users.sorted { $0.id < $1.id },
            shops: shops.sorted { $0.id < $1.id },
            orders: orders.sorted { $0.id < $1.id },
            coupons: coupons.sorted { $0.code < $1.code },
            events: events.sorted { $0.id < $1.id },
            policyChunks: policyChunks.sorted { $0.id < $1.id },
            messages: messages.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) },
            sessions: sessions.sorted { ($0.createdAt, $0.tokenHash) < ($1.createdAt, $1.tokenHash) },
            usage: usage.sorted { ($0.userID, $0.day) < ($1.userID, $1.day) },
            handoffs: handoffs.sorted { $0.id < $1.id }
        )
    }

    /// A copy without secrets: password hashes, session token hashes and CSRF tokens are dropped, and a card
    /// number or IBAN still whole in a message (rows stored before messages were redacted when stored) is
    /// exported as brand and last four, as it is shown.
    public func redactingSecrets() -> DataSet {
        var copy = self
        copy.users = users.map { var user = $0; user.passwordHash = nil; return user }
        copy.sessions = sessions.map { var session = $0; session.tokenHash = ""; session.csrfToken = ""; return session }
        copy.messages = messages.map {
            var message = $0
            message.text = PaymentRedaction.redact(message.text, detector: Self.paymentNumbers)
            return message
        }
        return copy
    }

    private static let paymentNumbers = PIIDetector()
}

/// Row counts per collection, printed in `DataCollection` order.
public struct CollectionCounts: Hashable, Sendable {
    public private(set) var values: [DataCollection: Int]

    public init(_ values: [DataCollection: Int] = [:]) { self.values = values }

    public subscript(collection: DataCollection) -> Int {
        get { values[collection] ?? 0 }
        set { values[collection] = newValue }
    }

    public var total: Int { DataCollection.allCases.reduce(0) { $0 + self[$1] } }

    /// A collection left out counts as 0, so counts from a store (every collection) equal counts of what was written.
    public static func == (lhs: CollectionCounts, rhs: CollectionCounts) -> Bool {
        DataCollection.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for collection in DataCollection.allCases { hasher.combine(self[collection]) }
    }
}
