/// Finds the metrics a question names.
///
/// Two tiers: a metric's own names ("CLV", "AOV", "churn", "p alive", "recency") are strong; everyday words that
/// lean towards one ("spend", "worth", "big", "buying more") are weak. The metrics come out strong first, each tier
/// in the order written, so "they spent a lot but what's their p alive?" asks about P(alive). Longer phrases win
/// ("lifetime value" is CLV, not value; "how many days since" is recency, not a count).
enum AnalystMetricNames {
    struct Entry: Sendable {
        var stems: [String]
        var metric: AnalystMetric
        var strong: Bool
    }

    static let entries: [Entry] = {
        let strong: [AnalystMetric: [String]] = [
            .clv: ["clv", "ltv", "lifetime value", "customer lifetime value", "predicted lifetime value",
                   "predicted value", "future value", "expected value", "expected spend"],
            .value: ["net value", "net revenue", "revenue net of refunds", "historic value"],
            .aov: ["aov", "average order value", "order value", "spend per order", "per order", "basket size",
                   "average basket", "average ticket"],
            .churn: ["churn", "churn rate", "churned", "attrition", "drifting away", "drift off", "churn risk"],
            .frequency: ["frequency", "how often", "purchases per customer", "orders per customer", "number of orders",
                         "how many orders", "order count", "purchase frequency", "buy more", "buying more"],
            .recency: ["recency", "days since", "since last", "last bought", "last purchase", "last order",
                       "days from last", "how many days", "last buy"],
            .palive: ["p alive", "palive", "probability of being alive", "alive", "probably gone", "still alive"],
            .size: ["how many", "size", "number of customers", "number of people", "customer count", "headcount",
                    "how big", "share of customers", "what share", "count", "number of", "base size", "total customers",
                    "total number"],
        ]
        let weak: [AnalystMetric: [String]] = [
            .value: ["value", "revenue", "worth", "valuable", "spend", "spent", "spends", "money", "sales"],
            .size: ["big", "bigger", "large", "larger", "biggest segment"],
        ]
        func entries(_ table: [AnalystMetric: [String]], strong: Bool) -> [Entry] {
            table.flatMap { metric, phrases in
                phrases.map { Entry(stems: AnalystWords.phrase($0), metric: metric, strong: strong) }
            }
        }
        // Longest first, strong before weak at the same length, then by name so the order never varies.
        func rank(_ entry: Entry) -> (Int, Int, String) {
            (entry.stems.count, entry.strong ? 1 : 0, entry.metric.rawValue)
        }
        return (entries(strong, strong: true) + entries(weak, strong: false)).sorted { rank($0) > rank($1) }
    }()

    /// Phrases that hold a metric word without asking for the metric ("which group has the most value at risk").
    static let idioms: [[String]] = ["value at risk", "value at stake", "most value"].map(AnalystWords.phrase)

    /// The metrics named outside the `consumed` words (segment names), strong ones first.
    static func find(in question: AnalystWords, excluding consumed: Set<Int>) -> [AnalystMetric] {
        var taken = consumed
        for idiom in idioms {
            for start in question.positions(of: idiom) { taken.formUnion(start..<(start + idiom.count)) }
        }
        var hits: [(start: Int, metric: AnalystMetric, strong: Bool)] = []
        for entry in entries {
            for start in question.positions(of: entry.stems) {
                let span = Set(start..<(start + entry.stems.count))
                guard span.isDisjoint(with: taken) else { continue }
                taken.formUnion(span)
                hits.append((start, entry.metric, entry.strong))
            }
        }
        var metrics: [AnalystMetric] = []
        for hit in hits.sorted(by: { ($0.strong ? 0 : 1, $0.start) < ($1.strong ? 0 : 1, $1.start) })
        where !metrics.contains(hit.metric) {
            metrics.append(hit.metric)
        }
        return metrics
    }
}
