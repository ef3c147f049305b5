/// The metrics of one segment, in their fixed order (see `SegmentSnapshots` for the money rule and empty segments).
///
/// Rounding (half away from zero): money to whole minor units, reported in major units (minor units / 100); shares
/// and probabilities 4 decimals, days 1, plain numbers 2. Money and P(alive) are summed as integers (minor units,
/// ten-thousandths), so a metric is exact and cannot depend on the order of the rows.
struct SegmentMetrics {
    let rows: [CustomerSegmentRow]
    let allCustomers: Int
    let currency: String

    var metrics: [SegmentMetric] {
        var list: [SegmentMetric] = []
        func add(_ key: String, _ label: String, _ value: Double?, _ unit: MetricUnit) {
            guard let value else { return }
            list.append(SegmentMetric(key: key, label: label, value: Self.rounded(value, unit), unit: unit))
        }
        let money = rows.filter { $0.features.orderCount == 0 || $0.features.currency == currency }
        let buyers = rows.filter { $0.features.orderCount > 0 }
        let only = "(\(currency.isEmpty ? "one currency" : currency) customers only)"
        add("customers", "customers", Double(rows.count), .count)
        add("shareOfCustomers", "share of all customers", ratio(rows.count, allCustomers), .share)
        add("customersInOtherCurrencies",
            "customers paying in a currency other than \(currency) (not in money metrics)",
            Double(rows.count - money.count), .count)
        let netTotal = money.reduce(0) { $0 + $1.features.netValueMinor }
        let moneyOrders = money.reduce(0) { $0 + $1.features.orderCount }
        add("netValueTotal", "net value, total \(only)", Self.major(Double(netTotal)), .money)
        add("netValueMean", "net value per customer \(only)", ratio(netTotal, money.count).map(Self.major), .money)
        add("averageOrderValue", "average order value \(only)", ratio(netTotal, moneyOrders).map(Self.major), .money)
        add("meanOrderCount", "orders per customer", ratio(rows.reduce(0) { $0 + $1.features.orderCount }, rows.count),
            .number)
        add("repeatCustomerShare", "share of customers who bought on more than one day",
            ratio(rows.count { $0.features.repeatCount > 0 }, rows.count), .share)
        add("meanDaysSinceLast", "days since the last purchase, mean over purchasers",
            ratio(buyers.reduce(0) { $0 + ($1.features.daysSinceLast ?? 0) }, buyers.count), .days)
        for (key, band, words) in Self.bands {
            add(key, "share \(words)", ratio(rows.count { $0.rfm.churnBand == band }, rows.count), .share)
        }
        addValueMetrics(add, money: money, only: only)
        add("meanEvents30", "events in the last 30 days per customer",
            ratio(rows.reduce(0) { $0 + $1.features.last30Days.events }, rows.count), .number)
        return list
    }

    /// P(alive) over the modelled customers (any currency: it counts purchases, not money) and CLV over the
    /// purchasers of the main currency that have a CLV figure.
    private func addValueMetrics(_ add: (String, String, Double?, MetricUnit) -> Void, money: [CustomerSegmentRow],
                                 only: String) {
        let alive = rows.compactMap { $0.value?.pAlive }
        let aliveSum = alive.reduce(0) { $0 + Int(($1 * 10_000).rounded(.toNearestOrAwayFromZero)) }
        add("meanPAlive", "probability alive (BG/NBD), mean over the modelled customers",
            ratio(aliveSum, alive.count).map { $0 / 10_000 }, .probability)
        let clv = money.compactMap { $0.value?.clv12mMinor }
        let clvTotal = clv.reduce(0, +)
        add("clvTotal", "12-month customer value, total \(only)", Self.major(Double(clvTotal)), .money)
        add("clvMean", "12-month customer value per purchaser with a value figure \(only)",
            ratio(clvTotal, clv.count).map(Self.major), .money)
    }

    static let bands: [(String, ChurnBand, String)] = [
        ("activeShare", .active, "active (last purchase 0–30 days ago)"),
        ("coolingShare", .cooling, "cooling (31–90 days)"),
        ("atRiskShare", .atRisk, "at risk (91–180 days)"),
        ("churnedShare", .churned, "churned (181 days or more)"),
        ("noPurchaseShare", .never, "who never bought"),
    ]

    /// Minor units rounded half away from zero to whole minor units, then major: rounding the exact minor-unit
    /// quotient (10500.5 → 10501) avoids the binary error of rounding 105.005 at two decimals.
    static func major(_ minor: Double) -> Double {
        minor.rounded(.toNearestOrAwayFromZero) / 100
    }

    private func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }

    static func rounded(_ value: Double, _ unit: MetricUnit) -> Double {
        switch unit {
        case .count: value
        case .money, .number: ValueFormat.rounded(value, 2)
        case .share, .probability: ValueFormat.rounded(value, 4)
        case .days: ValueFormat.rounded(value, 1)
        }
    }
}
