import ConciergeCore
import Foundation
import SeededRandom

/// A shopper's history: orders shaped by their archetype, and the clickstream around them.
struct ActivityBuilder {
    let catalog: SeedCatalog
    let asOf: Date
    var rng: SplitMix64
    private var calendars: [String: Calendar] = [:]
    private static let devices = ["web", "ios", "android", "kiosk"]
    /// Seconds of clickstream history generated before the as-of date (120 days).
    static let clickstreamRetention: TimeInterval = 120 * 86_400

    init(catalog: SeedCatalog, asOf: Date, rng: SplitMix64) {
        self.catalog = catalog
        self.asOf = asOf
        self.rng = rng
    }

    /// Orders and events for `user`; also sets the user's loyalty points from what they spent.
    mutating func makeActivity(for user: inout User, shops: [Shop], coupons: [Coupon],
                               ids: inout IdentifierFactory) -> (orders: [Order], events: [Event]) {
        let archetype = Archetype(rawValue: user.archetype ?? "") ?? .steadyRegular
        let device = rng.pick(Self.devices)
        var orders: [Order] = []
        var events: [Event] = []
        for _ in 0..<rng.int(in: archetype.orderCount) {
            let shop = rng.chance(0.7) ? shops[0] : rng.pick(shops)
            let placedAt = placementTime(archetype: archetype, timeZone: shop.timeZone)
            let order = makeOrder(user: user, shop: shop, archetype: archetype, placedAt: placedAt,
                                  coupons: coupons, ids: &ids)
            orders.append(order)
            // The clickstream is kept for the recent past only, as a real one would be (orders stay forever).
            if asOf.timeIntervalSince(placedAt) < Self.clickstreamRetention {
                events += purchaseEvents(order, shop: shop, device: device, ids: &ids)
            }
        }
        for _ in 0..<rng.int(in: archetype.browseSessions) {
            events += browseEvents(user: user, shop: rng.pick(shops), archetype: archetype, device: device, ids: &ids)
        }
        let spent = orders.filter { $0.status == .delivered }.reduce(0) { $0 + $1.totalMinor }
        let multiplier = catalog.countries[shops[0].address.country]?.priceMultiplier ?? 1
        user.loyaltyPoints = Int((Double(spent) / multiplier / 10).rounded())  // 10 points per £1 equivalent.
        return (orders, events)
    }

    private mutating func makeOrder(user: User, shop: Shop, archetype: Archetype, placedAt: Date,
                                    coupons: [Coupon], ids: inout IdentifierFactory) -> Order {
        let pool = archetype == .bargainHunter ? shop.menu.filter { $0.priceTier != .premium } : shop.menu
        let suitable = pool.filter { DietaryRules.allows($0.tags, for: user.preferences.dietary) }
        let choices = suitable.isEmpty ? shop.menu : suitable
        let lines = (0..<rng.int(in: archetype.itemsPerOrder)).map { _ in
            let item = rng.pick(choices)
            return OrderLine(sku: item.sku, name: item.name, quantity: rng.chance(0.8) ? 1 : 2,
                             unitPriceMinor: item.priceMinor)
        }
        let fulfilment: Fulfilment = rng.chance(0.55) ? .delivery : .pickup
        let minutes = fulfilment == .delivery ? rng.int(in: 25...55) : rng.int(in: 8...20)
        let eta = placedAt.addingTimeInterval(Double(minutes) * 60)
        let status = status(placedAt: placedAt, eta: eta)
        let coupon = rng.chance(archetype.couponRate) ? usableCoupon(coupons, at: placedAt) : nil
        return Order(id: ids.orderID(), userID: user.id, shopID: shop.id, lines: lines, currency: shop.currency,
                     status: status, fulfilment: fulfilment, placedAt: placedAt, eta: eta,
                     deliveredAt: status == .delivered ? eta.addingTimeInterval(Double(rng.int(in: -300...900))) : nil,
                     couponCode: coupon)
    }

    /// Recent orders are still moving; older ones are done, a few cancelled or refunded.
    private mutating func status(placedAt: Date, eta: Date) -> OrderStatus {
        let ageMinutes = asOf.timeIntervalSince(placedAt) / 60
        if ageMinutes < 10 { return .placed }
        if ageMinutes < 25 { return .preparing }
        if asOf < eta.addingTimeInterval(20 * 60) { return .inTransit }
        let roll = rng.unit()
        return roll < 0.05 ? .cancelled : roll < 0.1 ? .refunded : .delivered
    }

    private mutating func usableCoupon(_ coupons: [Coupon], at date: Date) -> String? {
        let valid = coupons.filter { $0.ownerID == nil && $0.validFrom <= date && date < $0.validUntil }
        return valid.isEmpty ? nil : rng.pick(valid).code
    }

    /// A local time that fits the archetype (weekend evenings for that shopper, daytime for the rest).
    private mutating func placementTime(archetype: Archetype, timeZone: String) -> Date {
        var daysAgo = rng.double(in: archetype.activeDaysAgo)
        if daysAgo < 1 { return asOf.addingTimeInterval(-daysAgo * 86_400).wholeSeconds }
        daysAgo.round(.down)
        let calendar = calendar(for: timeZone)
        var day = calendar.startOfDay(for: asOf.addingTimeInterval(-daysAgo * 86_400))
        if archetype == .weekendEvening {
            while ![1, 6, 7].contains(calendar.component(.weekday, from: day)) { day.addTimeInterval(-86_400) }
        }
        let hour = archetype == .weekendEvening ? rng.double(in: 17...21.9) : rng.double(in: 7...19.9)
        let placed = calendar.startOfDay(for: day.addingTimeInterval(3_600 * 12)).addingTimeInterval(hour * 3_600)
        return min(placed, asOf.addingTimeInterval(-3_600)).wholeSeconds
    }

    /// Building a `Calendar` and looking up a zone costs tens of microseconds on Linux: once per zone, not per order.
    private mutating func calendar(for timeZone: String) -> Calendar {
        if let cached = calendars[timeZone] { return cached }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        calendars[timeZone] = calendar
        return calendar
    }

    private mutating func purchaseEvents(_ order: Order, shop: Shop, device: String,
                                         ids: inout IdentifierFactory) -> [Event] {
        let session = ids.make("ses_")
        var at = order.placedAt.addingTimeInterval(-Double(rng.int(in: 120...900)))
        var events = [Event(id: ids.make("ev_", length: 12), userID: order.userID, sessionID: session,
                            type: .sessionStart, device: device, at: at)]
        for line in order.lines {
            let item = shop.menu.first { $0.sku == line.sku }
            for type in [EventType.viewItem, .addToCart] {
                at.addTimeInterval(Double(rng.int(in: 10...90)))
                events.append(Event(id: ids.make("ev_", length: 12), userID: order.userID, sessionID: session,
                                    type: type, sku: line.sku, category: item?.category, colour: item?.colour,
                                    device: device, at: min(at, order.placedAt)))
            }
        }
        events.append(Event(id: ids.make("ev_", length: 12), userID: order.userID, sessionID: session, type: .purchase,
                            device: device, valueMinor: order.totalMinor, at: order.placedAt))
        if order.status == .refunded, let delivered = order.eta {
            events.append(Event(id: ids.make("ev_", length: 12), userID: order.userID, sessionID: ids.make("ses_"),
                                type: .refund, device: device, valueMinor: order.totalMinor,
                                at: min(asOf, delivered.addingTimeInterval(Double(rng.int(in: 3_600...172_800))))))
        }
        return events
    }

    private mutating func browseEvents(user: User, shop: Shop, archetype: Archetype, device: String,
                                       ids: inout IdentifierFactory) -> [Event] {
        let session = ids.make("ses_")
        let daysAgo = min(rng.double(in: archetype.activeDaysAgo), Self.clickstreamRetention / 86_400 - 1)
        var at = asOf.addingTimeInterval(-daysAgo * 86_400).wholeSeconds
        var events = [Event(id: ids.make("ev_", length: 12), userID: user.id, sessionID: session,
                            type: .sessionStart, device: device, at: at)]
        for _ in 0..<rng.int(in: 1...5) {
            let item = rng.pick(shop.menu)
            at.addTimeInterval(Double(rng.int(in: 15...120)))
            events.append(Event(id: ids.make("ev_", length: 12), userID: user.id, sessionID: session, type: .viewItem,
                                sku: item.sku, category: item.category, colour: item.colour, device: device, at: at))
        }
        return events
    }
}
