import ConciergeCore
import Foundation
import SeededRandom

/// Shoppers with a known taste, added to a generated data set so that audience discovery has a ground truth: each
/// group buys one kind of thing at one price tier, at known hours and days. Opt-in and separate from
/// `SyntheticDataGenerator` (its own random stream, ids that cannot collide), so every existing seed stays
/// byte-identical.
public struct PlantedAudienceGroup: Sendable, Hashable {
    public var name: String
    public var category: String
    public var tiers: [PriceTier]
    /// Preferred colour among the category's items, when the taste has one.
    public var colour: String?
    /// Local hours (inclusive) and weekdays (1 = Sunday … 7 = Saturday) of the orders.
    public var hours: ClosedRange<Int>
    public var weekdays: [Int]
    public var orders: ClosedRange<Int>
    /// Orders fall this many days before the as-of date.
    public var daysAgo: ClosedRange<Int>
    public var couponRate: Double
    public var consent: Consent
    /// Account age in days.
    public var accountAgeDays: ClosedRange<Int>

    public init(name: String, category: String, tiers: [PriceTier], colour: String? = nil, hours: ClosedRange<Int>,
                weekdays: [Int] = Array(1...7), orders: ClosedRange<Int>, daysAgo: ClosedRange<Int>,
                couponRate: Double = 0, consent: Consent = Consent(), accountAgeDays: ClosedRange<Int> = 400...900) {
        self.name = name
        self.category = category
        self.tiers = tiers
        self.colour = colour
        self.hours = hours
        self.weekdays = weekdays
        self.orders = orders
        self.daysAgo = daysAgo
        self.couponRate = couponRate
        self.consent = consent
        self.accountAgeDays = accountAgeDays
    }
}

public enum AudiencePlanting {
    /// Adds `perGroup` shoppers per group (archetype `planted-<name>`) with their orders and clickstream. Each group
    /// shops at one shop: the first by id whose menu has the group's items, counting from the group's index so groups
    /// spread over cities. Returns the data and, per group, that shop.
    public static func plant(_ groups: [PlantedAudienceGroup], perGroup: Int, into data: DataSet, seed: UInt64,
                             asOf: Date) -> (data: DataSet, shops: [String: Shop]) {
        var data = data
        let rng = SplitMix64(seed: seed).fork("audience-planting")
        var shops: [String: Shop] = [:]
        let sortedShops = data.shops.sorted { $0.id < $1.id }
        for (groupIndex, group) in groups.enumerated() {
            let start: Int = (groupIndex * 7) % max(1, sortedShops.count)
            let rotated: [Shop] = Array(sortedShops[start...]) + Array(sortedShops[..<start])
            guard let shop = rotated.first(where: { !items(group, $0).isEmpty }) else { continue }
            shops[group.name] = shop
            for member in 0..<perGroup {
                var planter = Planter(group: group, shop: shop, asOf: asOf, rng: rng.fork("\(group.name)-\(member)"))
                let (user, orders, events) = planter.make(member: member, groupIndex: groupIndex)
                data.users.append(user)
                data.orders += orders
                data.events += events
            }
        }
        return (data, shops)
    }

    /// The shop's items of the group's category and tiers, the preferred colour first (ties by sku).
    static func items(_ group: PlantedAudienceGroup, _ shop: Shop) -> [MenuItem] {
        shop.menu.filter { $0.category == group.category && group.tiers.contains($0.priceTier) }
            .sorted { ($0.colour == group.colour ? 0 : 1, $0.sku) < ($1.colour == group.colour ? 0 : 1, $1.sku) }
    }
}

/// One planted shopper's account, orders and events.
private struct Planter {
    let group: PlantedAudienceGroup
    let shop: Shop
    let asOf: Date
    var rng: SplitMix64

    mutating func make(member: Int, groupIndex: Int) -> (User, [Order], [Event]) {
        let tag = String(UnicodeScalar(UInt8(65 + groupIndex % 26)))
        let id = "usr_pl\(tag)\(String(format: "%03d", member))"
        let user = User(
            id: id, email: "planted.\(group.name).\(member)@example.com", role: .shopper,
            name: "Planted \(tag) \(member)",
            address: PostalAddress(line1: "\(member + 1) Planted Row", city: shop.address.city,
                                   postcode: shop.address.postcode, country: shop.address.country),
            home: shop.location, timeZone: shop.timeZone, consent: group.consent, archetype: "planted-\(group.name)",
            createdAt: asOf.addingTimeInterval(-Double(rng.int(in: group.accountAgeDays)) * 86_400))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: shop.timeZone) ?? .gmt
        let menu = AudiencePlanting.items(group, shop)
        var orders: [Order] = []
        var events: [Event] = []
        for index in 0..<rng.int(in: group.orders) {
            let placed = placement(calendar)
            // The preferred colour two times in three; otherwise any item of the taste.
            let item = group.colour != nil && rng.chance(0.67) ? menu[0] : rng.pick(menu)
            let line = OrderLine(sku: item.sku, name: item.name, quantity: 1, unitPriceMinor: item.priceMinor)
            let orderID = "ORD-P\(tag)\(String(format: "%03d%03d", member, index))".prefix(12)
            let order = Order(id: String(orderID), userID: id, shopID: shop.id, lines: [line], currency: shop.currency,
                              status: .delivered, fulfilment: .pickup, placedAt: placed,
                              eta: placed.addingTimeInterval(900), deliveredAt: placed.addingTimeInterval(900),
                              couponCode: rng.chance(group.couponRate) ? "PLANTED" : nil)
            orders.append(order)
            if asOf.timeIntervalSince(placed) < 120 * 86_400 {
                events += Self.events(order, item: item, index: index)
            }
        }
        return (user, orders, events)
    }

    /// A local time in the group's hours on one of its weekdays, `daysAgo` back (moved earlier to a weekday that
    /// fits), never after the as-of instant.
    mutating func placement(_ calendar: Calendar) -> Date {
        var day = calendar.startOfDay(for: asOf.addingTimeInterval(-Double(rng.int(in: group.daysAgo)) * 86_400))
        while !group.weekdays.contains(calendar.component(.weekday, from: day)) { day.addTimeInterval(-86_400) }
        day = calendar.startOfDay(for: day.addingTimeInterval(12 * 3_600))
        let seconds = Double(rng.int(in: group.hours)) * 3_600 + Double(rng.int(in: 0...3_599))
        return min(day.addingTimeInterval(seconds), asOf.addingTimeInterval(-3_600))
    }

    static func events(_ order: Order, item: MenuItem, index: Int) -> [Event] {
        let session = "ses_\(order.id)"
        func event(_ suffix: String, _ type: EventType, _ offset: TimeInterval, withItem: Bool) -> Event {
            Event(id: "ev_\(order.id)_\(suffix)", userID: order.userID, sessionID: session, type: type,
                  sku: withItem ? item.sku : nil, category: withItem ? item.category : nil,
                  colour: withItem ? item.colour : nil, device: "web",
                  valueMinor: type == .purchase ? order.totalMinor : nil, at: order.placedAt.addingTimeInterval(offset))
        }
        return [event("s", .sessionStart, -300, withItem: false), event("v", .viewItem, -240, withItem: true),
                event("c", .addToCart, -120, withItem: true), event("p", .purchase, 0, withItem: false)]
    }
}
