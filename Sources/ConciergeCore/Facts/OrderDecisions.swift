import Foundation

/// What the shopper may still do about one order, decided from its status, dates and the rules. The chat's answers
/// and the order page read the same decision.
public struct OrderDecision: Codable, Hashable, Sendable {
    public var canCancel: Bool
    public var canChangeAddress: Bool
    /// Fresh food and drink problems can be reported until this instant (delivered orders only).
    public var reportProblemsUntil: Date?
    /// Unused packaged goods can be returned until this instant (delivered orders with packaged goods only).
    public var returnPackagedUntil: Date?
    public var reportWindowOpen: Bool
    public var returnWindowOpen: Bool
    /// Delivered (or still travelling) later than the estimate plus the grace period: the fee is refunded.
    public var deliveryFeeRefundDue: Bool
    public var isLate: Bool
}

public enum OrderDecisions {
    public static func decide(_ order: Order, shop: Shop?, rules: ConciergeRules, at now: Date) -> OrderDecision {
        let grace = Double(rules.lateDeliveryGraceMinutes) * 60
        let lateAt = order.eta.map { $0.addingTimeInterval(grace) }
        let arrived = order.deliveredAt
        let isLate: Bool = {
            guard let lateAt else { return false }
            if let arrived { return arrived > lateAt }
            return order.status == .inTransit || order.status == .preparing || order.status == .placed ? now > lateAt : false
        }()
        // Collected or cancelled is final whatever the status says (an import may lag behind).
        let final = order.collectedAt != nil || order.cancelledAt != nil
        var decision = OrderDecision(
            canCancel: !final && rules.cancellableStatuses.contains(order.status),
            canChangeAddress: !final && order.fulfilment == .delivery && rules.addressChangeStatuses.contains(order.status),
            reportProblemsUntil: nil, returnPackagedUntil: nil, reportWindowOpen: false, returnWindowOpen: false,
            deliveryFeeRefundDue: isLate && order.fulfilment == .delivery, isLate: isLate)
        guard order.status == .delivered, let delivered = arrived else { return decision }
        let reportUntil = delivered.addingTimeInterval(Double(rules.freshIssueReportHours) * 3_600)
        decision.reportProblemsUntil = reportUntil
        decision.reportWindowOpen = now < reportUntil
        if hasPackagedGoods(order, shop: shop, rules: rules) {
            let returnUntil = delivered.addingTimeInterval(Double(rules.packagedReturnDays) * 86_400)
            decision.returnPackagedUntil = returnUntil
            decision.returnWindowOpen = now < returnUntil
        }
        return decision
    }

    static func hasPackagedGoods(_ order: Order, shop: Shop?, rules: ConciergeRules) -> Bool {
        let categories = Dictionary(shop?.menu.map { ($0.sku, $0.category) } ?? [], uniquingKeysWith: { a, _ in a })
        return order.lines.contains { line in
            categories[line.sku].map { rules.packagedCategories.contains($0) } ?? false
        }
    }
}
