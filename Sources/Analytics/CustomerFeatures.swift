/// The inputs of `CustomerFeatures.compute`: plain values keyed by a pseudonymous customer id.
///
/// Analytics defines its own inputs instead of importing ConciergeCore's `Order`, `Event` and `User`: the module stays
/// pure and small (its tests build without the app), and a row can only hold what the caller put in — the caller maps
/// a user id to its pseudonym before anything gets here, so no name, e-mail, phone, address or user id can reach a
/// feature row.
public struct FeatureOrder: Hashable, Sendable {
    public var customer: String
    public var orderID: String
    /// The day it was placed (the caller chooses the zone; the CLI uses UTC).
    public var day: CalendarDay
    public var totalMinor: Int
    /// ISO 4217 code of `totalMinor`: money is only summed and ranked within one currency.
    public var currency: String
    /// Cancelled orders count for nothing: not an order, not a purchase-day, not value.
    public var cancelled: Bool
    /// When in the shop's week it was placed and what it held: the habits the segmentation run clusters on. `nil`
    /// when the caller does not know (the customer features and RFM never read it).
    public var habit: OrderHabit?

    public init(customer: String, orderID: String, day: CalendarDay, totalMinor: Int, currency: String = "",
                cancelled: Bool = false, habit: OrderHabit? = nil) {
        self.customer = customer
        self.orderID = orderID
        self.day = day
        self.totalMinor = totalMinor
        self.currency = currency
        self.cancelled = cancelled
        self.habit = habit
    }
}

/// Money given back on an order.
public struct FeatureRefund: Hashable, Sendable {
    public var orderID: String
    public var day: CalendarDay
    public var amountMinor: Int

    public init(orderID: String, day: CalendarDay, amountMinor: Int) {
        self.orderID = orderID
        self.day = day
        self.amountMinor = amountMinor
    }
}

/// A clickstream event.
public struct FeatureEvent: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable { case sessionStart, view, cart, purchase, refund }

    public var customer: String
    public var sessionID: String
    public var kind: Kind
    public var category: String?
    public var day: CalendarDay

    public init(customer: String, sessionID: String, kind: Kind, category: String? = nil, day: CalendarDay) {
        self.customer = customer
        self.sessionID = sessionID
        self.kind = kind
        self.category = category
        self.day = day
    }

    /// Interest weight: purchase 3, add to cart 2, view 1, anything else 0.
    var interestWeight: Int {
        switch kind {
        case .purchase: 3
        case .cart: 2
        case .view: 1
        case .sessionStart, .refund: 0
        }
    }
}

/// A category and its interest score (the sum of the weights of the customer's events in it).
public struct Interest: Codable, Hashable, Sendable {
    public var category: String
    public var score: Int

    public init(category: String, score: Int) {
        self.category = category
        self.score = score
    }
}

/// Sessions (distinct session ids) and events in a window of days ending on the as-of date.
public struct Activity: Codable, Hashable, Sendable {
    public var sessions: Int
    public var events: Int

    public init(sessions: Int, events: Int) {
        self.sessions = sessions
        self.events = events
    }
}

/// One customer's features on an as-of date. Keyed by a pseudonymous id only.
public struct CustomerFeatureRow: Codable, Hashable, Sendable {
    public var customer: String
    public var orderCount: Int
    /// BTYD x: purchase-days after the first (same-day orders are one purchase-day).
    public var repeatCount: Int
    public var firstPurchase: String?
    public var lastPurchase: String?
    public var daysSinceLast: Int?
    /// Days from the first purchase to the as-of date.
    public var tenureDays: Int?
    /// The currency of the counted orders (`mixed` when there are several, absent without orders). Monetary scores
    /// rank customers within their currency: minor units of different currencies are not comparable.
    public var currency: String?
    public var grossValueMinor: Int
    public var refundedMinor: Int
    /// Gross minus refunded.
    public var netValueMinor: Int
    /// Net value over order count, in minor units rounded half away from zero; 0 without orders.
    public var averageOrderValueMinor: Int
    public var last30Days: Activity
    public var last90Days: Activity
    /// BTYD tX and T in weeks (day counts / 7), and z̄ (mean net spend of the repeat purchase-days, major units).
    public var tX: Double
    public var T: Double
    public var zbar: Double
    /// Top 3 categories by score, ties by name.
    public var interests: [Interest]
}

/// Pure per-customer features for an explicit as-of date (issue 15).
public enum CustomerFeatures {
    /// One row per customer in `customers` plus any that appear in `orders` or `events`, sorted by id
    /// (`CustomerIDOrder`). Only what happened on or before `asOf` counts.
    ///
    /// Money rule: an order counts when it is placed on or before `asOf` and not cancelled; a refund counts when it is
    /// dated on or before `asOf` and its order counts, and an order's refunds are capped at its total (so net value is
    /// never below zero for an order).
    public static func compute(customers: [String], orders: [FeatureOrder], refunds: [FeatureRefund],
                               events: [FeatureEvent], asOf: CalendarDay) -> [CustomerFeatureRow] {
        let counted = orders.filter { !$0.cancelled && $0.day <= asOf }
        let refundedByOrder = refundsByOrder(refunds, counted: counted, asOf: asOf)
        let ordersByCustomer = Dictionary(grouping: counted, by: \.customer)
        let eventsByCustomer = Dictionary(grouping: events.filter { $0.day <= asOf }, by: \.customer)
        var ids = Set(customers)
        ids.formUnion(ordersByCustomer.keys)
        ids.formUnion(eventsByCustomer.keys)
        return ids.sorted(by: CustomerIDOrder.areInIncreasingOrder).map { id in
            row(id: id, orders: ordersByCustomer[id] ?? [], refunded: refundedByOrder,
                events: eventsByCustomer[id] ?? [], asOf: asOf)
        }
    }

    /// Refunded minor units per counted order, capped at its total.
    static func refundsByOrder(_ refunds: [FeatureRefund], counted: [FeatureOrder],
                                       asOf: CalendarDay) -> [String: Int] {
        let totals = Dictionary(counted.map { ($0.orderID, $0.totalMinor) }, uniquingKeysWith: +)
        var refunded: [String: Int] = [:]
        for refund in refunds where refund.day <= asOf && totals[refund.orderID] != nil {
            refunded[refund.orderID, default: 0] += max(0, refund.amountMinor)
        }
        return refunded.reduce(into: [:]) { result, entry in result[entry.key] = min(entry.value, totals[entry.key]!) }
    }

    private static func row(id: String, orders: [FeatureOrder], refunded: [String: Int], events: [FeatureEvent],
                            asOf: CalendarDay) -> CustomerFeatureRow {
        let days = orders.map(\.day)
        let first = days.min()
        let last = days.max()
        let gross = orders.reduce(0) { $0 + $1.totalMinor }
        let refundedMinor = orders.reduce(0) { $0 + (refunded[$1.orderID] ?? 0) }
        let net = gross - refundedMinor
        // Sorted, so the floating-point sums behind z̄ do not depend on input order.
        let transactions = orders.sorted { ($0.day, $0.orderID) < ($1.day, $1.orderID) }.map { order in
            Transaction(customerID: id, day: order.day,
                        amount: Double(order.totalMinor - (refunded[order.orderID] ?? 0)) / 100)
        }
        let summary = TransactionSummary.summarize(transactions, calibrationEnd: asOf).first
        return CustomerFeatureRow(
            customer: id, orderCount: orders.count, repeatCount: summary?.repeatCount ?? 0,
            firstPurchase: first?.description, lastPurchase: last?.description,
            daysSinceLast: last.map { CalendarDay.days(from: $0, to: asOf) },
            tenureDays: first.map { CalendarDay.days(from: $0, to: asOf) },
            currency: currency(orders),
            grossValueMinor: gross, refundedMinor: refundedMinor, netValueMinor: net,
            averageOrderValueMinor: orders.isEmpty ? 0 : roundedDivision(net, orders.count),
            last30Days: activity(events, days: 30, asOf: asOf), last90Days: activity(events, days: 90, asOf: asOf),
            tX: summary?.tX ?? 0, T: summary?.T ?? 0, zbar: summary?.meanRepeatSpend ?? 0,
            interests: interests(events)
        )
    }

    /// The one currency of `orders`, `mixed` for several, `nil` for none.
    static func currency(_ orders: [FeatureOrder]) -> String? {
        let currencies = Set(orders.map(\.currency))
        guard let only = currencies.first else { return nil }
        return currencies.count == 1 ? only : "mixed"
    }

    /// `numerator / denominator` rounded half away from zero (denominator > 0).
    static func roundedDivision(_ numerator: Int, _ denominator: Int) -> Int {
        let magnitude = (2 * abs(numerator) + denominator) / (2 * denominator)
        return numerator < 0 ? -magnitude : magnitude
    }

    /// The window is the `days` days ending on `asOf`, both ends included (30 days: asOf − 29 … asOf).
    static func activity(_ events: [FeatureEvent], days: Int, asOf: CalendarDay) -> Activity {
        let start = asOf.adding(days: -(days - 1))
        let inWindow = events.filter { $0.day >= start && $0.day <= asOf }
        return Activity(sessions: Set(inWindow.map(\.sessionID)).count, events: inWindow.count)
    }

    /// Categories weighted purchase 3 / cart 2 / view 1 over all events up to the as-of date; top 3, ties by name.
    static func interests(_ events: [FeatureEvent]) -> [Interest] {
        var scores: [String: Int] = [:]
        for event in events where event.interestWeight > 0 {
            guard let category = event.category, !category.isEmpty else { continue }
            scores[category, default: 0] += event.interestWeight
        }
        return scores.map { Interest(category: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score
                : $0.category.unicodeScalars.lexicographicallyPrecedes($1.category.unicodeScalars) }
            .prefix(3).map { $0 }
    }
}
