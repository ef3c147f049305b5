import Foundation

/// The distribution of 12-month CLV over the customers of one currency, for the overview's chart.
///
/// Eight buckets of one "nice" width (1, 2 or 5 × a power of ten) chosen so that seven of them cover the 95th
/// percentile; the eighth is open-ended and holds the tail, so one whale does not squash every other bar. Customers
/// without a CLV figure (never bought, mixed currencies) and those of other currencies are not counted: minor units
/// of different currencies cannot share an axis.
public enum CLVHistogram {
    public static let buckets = 8

    public static func make(rows: [CustomerSegmentRow], currency: String) -> ValueHistogram {
        let values = rows.filter { $0.features.currency == currency }
            .compactMap { $0.value?.clv12mMinor }.map { max(0, $0) }.sorted()
        let label = "12-month CLV per customer (\(currency) customers with a value figure)"
        guard let top = values.last else { return ValueHistogram(label: label, currency: currency, buckets: []) }
        let p95 = values[min(values.count - 1, Int((Double(values.count) * 0.95).rounded(.up)) - 1)]
        let width = niceWidth(Double(max(p95, top > 0 ? 1 : 0)) / Double(buckets - 1))
        var counts = Array(repeating: 0, count: buckets)
        for value in values { counts[min(buckets - 1, value / width)] += 1 }
        let result = counts.enumerated().map { index, count in
            HistogramBucket(lowerBound: Double(index * width) / 100,
                            upperBound: index == buckets - 1 ? nil : Double((index + 1) * width) / 100,
                            customers: count)
        }
        return ValueHistogram(label: label, currency: currency, buckets: result)
    }

    /// The smallest 1, 2 or 5 × 10^k minor units at least `raw` (at least 1).
    static func niceWidth(_ raw: Double) -> Int {
        var power = 1
        while true {
            for step in [1, 2, 5] where Double(step * power) >= raw { return step * power }
            power *= 10
        }
    }
}
