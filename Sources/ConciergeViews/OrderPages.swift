import ConciergeCore
import Foundation

/// `order.mustache`: one of the shopper's orders: status, items, shop, times, payment (brand and last four only)
/// and what can still be done about it, from the same decision the concierge's answers use (`OrderDecisions`).
public struct OrderPage: Page {
    public static let template = "order"
    public let title: String
    public let navigation: Navigation?
    let id: String
    let status: String
    let fulfilment: String
    let times: [Row]
    let lines: [Row]
    let total: String
    let payment: String?
    let coupon: String?
    let refund: String?
    let shop: ShopCard
    let options: [String]
    let care: String

    struct Row: Sendable {
        let name: String
        let value: String
    }

    /// - Parameters:
    ///   - order: one of `user`'s orders (the route has checked it is theirs).
    ///   - shop: its shop, when the chain still lists it.
    ///   - decision: what can still be done, decided now.
    public init(order: Order, shop: Shop?, decision: OrderDecision, user: User, csrf: String, care: ChainProfile) {
        navigation = Navigation(name: user.name, csrf: csrf, showsCareInbox: user.role.mayAnswerCustomerCare,
                                showsAnalystDesk: user.role.mayUseAnalytics)
        title = "Order \(order.id)"
        id = order.id
        let clock = LocalTimeFormatter(timeZoneIdentifier: user.timeZone)
        status = OrderWording.status(order)
        fulfilment = order.fulfilment == .pickup ? "Click and collect" : "Delivery"
        times = OrderWording.times(order, clock: clock)
        lines = order.lines.map {
            Row(name: "\($0.quantity) × \($0.name)", value: Money.format($0.totalMinor, currency: order.currency))
        }
        total = Money.format(order.totalMinor, currency: order.currency)
        // `PaymentSummary` can only hold a brand and four digits; the redaction is a second lock on the same door.
        payment = order.payment.map { DisplayRedaction.redactPaymentNumbers($0.masked) }
        coupon = order.couponCode
        refund = order.refund.map { "\(OrderWording.refundState($0.state)): \(Money.format($0.amountMinor, currency: order.currency))" }
        self.shop = ShopCard(shop)
        // The number of the country the order was placed in (else the shopper's): not the UK's to a New Yorker.
        let phone = care.carePhone(country: shop?.address.country ?? user.address?.country)
        options = OrderWording.options(order, decision: decision, clock: clock, care: care, phone: phone)
        self.care = "Customer Care: \(phone) (\(care.careHours)) or \(care.careEmail)."
    }
}

/// The shop an order came from, with directions on an external map.
struct ShopCard: Sendable {
    let name: String
    let address: [String]
    let phone: String?
    let directions: String?

    init(_ shop: Shop?) {
        name = shop?.name ?? "One of our shops"
        address = shop.map { [$0.address.line1] + ($0.address.line2.map { [$0] } ?? []) + ["\($0.address.city) \($0.address.postcode)"] } ?? []
        phone = shop?.phone
        directions = shop.map { MapLink.url(for: $0.address.mapQuery) }
    }
}

/// `orders.mustache`: the shopper's recent orders, newest first.
public struct OrdersPage: Page {
    public static let template = "orders"
    public let title = "Your orders"
    public let navigation: Navigation?
    let orders: [Row]
    let hasOrders: Bool

    struct Row: Sendable {
        let href: String
        let id: String
        let placed: String
        let status: String
        let total: String
        let shop: String
    }

    public init(orders: [Order], shops: [String: Shop], user: User, csrf: String) {
        navigation = Navigation(name: user.name, csrf: csrf, showsCareInbox: user.role.mayAnswerCustomerCare,
                                showsAnalystDesk: user.role.mayUseAnalytics)
        let clock = LocalTimeFormatter(timeZoneIdentifier: user.timeZone)
        self.orders = orders.map {
            Row(href: "/orders/\($0.id)", id: $0.id, placed: clock.stamp($0.placedAt), status: OrderWording.status($0),
                total: Money.format($0.totalMinor, currency: $0.currency), shop: shops[$0.shopID]?.name ?? "One of our shops")
        }
        hasOrders = !orders.isEmpty
    }
}

/// An OpenStreetMap search for an address: no key, no script, and nothing about the shopper in it.
public enum MapLink {
    /// Percent-encodes everything but the unreserved characters of RFC 3986, so a `&`, `#` or `+` in an address
    /// stays part of the query.
    public static func url(for query: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let encoded = query.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        return "https://www.openstreetmap.org/search?query=" + encoded
    }
}
