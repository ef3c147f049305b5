import Analytics
import SeededRandom

/// Hand-made customer groups with known behaviour for the segmentation run's tests: each group's customers share
/// a pattern (orders, basket, time, coupons, browsing) with a little seeded noise, so rows are distinct but the
/// groups are obvious.
struct SegmentGroup {
    var prefix: String
    var customers: Int
    var orders: Int
    /// Orders are spread evenly from this many days before the as-of date…
    var firstDaysAgo: Int
    /// …to this many.
    var lastDaysAgo: Int
    var totalMinor: Int = 1_000
    var hour: Double = 12
    var weekdays: [Int] = [1, 2, 3, 4, 5]
    var units: Int = 2
    var premiumUnits: Int = 0
    var coupon: Bool = false
    /// Events in each of the last 120 days' 30-day blocks.
    var eventsPerMonth: Int = 0
    var currency: String = "GBP"
}

enum SegmentationFixture {
    static let asOf = CalendarDay(iso: "2026-12-01")!

    /// Frequent big-basket daytime weekday shoppers, premium, browsing a lot.
    static let loyal = SegmentGroup(prefix: "a", customers: 40, orders: 24, firstDaysAgo: 360, lastDaysAgo: 2,
                                    totalMinor: 3_000, units: 4, premiumUnits: 2, eventsPerMonth: 20)
    /// Few small orders on weekend evenings.
    static let weekendEvening = SegmentGroup(prefix: "b", customers: 40, orders: 6, firstDaysAgo: 330,
                                             lastDaysAgo: 5, hour: 20, weekdays: [6, 7], units: 1,
                                             eventsPerMonth: 4)
    /// Coupon users who stopped ordering more than 200 days ago.
    static let lapsed = SegmentGroup(prefix: "c", customers: 40, orders: 8, firstDaysAgo: 400, lastDaysAgo: 200,
                                     totalMinor: 1_200, hour: 10, coupon: true)

    static func input(_ groups: [SegmentGroup], seed: UInt64 = 1, withoutPurchase: Int = 0) -> SegmentationInput {
        var random = SplitMix64(seed: seed)
        var customers: [String] = []
        var orders: [FeatureOrder] = []
        var events: [FeatureEvent] = []
        for group in groups {
            for number in 0..<group.customers {
                let id = "\(group.prefix)\(number)"
                customers.append(id)
                orders += makeOrders(group, customer: id, random: &random)
                events += makeEvents(group, customer: id, random: &random)
            }
        }
        customers += (0..<withoutPurchase).map { "z\($0)" }
        return SegmentationInput(customers: customers, orders: orders, refunds: [], events: events)
    }

    private static func makeOrders(_ group: SegmentGroup, customer: String, random: inout SplitMix64)
        -> [FeatureOrder]
    {
        (0..<group.orders).map { index in
            let step = group.orders > 1 ? Double(group.firstDaysAgo - group.lastDaysAgo) / Double(group.orders - 1) : 0
            let daysAgo = max(0, group.firstDaysAgo - Int(step * Double(index)) + Int(random.unit() * 3) - 1)
            let habit = OrderHabit(
                localHour: min(23.9, max(0, group.hour + random.unit() * 2 - 1)),
                weekday: group.weekdays[Int(random.unit() * Double(group.weekdays.count)) % group.weekdays.count],
                units: group.units, premiumUnits: group.premiumUnits, usedCoupon: group.coupon)
            return FeatureOrder(
                customer: customer, orderID: "\(customer)-o\(index)", day: asOf.adding(days: -daysAgo),
                totalMinor: group.totalMinor + Int(random.unit() * Double(group.totalMinor) * 0.2),
                currency: group.currency, habit: habit)
        }
    }

    private static func makeEvents(_ group: SegmentGroup, customer: String, random: inout SplitMix64)
        -> [FeatureEvent]
    {
        (0..<(4 * group.eventsPerMonth)).map { index in
            FeatureEvent(customer: customer, sessionID: "\(customer)-s\(index / 5)", kind: .view, category: "food",
                         day: asOf.adding(days: -Int(random.unit() * 120)))
        }
    }
}
