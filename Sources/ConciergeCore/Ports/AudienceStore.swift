import Foundation

/// The store half of an audience filter: conditions on what the store holds (a shopper's address, consent and
/// clickstream dates), built in code from a validated filter — never from text. Every list is a clause: the value
/// must be one of its entries (OR inside a clause, AND across clauses).
///
/// Each store compiles it to its own query (SQLite: SQL with bound parameters only; MongoDB: a query document);
/// `matches` is the in-memory twin the contract tests hold both against.
public struct AudienceStoreQuery: Hashable, Sendable {
    public var cityClauses: [[String]]
    public var countryClauses: [[String]]
    public var requireEmailConsent: Bool
    public var requireSMSConsent: Bool
    /// At least one event with `seenFrom <= at < seenBefore` when set.
    public var seenFrom: Date?
    public var seenBefore: Date?

    public init(cityClauses: [[String]] = [], countryClauses: [[String]] = [], requireEmailConsent: Bool = false,
                requireSMSConsent: Bool = false, seenFrom: Date? = nil, seenBefore: Date? = nil) {
        self.cityClauses = cityClauses
        self.countryClauses = countryClauses
        self.requireEmailConsent = requireEmailConsent
        self.requireSMSConsent = requireSMSConsent
        self.seenFrom = seenFrom
        self.seenBefore = seenBefore
    }

    /// True when the user is a shopper meeting every condition, given their events.
    public func matches(_ user: User, events: [Event]) -> Bool {
        guard user.role == .shopper else { return false }
        if !cityClauses.allSatisfy({ clause in user.address.map { clause.contains($0.city) } ?? false }) { return false }
        if !countryClauses.allSatisfy({ clause in user.address.map { clause.contains($0.country) } ?? false }) {
            return false
        }
        if requireEmailConsent && !user.consent.email { return false }
        if requireSMSConsent && !user.consent.sms { return false }
        if let window = seenWindow {
            return events.contains { $0.userID == user.id && window.from <= $0.at && $0.at < window.before }
        }
        return true
    }

    /// Both ends of the clickstream window, when there is one (a missing end is open).
    public var seenWindow: (from: Date, before: Date)? {
        guard seenFrom != nil || seenBefore != nil else { return nil }
        return (seenFrom ?? .distantPast, seenBefore ?? .distantFuture)
    }
}

/// The audience's first stage: which shoppers meet the store conditions.
public protocol AudienceCandidateStore: Sendable {
    /// Ids of the shoppers meeting every condition of `query`, ordered by id.
    func audienceCandidates(_ query: AudienceStoreQuery) async throws -> [String]
}

/// The audit trail of audience exports: append-only (no update or delete through the port).
public protocol AudienceAuditStore: Sendable {
    /// Stores a record; a taken id is `StoreError.duplicate(.audienceAudits, "id")`.
    func appendAudienceAudit(_ record: AudienceAuditRecord) async throws
    /// The latest `limit` records, newest first (ties by id, descending).
    func audienceAudits(limit: Int) async throws -> [AudienceAuditRecord]
}
