/// How a metric is shown, and so how closely a number written about it must match (`display rounding`).
public enum MetricUnit: String, Codable, Sendable, CaseIterable {
    /// Whole customers, orders or events.
    case count
    /// A share of something in 0…1, shown as a percentage with no decimals ("42%").
    case share
    /// Money in major units of `SegmentSnapshot.currency`, shown with two decimals ("£12.40").
    case money
    /// Days, shown with no decimals.
    case days
    /// A probability in 0…1, shown as a percentage with no decimals.
    case probability
    /// A plain number shown with one decimal (orders per customer, expected purchases).
    case number
}

/// One number about a segment. The key is stable (`customers`, `netValueTotal`, `meanDaysSinceLast`…), the label is
/// the words an analyst reads; both are what the groundedness check accepts as "a metric that exists".
public struct SegmentMetric: Codable, Hashable, Sendable {
    public var key: String
    public var label: String
    public var value: Double
    public var unit: MetricUnit

    public init(key: String, label: String, value: Double, unit: MetricUnit) {
        self.key = key
        self.label = label
        self.value = value
        self.unit = unit
    }
}

/// Where a segment comes from: the configured rules, the RFM table, or a clustering run.
public enum SegmentSource: String, Codable, Sendable, CaseIterable {
    case rule, rfm, ml
}

/// Everything known about one segment on an as-of date: the metric snapshot an insight is written from, the page
/// shows and the analyst chat answers with. Only aggregates: no customer id, name or contact detail.
public struct SegmentSnapshot: Codable, Hashable, Sendable, Identifiable {
    /// A stable slug: `high-value-active`, `rfm-champions`, `ml-<run>-<label>`.
    public var id: String
    /// The name an analyst uses ("High-value active", "Champions").
    public var name: String
    public var source: SegmentSource
    /// The as-of date the metrics are computed for (YYYY-MM-DD).
    public var asOf: String
    /// The currency of `money` metrics (the chain's main currency; customers in another currency are counted but
    /// their money is left out of money metrics, and `money` metrics say so in their label).
    public var currency: String
    /// The metrics in a fixed order (the order they are listed in, never a dictionary's).
    public var metrics: [SegmentMetric]

    public init(id: String, name: String, source: SegmentSource, asOf: String, currency: String,
                metrics: [SegmentMetric]) {
        self.id = id
        self.name = name
        self.source = source
        self.asOf = asOf
        self.currency = currency
        self.metrics = metrics
    }

    public func metric(_ key: String) -> SegmentMetric? { metrics.first { $0.key == key } }
}
