import Analytics
import ConciergeCore
import Crypto
import Foundation

/// Keyed pseudonyms for user ids: `c_` and the first 16 bytes of HMAC-SHA256(key, id) in hex. Without a configured
/// key a fixed development key is used, so pseudonyms stay stable between runs (but are guessable).
public struct CustomerPseudonyms: Sendable {
    private static let developmentKey = Data("concierge-analytics-development-pseudonym-key".utf8)
    private let key: SymmetricKey

    public init(key: Data?) { self.key = SymmetricKey(data: key ?? Self.developmentKey) }

    public func pseudonym(_ userID: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(userID.utf8), using: key)
        return "c_" + mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}

/// The store's rows converted to the pure module's inputs, keyed by pseudonym. Days are UTC calendar days.
public struct FeatureInputs: Sendable {
    public var customers: [String]
    public var orders: [FeatureOrder]
    public var refunds: [FeatureRefund]
    public var events: [FeatureEvent]

    public static func read(_ store: some AnalyticsReadStore, pseudonyms: CustomerPseudonyms) async throws -> FeatureInputs {
        make(shopperIDs: try await store.shopperIDs(), orders: try await store.allOrders(),
             events: try await store.allEvents(), pseudonyms: pseudonyms)
    }

    /// The conversion alone, for callers that hold the rows already (the segmentation run reads shops too; the
    /// audience side reads the rows once).
    public static func make(shopperIDs: [String], orders: [Order], events: [Event],
                            pseudonyms: CustomerPseudonyms) -> FeatureInputs {
        var cache: [String: String] = [:]
        func alias(_ id: String) -> String {
            if let known = cache[id] { return known }
            let made = pseudonyms.pseudonym(id)
            cache[id] = made
            return made
        }
        return FeatureInputs(
            customers: shopperIDs.map(alias),
            orders: orders.map {
                FeatureOrder(customer: alias($0.userID), orderID: $0.id, day: utcDay($0.placedAt),
                             totalMinor: $0.totalMinor, currency: $0.currency, cancelled: $0.status == .cancelled)
            },
            refunds: orders.compactMap(refund),
            events: events.compactMap { event in
                kind(event.type).map {
                    FeatureEvent(customer: alias(event.userID), sessionID: event.sessionID, kind: $0,
                                 category: event.category, day: utcDay(event.at))
                }
            })
    }

    /// An approved or paid refund counts with its amount on its last update; an order marked `refunded` without a
    /// refund record counts in full, on its delivery (or placement) day.
    static func refund(_ order: Order) -> FeatureRefund? {
        if let refund = order.refund {
            guard refund.state == .approved || refund.state == .paid else { return nil }
            return FeatureRefund(orderID: order.id, day: utcDay(refund.updatedAt), amountMinor: refund.amountMinor)
        }
        guard order.status == .refunded else { return nil }
        return FeatureRefund(orderID: order.id, day: utcDay(order.deliveredAt ?? order.eta ?? order.placedAt),
                             amountMinor: order.totalMinor)
    }

    static func kind(_ type: EventType) -> FeatureEvent.Kind? {
        switch type {
        case .sessionStart: .sessionStart
        case .viewItem: .view
        case .addToCart: .cart
        case .purchase: .purchase
        case .refund: .refund
        }
    }

    static func utcDay(_ date: Date) -> CalendarDay {
        CalendarDay(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
