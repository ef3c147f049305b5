import Analytics
import ConciergeCore
import Foundation

/// Everything the audience side knows about each customer at an as-of date, keyed by pseudonym: features, RFM
/// scores (ranked over *all* customers, so a value tier means the same inside and outside an audience), the lines
/// they bought, and what they browse. Built from store rows; names, e-mails, phones and addresses are never read.
public struct AudienceInputs: Sendable {
    public var asOf: CalendarDay
    /// Every customer, in pseudonym order.
    public var customers: [AudienceCustomer]
    public var pseudonyms: CustomerPseudonyms

    public init(shopperIDs: [String], orders: [Order], events: [Event], shops: [Shop],
                pseudonyms: CustomerPseudonyms, asOf: CalendarDay) {
        let features = FeatureInputs.make(shopperIDs: shopperIDs, orders: orders, events: events, pseudonyms: pseudonyms)
        let rows = CustomerFeatures.compute(customers: features.customers, orders: features.orders,
                                            refunds: features.refunds, events: features.events, asOf: asOf)
        let scores = RFM.score(rows)
        let lines = Dictionary(grouping: Self.purchases(orders, shops: shops, pseudonyms: pseudonyms), by: \.customer)
        self.asOf = asOf
        self.pseudonyms = pseudonyms
        self.customers = zip(rows, scores).map { row, score in
            AudienceCustomer(row: row, score: score, purchases: lines[row.customer] ?? [], asOf: asOf)
        }
    }

    /// One line per order line of an order that was not cancelled, with the menu item's category, colour and price
    /// tier, and the local hour and weekday at the shop. Lines whose item is not on the shop's menu any more are
    /// skipped (nothing to say about them).
    static func purchases(_ orders: [Order], shops: [Shop], pseudonyms: CustomerPseudonyms) -> [AudiencePurchase] {
        let shopsByID = Dictionary(shops.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let menus = shopsByID.mapValues { shop in
            Dictionary(shop.menu.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
        }
        var calendars: [String: Calendar] = [:]
        var aliases: [String: String] = [:]
        var result: [AudiencePurchase] = []
        for order in orders where order.status != .cancelled {
            guard let shop = shopsByID[order.shopID], let menu = menus[order.shopID] else { continue }
            let calendar = calendars[shop.timeZone] ?? Self.calendar(shop.timeZone)
            calendars[shop.timeZone] = calendar
            let customer = aliases[order.userID] ?? pseudonyms.pseudonym(order.userID)
            aliases[order.userID] = customer
            let parts = calendar.dateComponents([.hour, .weekday], from: order.placedAt)
            for line in order.lines {
                guard let item = menu[line.sku] else { continue }
                result.append(AudiencePurchase(
                    customer: customer, orderID: order.id, day: FeatureInputs.utcDay(order.placedAt),
                    category: item.category, colour: item.colour, priceTier: item.priceTier.rawValue,
                    quantity: line.quantity, hour: parts.hour ?? 12, weekday: parts.weekday ?? 4,
                    usedCoupon: order.couponCode != nil))
            }
        }
        return result
    }

    static func calendar(_ timeZone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        return calendar
    }
}

extension AudienceStoreQuery {
    /// The store half of a validated filter at an as-of date. Several `lastSeenWithinDays` clauses all hold when the
    /// shortest does. Days are UTC days, as in the features: the window is the N days ending on the as-of date.
    public init(_ filter: AudienceFilter, asOf: CalendarDay) {
        self.init()
        var seenDays: Int?
        for clause in filter.storeClauses {
            switch clause {
            case .city(let cities): cityClauses.append(cities)
            case .country(let countries): countryClauses.append(countries)
            case .consent(.email): requireEmailConsent = true
            case .consent(.sms): requireSMSConsent = true
            case .lastSeenWithinDays(let days): seenDays = min(days, seenDays ?? days)
            default: continue
            }
        }
        if let days = seenDays {
            seenFrom = Self.startOfUTCDay(asOf.adding(days: -(days - 1)))
            seenBefore = Self.startOfUTCDay(asOf.adding(days: 1))
        }
    }

    static func startOfUTCDay(_ day: CalendarDay) -> Date {
        Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
    }
}
