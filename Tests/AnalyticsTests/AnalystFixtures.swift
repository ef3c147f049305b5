import Analytics
import Foundation

/// Hand-built snapshots for the analyst chat's tests: the four rule segments, the twelve RFM names and the chain-wide
/// snapshot, with round, distinct figures so a golden answer can assert the exact numbers it must contain.
enum AnalystFixtures {
    static let asOf = "2026-11-30"

    /// customers, net value, CLV, churn share, AOV, orders per customer, days since last, P(alive).
    typealias Row = (id: String, name: String, source: SegmentSource, figures: [Double])

    static let rows: [Row] = [
        ("all-customers", "All customers", .rule, [2000, 180000, 95000, 0.31, 21.40, 4.2, 74, 0.62]),
        ("high-value-active", "High-value active", .rule, [240, 62000.5, 38000, 0.02, 32.10, 9.6, 11, 0.91]),
        ("at-risk-churn", "At-risk churn", .rule, [310, 41000, 9000, 0.97, 24.80, 5.1, 142, 0.33]),
        ("low-engagement-new", "Low-engagement new", .rule, [380, 5200, 7600, 0.05, 13.70, 1.0, 24, 1.0]),
        ("other", "Other", .rule, [1070, 71799.5, 40400, 0.22, 19.90, 3.4, 66, 0.64]),
        ("rfm-champions", "Champions", .rfm, [210, 58000, 36000, 0.0, 31.50, 10.2, 8, 0.93]),
        ("rfm-loyal-customers", "Loyal Customers", .rfm, [260, 39000, 21000, 0.06, 26.20, 6.1, 29, 0.84]),
        ("rfm-new-customers", "New Customers", .rfm, [150, 2100, 3900, 0.0, 14.00, 1.0, 9, 1.0]),
        ("rfm-promising", "Promising", .rfm, [120, 1900, 2600, 0.0, 15.80, 1.0, 52, 1.0]),
        ("rfm-potential-loyalist", "Potential Loyalist", .rfm, [230, 9800, 8200, 0.04, 17.30, 2.2, 31, 0.82]),
        ("rfm-need-attention", "Need Attention", .rfm, [170, 12400, 5100, 0.35, 22.60, 3.1, 84, 0.58]),
        ("rfm-about-to-sleep", "About To Sleep", .rfm, [190, 6100, 2300, 0.41, 16.10, 1.9, 88, 0.55]),
        ("rfm-cant-lose-them", "Can't Lose Them", .rfm, [90, 21000, 3800, 0.96, 35.20, 7.4, 150, 0.29]),
        ("rfm-at-risk", "At Risk", .rfm, [240, 24500, 5200, 0.88, 21.30, 4.4, 131, 0.38]),
        ("rfm-lost", "Lost", .rfm, [250, 4200, 600, 0.99, 14.60, 1.3, 210, 0.21]),
        ("rfm-others", "Others", .rfm, [60, 1000, 300, 0.30, 16.70, 1.8, 70, 0.60]),
        ("rfm-no-purchase", "No purchase", .rfm, [30, 0, 0, 0, 0, 0, 0, 0]),
    ]

    static let snapshots: [SegmentSnapshot] = rows.map(snapshot)

    static func snapshot(_ row: Row) -> SegmentSnapshot {
        let f = row.figures
        var metrics = [
            SegmentMetric(key: "customers", label: "customers", value: f[0], unit: .count),
            SegmentMetric(key: "shareOfCustomers", label: "share of all customers", value: f[0] / 2000, unit: .share),
            SegmentMetric(key: "netValueTotal", label: "net value", value: f[1], unit: .money),
            SegmentMetric(key: "clvTotal", label: "CLV", value: f[2], unit: .money),
            SegmentMetric(key: "churnedShare", label: "share churned (181 days or more)", value: f[3], unit: .share),
            SegmentMetric(key: "averageOrderValue", label: "average order value", value: f[4], unit: .money),
            SegmentMetric(key: "meanOrderCount", label: "orders per customer", value: f[5], unit: .number),
            SegmentMetric(key: "meanDaysSinceLast", label: "days since last purchase", value: f[6], unit: .days),
            SegmentMetric(key: "meanPAlive", label: "mean P(alive)", value: f[7], unit: .probability),
        ]
        // Interests only for the chain and Champions: the other segments show the "no interest figures" answer.
        let interests: [String: [Double]] = ["all-customers": [0.46, 0.31, 0.08], "rfm-champions": [0.52, 0.27, 0.14]]
        if let shares = interests[row.id] {
            metrics += zip(["coffee", "bakery", "merch"], shares).map { category, share in
                SegmentMetric(key: "interest.\(category)", label: "interest in \(category)", value: share, unit: .share)
            }
        }
        return SegmentSnapshot(id: row.id, name: row.name, source: row.source, asOf: asOf, currency: "GBP",
                               metrics: metrics)
    }
}
