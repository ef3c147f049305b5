import Analytics
import ConciergeCore
import Foundation

/// The segmentation run's inputs: the customer-feature inputs, each order carrying its habit — hour and weekday in
/// the **shop's** time zone (a habit is local: UTC would put a Sydney lunch on the previous evening), units, premium
/// units (the shop's menu tier of each line's SKU) and whether a coupon was used. An order from a shop that is no
/// longer listed is read in UTC, and its lines as not premium.
public enum SegmentationInputs {
    public static func read(_ store: some AnalyticsReadStore & ShopDirectory,
                            pseudonyms: CustomerPseudonyms) async throws -> SegmentationInput {
        make(shopperIDs: try await store.shopperIDs(), orders: try await store.allOrders(),
             events: try await store.allEvents(), shops: try await store.allShops(), pseudonyms: pseudonyms)
    }

    public static func make(shopperIDs: [String], orders: [Order], events: [Event], shops: [Shop],
                            pseudonyms: CustomerPseudonyms) -> SegmentationInput {
        let base = FeatureInputs.make(shopperIDs: shopperIDs, orders: orders, events: events, pseudonyms: pseudonyms)
        var habits = HabitReader(shops: shops)
        // `FeatureInputs.make` maps the orders one to one and in order.
        let withHabits = zip(base.orders, orders).map { featureOrder, order in
            var copy = featureOrder
            copy.habit = habits.habit(order)
            return copy
        }
        return SegmentationInput(customers: base.customers, orders: withHabits, refunds: base.refunds,
                                 events: base.events)
    }
}

/// Local time and basket contents of orders, with one `Calendar` per time zone (building one costs tens of µs).
struct HabitReader {
    private let shops: [String: Shop]
    private let premiumSKUs: [String: Set<String>]
    private var calendars: [String: Calendar] = [:]

    init(shops: [Shop]) {
        self.shops = Dictionary(shops.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        premiumSKUs = self.shops.mapValues { Set($0.menu.filter { $0.priceTier == .premium }.map(\.sku)) }
    }

    mutating func habit(_ order: Order) -> OrderHabit {
        let shop = shops[order.shopID]
        let calendar = calendar(shop?.timeZone ?? "UTC")
        let parts = calendar.dateComponents([.hour, .minute, .second, .weekday], from: order.placedAt)
        let hour = Double(parts.hour ?? 0) + Double(parts.minute ?? 0) / 60 + Double(parts.second ?? 0) / 3_600
        // Calendar numbers Sunday 1 … Saturday 7; ISO numbers Monday 1 … Sunday 7.
        let weekday = ((parts.weekday ?? 2) + 5) % 7 + 1
        let premium = premiumSKUs[order.shopID] ?? []
        return OrderHabit(
            localHour: hour, weekday: weekday, units: order.lines.reduce(0) { $0 + $1.quantity },
            premiumUnits: order.lines.filter { premium.contains($0.sku) }.reduce(0) { $0 + $1.quantity },
            usedCoupon: order.couponCode != nil)
    }

    private mutating func calendar(_ zone: String) -> Calendar {
        if let known = calendars[zone] { return known }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? .gmt
        calendars[zone] = calendar
        return calendar
    }
}
