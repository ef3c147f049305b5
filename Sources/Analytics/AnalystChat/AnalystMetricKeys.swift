/// Which snapshot metric answers an analyst's metric, and how a number is written.
///
/// The chat reads the keys `SegmentMetrics` writes: `customers`, `shareOfCustomers`, `netValueTotal`, `clvTotal`,
/// `churnedShare` (churn: last purchase 181 days or more ago), `averageOrderValue`, `meanOrderCount`,
/// `meanDaysSinceLast`, `meanPAlive`, and `interest.<category>` shares for behaviour. A snapshot built with other keys is still read through its labels
/// (`labelWords`), so a renamed key degrades to a label match rather than to "no figure".
public enum AnalystMetricKeys {
    static let keys: [AnalystMetric: String] = [
        .size: "customers", .value: "netValueTotal", .clv: "clvTotal", .churn: "churnedShare",
        .aov: "averageOrderValue", .frequency: "meanOrderCount", .recency: "meanDaysSinceLast", .palive: "meanPAlive",
    ]
    static let shareOfCustomers = "shareOfCustomers"
    static let interestPrefix = "interest."

    static let labelWords: [AnalystMetric: [String]] = [
        .size: ["customers"], .value: ["net value"], .clv: ["clv", "lifetime value"], .churn: ["churn"],
        .aov: ["order value"], .frequency: ["orders per customer", "frequency"], .recency: ["days since"],
        .palive: ["p(alive)", "alive"],
    ]

    /// The snapshot's metric for `metric`: by key, else the first whose label holds one of its words.
    public static func metric(_ metric: AnalystMetric, in snapshot: SegmentSnapshot) -> SegmentMetric? {
        if let key = keys[metric], let found = snapshot.metric(key) { return found }
        let words = labelWords[metric] ?? []
        return snapshot.metrics.first { candidate in
            words.contains { candidate.label.lowercased().contains($0) }
                && (metric != .size || candidate.unit == .count)
        }
    }

    /// How an analyst reads the metric in a sentence ("CLV", "average order value").
    static func phrase(_ metric: AnalystMetric) -> String {
        switch metric {
        case .size: "customers"
        case .value: "net value"
        case .clv: "CLV"
        case .churn: "churn"
        case .aov: "average order value"
        case .frequency: "orders per customer"
        case .recency: "days since the last purchase"
        case .palive: "mean P(alive)"
        }
    }
}
