import Analytics

/// Hand-made snapshots for the service tests (the figures of the Analytics tests' `InsightFixtures`).
enum Examples {
    static let asOf = "2026-11-30"

    static let chain = SegmentSnapshot(
        id: "all-customers", name: "All customers", source: .rule, asOf: asOf, currency: "GBP",
        metrics: [
            SegmentMetric(key: "customers", label: "Customers", value: 1_234, unit: .count),
            SegmentMetric(key: "shareOfCustomers", label: "Share of customers", value: 1, unit: .share),
            SegmentMetric(key: "netValueTotal", label: "Net value", value: 98_765.43, unit: .money),
            SegmentMetric(key: "averageOrderValue", label: "Average order value", value: 23.456, unit: .money),
            SegmentMetric(key: "meanDaysSinceLast", label: "Mean days since last purchase", value: 41.6, unit: .days),
            SegmentMetric(key: "ordersPerCustomer", label: "Orders per customer", value: 3.24, unit: .number),
            SegmentMetric(key: "pAlive", label: "Mean chance of being active", value: 0.6149, unit: .probability),
            SegmentMetric(key: "repeatShare", label: "Share who bought again", value: 0.4172, unit: .share),
            SegmentMetric(key: "orders90", label: "Orders in the last 90 days", value: 2_480, unit: .count),
        ])

    static let champions = SegmentSnapshot(
        id: "rfm-champions", name: "Champions", source: .rfm, asOf: asOf, currency: "GBP",
        metrics: [
            SegmentMetric(key: "customers", label: "Customers", value: 212, unit: .count),
            SegmentMetric(key: "shareOfCustomers", label: "Share of customers", value: 0.1718, unit: .share),
            SegmentMetric(key: "netValueTotal", label: "Net value", value: 41_234.37, unit: .money),
            SegmentMetric(key: "averageOrderValue", label: "Average order value", value: 31.5, unit: .money),
            SegmentMetric(key: "meanDaysSinceLast", label: "Mean days since last purchase", value: 8.4, unit: .days),
            SegmentMetric(key: "ordersPerCustomer", label: "Orders per customer", value: 9.65, unit: .number),
            SegmentMetric(key: "pAlive", label: "Mean chance of being active", value: 0.925, unit: .probability),
            SegmentMetric(key: "repeatShare", label: "Share who bought again", value: 0.9434, unit: .share),
            SegmentMetric(key: "orders90", label: "Orders in the last 90 days", value: 1_130, unit: .count),
        ])

    static let atRisk = SegmentSnapshot(
        id: "rfm-at-risk", name: "At Risk", source: .rfm, asOf: asOf, currency: "GBP",
        metrics: [
            SegmentMetric(key: "customers", label: "Customers", value: 187, unit: .count),
            SegmentMetric(key: "meanDaysSinceLast", label: "Mean days since last purchase", value: 131.2, unit: .days),
            SegmentMetric(key: "netValueTotal", label: "Net value", value: 15_020.5, unit: .money),
            SegmentMetric(key: "ordersPerCustomer", label: "Orders per customer", value: 3.9, unit: .number),
            SegmentMetric(key: "pAlive", label: "Mean chance of being active", value: 0.31, unit: .probability),
        ])

    static let highValueActive = SegmentSnapshot(
        id: "high-value-active", name: "High-value active", source: .rule, asOf: asOf, currency: "GBP",
        metrics: [SegmentMetric(key: "customers", label: "Customers", value: 240, unit: .count)])

    static let known = [champions, atRisk, highValueActive]
}
