/// One bought order line, as the audience side needs it: what kind of thing, when in the shopper's week.
/// Keyed by the pseudonym like every Analytics input; the caller passes lines of orders that were not cancelled.
public struct AudiencePurchase: Hashable, Sendable {
    public var customer: String
    public var orderID: String
    /// The day it was placed (UTC, like the feature inputs).
    public var day: CalendarDay
    public var category: String
    public var colour: String?
    /// `budget`, `standard` or `premium` (the menu item's price tier).
    public var priceTier: String
    public var quantity: Int
    /// Local hour 0–23 and weekday 1 (Sunday) … 7 (Saturday) at the shop that took the order: habits are local.
    public var hour: Int
    public var weekday: Int
    public var usedCoupon: Bool

    public init(customer: String, orderID: String, day: CalendarDay, category: String, colour: String?,
                priceTier: String, quantity: Int, hour: Int, weekday: Int, usedCoupon: Bool) {
        self.customer = customer
        self.orderID = orderID
        self.day = day
        self.category = category
        self.colour = colour
        self.priceTier = priceTier
        self.quantity = quantity
        self.hour = hour
        self.weekday = weekday
        self.usedCoupon = usedCoupon
    }
}

/// What the feature clauses and the profile read about one customer at the as-of date.
public struct AudienceCustomer: Hashable, Sendable {
    public var row: CustomerFeatureRow
    public var score: RFMScore
    /// Lines bought on or before the as-of date, in (day, order id) order.
    public var purchases: [AudiencePurchase]

    public init(row: CustomerFeatureRow, score: RFMScore, purchases: [AudiencePurchase], asOf: CalendarDay) {
        self.row = row
        self.score = score
        self.purchases = purchases.filter { $0.day <= asOf }
            .sorted { ($0.day, $0.orderID, $0.category) < ($1.day, $1.orderID, $1.category) }
    }

    /// Premium-tier items over all items bought (by quantity); nil without purchases.
    public var premiumShare: Double? { share { $0.priceTier == "premium" } }
    public var budgetShare: Double? { share { $0.priceTier == "budget" } }

    func share(_ predicate: (AudiencePurchase) -> Bool) -> Double? {
        let total = purchases.reduce(0) { $0 + $1.quantity }
        guard total > 0 else { return nil }
        return Double(purchases.filter(predicate).reduce(0) { $0 + $1.quantity }) / Double(total)
    }

    /// Whether a computed clause holds. Store clauses are answered by the store (or `AudienceStoreQuery`'s
    /// in-memory twin) and are true here.
    public func matches(_ clause: AudienceClause, asOf: CalendarDay) -> Bool {
        switch clause {
        case .purchased(let category, let days):
            let start = asOf.adding(days: -(days - 1))
            return purchases.contains { $0.category == category && $0.day >= start }
        case .netValueAtLeast(let amount, let currency):
            // Minor units are hundredths in every currency the chain trades in (AUD, CAD, EUR, GBP, INR, USD).
            return row.currency == currency && row.netValueMinor >= Int((amount * 100).rounded(.up))
        case .churnBand(let bands): return bands.contains(score.churnBand)
        case .valueTier(let tiers): return tiers.contains(score.valueTier)
        case .premiumShareAtLeast(let minimum): return (premiumShare ?? 0) >= minimum && !purchases.isEmpty
        case .city, .country, .consent, .lastSeenWithinDays: return true
        }
    }

    /// Every computed clause of `filter` holds.
    public func matchesFeatures(of filter: AudienceFilter, asOf: CalendarDay) -> Bool {
        filter.featureClauses.allSatisfy { matches($0, asOf: asOf) }
    }
}
