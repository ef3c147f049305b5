import Foundation

/// One order's habits, in the **shop's local time** (a habit is "after work on Saturday" where the shop is, not in
/// UTC, which would move a Sydney lunch to the previous night), and what it held.
public struct OrderHabit: Hashable, Sendable {
    /// Hour of the day, 0 ≤ hour < 24, fractional (17.5 = 17:30).
    public var localHour: Double
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int
    /// Units bought (line quantities summed) and how many of them were premium-tier items.
    public var units: Int
    public var premiumUnits: Int
    public var usedCoupon: Bool

    public init(localHour: Double, weekday: Int, units: Int, premiumUnits: Int, usedCoupon: Bool) {
        precondition((1...7).contains(weekday), "ISO weekday 1…7")
        self.localHour = localHour
        self.weekday = weekday
        self.units = units
        self.premiumUnits = premiumUnits
        self.usedCoupon = usedCoupon
    }
}

/// Hours and weekdays as points on a circle (ANALYTICS.md trap 7): as plain numbers 23:00 is far from 01:00 and
/// Sunday (7) far from Monday (1); on the circle each is next to the other.
public enum CyclicEncoding {
    public static func hour(_ hour: Double) -> (sin: Double, cos: Double) { point(hour / 24) }

    /// `weekday` is ISO (1 = Monday … 7 = Sunday); Sunday sits one seventh of a turn from Monday.
    public static func weekday(_ weekday: Int) -> (sin: Double, cos: Double) { point(Double(weekday - 1) / 7) }

    private static func point(_ turn: Double) -> (sin: Double, cos: Double) {
        (Foundation.sin(2 * .pi * turn), Foundation.cos(2 * .pi * turn))
    }
}

/// A customer's values behind the clustering columns, in business units: traits and snapshots quote these.
public struct SegmentationProfile: Hashable, Sendable {
    public var customer: String
    public var orderCount: Int
    public var daysSinceLast: Int
    public var currency: String
    public var netValueMinor: Int
    public var averageOrderValueMinor: Int
    /// Average order value over the median average order value of the buyers in the same currency.
    public var basketVsTypical: Double
    public var events30: Int
    /// Premium units / units; coupon orders, evening orders (17:00–23:59 local), weekend orders (Sat–Sun) / orders.
    public var premiumShare: Double
    public var couponShare: Double
    public var eveningShare: Double
    public var weekendShare: Double
    /// The mean of the orders' points on the hour and weekday circles (0, 0 when no order carries a habit).
    public var hourSin: Double, hourCos: Double, weekdaySin: Double, weekdayCos: Double
    /// What the shares are measured on: orders that carry a habit, and their units.
    public var habitOrders: Int
    public var units: Int
}

/// Columns that are dropped together in the feature-drop test (a habit is two columns, sin and cos).
public struct SegmentationFeatureGroup: Codable, Hashable, Sendable {
    public var name: String
    public var columns: [String]
}

/// The clustering table on one as-of date: buyers only, in id order.
public struct SegmentationFeatureTable: Sendable {
    public var profiles: [SegmentationProfile]
    /// Customers without a counted order: nothing to cluster them on but clicks (reported, not clustered).
    public var withoutPurchase: Int
    /// The raw (not yet standardised) columns, one row per profile.
    public var matrix: FeatureMatrix
}

/// The features the segmentation run clusters on (docs/analytics.md, "Segmentation run"):
///
/// - frequency `log1p(orders)`, basket `log1p(AOV / currency median AOV)` (money only compares within a
///   currency), recency `log1p(days since last)`, engagement `log1p(events in 30 days)` — logs tame heavy tails;
/// - premium share of units and coupon share of orders, already in 0…1;
/// - time of day and day of week as the mean point on their circles;
/// - the last two kinds smoothed towards the population (`HabitSmoothing`): one order is no habit.
///
/// Net value is left out (it is orders × AOV, both already in), as is the repeat share (1 − 1/orders for almost
/// everyone, so a copy of frequency).
public enum SegmentationFeatures {
    public static let groups: [SegmentationFeatureGroup] = [
        .init(name: "frequency", columns: ["orders_log1p"]),
        .init(name: "basket", columns: ["basket_vs_typical_log1p"]),
        .init(name: "recency", columns: ["days_since_last_log1p"]),
        .init(name: "engagement", columns: ["events_30d_log1p"]),
        .init(name: "premium", columns: ["premium_share"]),
        .init(name: "coupons", columns: ["coupon_share"]),
        .init(name: "time of day", columns: ["hour_sin", "hour_cos"]),
        .init(name: "day of week", columns: ["weekday_sin", "weekday_cos"]),
    ]

    public static var columnNames: [String] { groups.flatMap(\.columns) }

    public static func compute(customers: [String], orders: [FeatureOrder], refunds: [FeatureRefund],
                               events: [FeatureEvent], asOf: CalendarDay) -> SegmentationFeatureTable {
        let rows = CustomerFeatures.compute(customers: customers, orders: orders, refunds: refunds, events: events,
                                            asOf: asOf)
        let buyers = rows.filter { $0.orderCount > 0 }
        // Sorted, so the sums over a customer's habits do not depend on the caller's order.
        let counted = orders.filter { !$0.cancelled && $0.day <= asOf }
            .sorted { ($0.customer, $0.day, $0.orderID) < ($1.customer, $1.day, $1.orderID) }
        let habits = Dictionary(grouping: counted.compactMap { order in order.habit.map { (order.customer, $0) } },
                                by: \.0).mapValues { $0.map(\.1) }
        let medians = medianAOVByCurrency(buyers)
        let profiles = buyers.map { row in
            profile(row, habits: habits[row.customer] ?? [], typical: medians[row.currency ?? ""] ?? 0)
        }
        let smoothing = HabitSmoothing(profiles)
        var values: [Double] = []
        values.reserveCapacity(profiles.count * columnNames.count)
        for p in profiles {
            values += [log1p(Double(p.orderCount)), log1p(p.basketVsTypical), log1p(Double(p.daysSinceLast)),
                       log1p(Double(p.events30))]
            values += smoothing.columns(p)
        }
        return SegmentationFeatureTable(
            profiles: profiles, withoutPurchase: rows.count - buyers.count,
            matrix: FeatureMatrix(ids: profiles.map(\.customer), featureNames: columnNames, values: values))
    }

    /// The median average order value of each currency's buyers (the mean of the two middle ones for an even count).
    static func medianAOVByCurrency(_ buyers: [CustomerFeatureRow]) -> [String: Double] {
        Dictionary(grouping: buyers, by: { $0.currency ?? "" }).mapValues { group in
            let sorted = group.map(\.averageOrderValueMinor).sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    private static func profile(_ row: CustomerFeatureRow, habits: [OrderHabit], typical: Double)
        -> SegmentationProfile
    {
        let count = Double(max(1, habits.count))
        let units = habits.reduce(0) { $0 + $1.units }
        var hourSin = 0.0, hourCos = 0.0, weekdaySin = 0.0, weekdayCos = 0.0
        for habit in habits {
            let hour = CyclicEncoding.hour(habit.localHour)
            let weekday = CyclicEncoding.weekday(habit.weekday)
            hourSin += hour.sin
            hourCos += hour.cos
            weekdaySin += weekday.sin
            weekdayCos += weekday.cos
        }
        return SegmentationProfile(
            customer: row.customer, orderCount: row.orderCount, daysSinceLast: row.daysSinceLast ?? 0,
            currency: row.currency ?? "", netValueMinor: row.netValueMinor,
            averageOrderValueMinor: row.averageOrderValueMinor,
            basketVsTypical: typical > 0 ? Double(row.averageOrderValueMinor) / typical : 0,
            events30: row.last30Days.events,
            premiumShare: units > 0 ? Double(habits.reduce(0) { $0 + $1.premiumUnits }) / Double(units) : 0,
            couponShare: Double(habits.filter(\.usedCoupon).count) / count,
            eveningShare: Double(habits.filter { $0.localHour >= 17 }.count) / count,
            weekendShare: Double(habits.filter { $0.weekday >= 6 }.count) / count,
            hourSin: hourSin / count, hourCos: hourCos / count,
            weekdaySin: weekdaySin / count, weekdayCos: weekdayCos / count, habitOrders: habits.count, units: units)
    }
}

/// The habit columns, each pulled towards the population by `priorWeight` observations: (customer's sum +
/// priorWeight × population mean) / (customer's count + priorWeight) — additive smoothing. A share measured on
/// one order is a coin flip (one premium item makes a "premium shopper", one evening order an "evening shopper");
/// it takes repetition to make a habit. The traits quote the raw shares; only the clustering columns are smoothed.
struct HabitSmoothing {
    static let priorWeight = 2.0
    /// Pooled population means: premium share of units; coupon share and circle points per order.
    private let premium: Double
    private let perOrder: [Double]

    init(_ profiles: [SegmentationProfile]) {
        let units = profiles.reduce(0.0) { $0 + Double($1.units) }
        let orders = profiles.reduce(0.0) { $0 + Double($1.habitOrders) }
        premium = units > 0 ? profiles.reduce(0.0) { $0 + $1.premiumShare * Double($1.units) } / units : 0
        perOrder = (0..<5).map { index in
            orders > 0 ? profiles.reduce(0.0) { $0 + Self.perOrder($1)[index] * Double($1.habitOrders) } / orders : 0
        }
    }

    /// premium share, coupon share, hour sin, hour cos, weekday sin, weekday cos.
    func columns(_ profile: SegmentationProfile) -> [Double] {
        let m = Self.priorWeight
        let units = Double(profile.units)
        let orders = Double(profile.habitOrders)
        let premiumColumn = (profile.premiumShare * units + m * premium) / (units + m)
        return [premiumColumn] + zip(Self.perOrder(profile), perOrder).map { (value, population) in
            (value * orders + m * population) / (orders + m)
        }
    }

    private static func perOrder(_ p: SegmentationProfile) -> [Double] {
        [p.couponShare, p.hourSin, p.hourCos, p.weekdaySin, p.weekdayCos]
    }
}
