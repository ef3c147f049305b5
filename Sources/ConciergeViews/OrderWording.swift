import ConciergeCore
import Foundation

/// How the order page says an order's state and options. What can be done comes from `OrderDecision`; how it is
/// done is said honestly: this site shows orders but cannot cancel or change them, Customer Care can.
enum OrderWording {
    static func status(_ order: Order) -> String {
        switch order.status {
        case .placed: "Placed"
        case .preparing: "Being prepared"
        case .inTransit: "On its way"
        case .delivered: order.fulfilment == .pickup ? "Collected" : "Delivered"
        case .cancelled: "Cancelled"
        case .refunded: "Refunded"
        }
    }

    static func refundState(_ state: OrderRefund.State) -> String {
        switch state {
        case .requested: "Refund requested"
        case .approved: "Refund approved"
        case .paid: "Refunded"
        case .declined: "Refund declined"
        }
    }

    static func times(_ order: Order, clock: LocalTimeFormatter) -> [OrderPage.Row] {
        var rows = [OrderPage.Row(name: "Placed", value: clock.stamp(order.placedAt))]
        let pending: Set<OrderStatus> = [.placed, .preparing, .inTransit]
        if let eta = order.eta, pending.contains(order.status) {
            rows.append(.init(name: order.fulfilment == .pickup ? "Ready for collection" : "Expected", value: clock.stamp(eta)))
        }
        if let delivered = order.deliveredAt { rows.append(.init(name: "Delivered", value: clock.stamp(delivered))) }
        if let collected = order.collectedAt { rows.append(.init(name: "Collected", value: clock.stamp(collected))) }
        if let cancelled = order.cancelledAt { rows.append(.init(name: "Cancelled", value: clock.stamp(cancelled))) }
        return rows
    }

    /// What the shopper can still do, each with who does it; closed windows are said too, so nobody hunts for them.
    static func options(_ order: Order, decision: OrderDecision, clock: LocalTimeFormatter, care: ChainProfile,
                        phone: String) -> [String] {
        let careLine = "Customer Care can do it for you on \(phone) (\(care.careHours)); this site cannot change orders itself."
        var options: [String] = []
        if decision.canCancel { options.append("You can still cancel it free of charge while it is placed. " + careLine) }
        if decision.canChangeAddress { options.append("You can still change its delivery address while it is placed. " + careLine) }
        if decision.isLate, order.fulfilment == .delivery, order.status != .delivered {
            options.append("It is running late, so the delivery fee will be refunded automatically.")
        } else if decision.deliveryFeeRefundDue {
            options.append("It arrived late, so the delivery fee is refunded automatically.")
        }
        if let until = decision.reportProblemsUntil {
            options.append(decision.reportWindowOpen
                ? "You can report a problem with fresh food or drinks until \(clock.stamp(until)): tell the concierge what happened and ask for a person."
                : "The window to report problems with fresh food or drinks closed \(clock.stamp(until)).")
        }
        if let until = decision.returnPackagedUntil {
            options.append(decision.returnWindowOpen
                ? "You can return unused packaged goods until \(clock.stamp(until)). " + careLine
                : "The window to return packaged goods closed \(clock.stamp(until)).")
        }
        return options.isEmpty ? ["Nothing about this order can be changed any more."] : options
    }
}
