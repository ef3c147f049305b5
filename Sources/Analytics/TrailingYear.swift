/// One customer's last 365 days (the as-of date included): what the naive value method projects forward.
struct TrailingYear: Hashable, Sendable {
    /// Distinct days with a counted order (same-day orders are one purchase, as in the BTYD statistics).
    var purchaseDays = 0
    /// Net of the refunds counted by the as-of date, minor units.
    var netMinor = 0

    /// "The next 12 months repeat the last 12": purchases and spend as observed, undiscounted, no P(alive).
    var figures: CustomerValueFigures {
        CustomerValueFigures(
            method: .naiveTrailing12m, expectedPurchases52w: Double(purchaseDays),
            expectedSpendMinor: purchaseDays > 0 ? CustomerFeatures.roundedDivision(netMinor, purchaseDays) : nil,
            clv12mMinor: netMinor)
    }

    /// Per customer, with the same money rule as `CustomerFeatures.compute`: cancelled orders and orders after the
    /// as-of date do not count, refunds count by the as-of date and are capped at their order's total.
    static func compute(orders: [FeatureOrder], refunds: [FeatureRefund], asOf: CalendarDay) -> [String: TrailingYear] {
        let counted = orders.filter { !$0.cancelled && $0.day <= asOf }
        let refunded = CustomerFeatures.refundsByOrder(refunds, counted: counted, asOf: asOf)
        let start = asOf.adding(days: -(ValueEstimation.trailingDays - 1))
        var days: [String: Set<CalendarDay>] = [:]
        var result: [String: TrailingYear] = [:]
        for order in counted where order.day >= start {
            days[order.customer, default: []].insert(order.day)
            let net = order.totalMinor - (refunded[order.orderID] ?? 0)
            result[order.customer, default: TrailingYear()].netMinor += net
        }
        for (customer, purchaseDays) in days { result[customer]?.purchaseDays = purchaseDays.count }
        return result
    }
}
