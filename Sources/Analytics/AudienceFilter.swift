import Foundation

/// A marketer's audience filter: every clause must hold (`{"all": [clause, …]}`).
///
/// The schema is a closed allow-list (docs/analytics.md, "Audiences"): a document with any other field, operator or
/// value type is refused by `AudienceFilter.parse` with the reason, and nothing runs. There is no free-text query,
/// no raw SQL and no pass-through of a model's words into a query: a model may only *propose* a document, which is
/// parsed here like anyone else's (ANALYTICS.md trap 1). The planted `archetype` is ground truth for evaluation
/// and deliberately not a field.
public struct AudienceFilter: Hashable, Sendable {
    public var clauses: [AudienceClause]

    public init(clauses: [AudienceClause]) {
        self.clauses = clauses
    }

    /// The clauses the store can answer from what it holds (user attributes, the clickstream's dates).
    public var storeClauses: [AudienceClause] { clauses.filter(\.runsInStore) }
    /// The clauses that need figures computed from orders at the as-of date (value, churn, purchases).
    public var featureClauses: [AudienceClause] { clauses.filter { !$0.runsInStore } }
}

/// One allow-listed predicate.
public enum AudienceClause: Hashable, Sendable {
    /// At least one counted (not cancelled) order line in `category` in the `withinDays` days ending on the as-of date.
    case purchased(category: String, withinDays: Int)
    /// Net value (gross − refunds) at least `amount` major units, in `currency`: money is only compared within one
    /// currency, so a customer who buys in another currency does not match.
    case netValueAtLeast(amount: Double, currency: String)
    /// The churn band (by days since the last purchase) is one of these.
    case churnBand([ChurnBand])
    /// The value tier (net-value quintile within the customer's currency) is one of these.
    case valueTier([ValueTier])
    /// Share of premium-tier items among everything bought, at least this (0…1). "Luxury" is this, never a spend
    /// threshold (ANALYTICS.md trap 3).
    case premiumShareAtLeast(Double)
    /// The city of the customer's address is one of these (exact, as stored).
    case city([String])
    /// The country (ISO 3166-1 alpha-2) of the customer's address is one of these.
    case country([String])
    /// The customer gave this marketing consent.
    case consent(AudienceChannel)
    /// At least one clickstream event in the `days` days ending on the as-of date.
    case lastSeenWithinDays(Int)

    /// Store clauses compile to a query on each store; the others run on computed features.
    public var runsInStore: Bool {
        switch self {
        case .city, .country, .consent, .lastSeenWithinDays: true
        case .purchased, .netValueAtLeast, .churnBand, .valueTier, .premiumShareAtLeast: false
        }
    }

    /// The clause's field name in the JSON document.
    public var field: String {
        switch self {
        case .purchased: "purchased"
        case .netValueAtLeast: "netValueAtLeast"
        case .churnBand: "churnBand"
        case .valueTier: "valueTier"
        case .premiumShareAtLeast: "premiumShareAtLeast"
        case .city: "city"
        case .country: "country"
        case .consent: "consent"
        case .lastSeenWithinDays: "lastSeenWithinDays"
        }
    }

    /// A short human reading, for "why was this customer chosen".
    public var summary: String {
        switch self {
        case .purchased(let category, let days): "bought \(category) in the last \(days) days"
        case .netValueAtLeast(let amount, let currency): "net value ≥ \(String(format: "%.2f", amount)) \(currency)"
        case .churnBand(let bands): "churn band \(bands.map(\.rawValue).joined(separator: " or "))"
        case .valueTier(let tiers): "value tier \(tiers.map(\.rawValue).joined(separator: " or "))"
        case .premiumShareAtLeast(let share): "premium share ≥ \(Int((share * 100).rounded())) %"
        case .city(let cities): "lives in \(cities.joined(separator: " or "))"
        case .country(let countries): "lives in \(countries.joined(separator: " or "))"
        case .consent(let channel): "consented to \(channel.rawValue)"
        case .lastSeenWithinDays(let days): "seen in the last \(days) days"
        }
    }
}

/// A marketing channel with its own consent.
public enum AudienceChannel: String, Codable, Hashable, Sendable, CaseIterable {
    case email, sms
}

/// Why a filter document was refused. The message names the clause and the field, never echoes more than the
/// offending key (it may come from a model).
public struct AudienceFilterError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
