import Foundation

/// A number as written in a text: its value, how many decimals it was written with, and what it claims to be
/// (a percentage, an amount of money in a currency, a multiple such as "2.3x").
struct WrittenNumber: Hashable, Sendable {
    /// The characters as written, for the reason shown ("£1,234", "42%", "2.3x").
    var text: String
    var value: Double
    var decimals: Int
    var isPercentage = false
    /// The ISO code of the currency written with it (`£` → GBP), if any.
    var currency: String?
    var isMultiple = false
}

/// Whether a written number is one of the metrics within display rounding, and the closest metric when it is not.
struct MetricMatcher {
    var snapshots: [SegmentSnapshot]

    /// A number matches a metric of the same kind (percentages only percentage metrics, money only money metrics
    /// in the written currency, plain numbers the other units and money) when it is the shown figure written with
    /// the same or fewer decimals — rounded from the shown figure or from the value (so £1,234 and £1,234.4 both
    /// stand for 1,234.37; 1,235 does not). A number written with more decimals than shown must be the shown figure
    /// with trailing zeros: the writer was only shown that figure, so any other digit is invented.
    func supports(_ number: WrittenNumber) -> Bool {
        if number.isMultiple {
            return ratios.contains { Self.matches(number, shown: $0.ratio, displayDecimals: 1) }
                || ratioMetrics.contains {
                    Self.matches(number, shown: $0.unit.shownNumber($0.value), displayDecimals: $0.unit.displayDecimals)
                }
        }
        return candidates(for: number).contains {
            Self.matches(number, shown: $0.metric.unit.shownNumber($0.metric.value),
                         displayDecimals: $0.metric.unit.displayDecimals)
        }
    }

    /// "12.5% is not a metric of the segment or the chain (closest: share of customers 41%)".
    func reason(for number: WrittenNumber) -> String {
        if number.isMultiple {
            let closest = ratios.min { abs($0.ratio - number.value) < abs($1.ratio - number.value) }
            let hint = closest.map { " (closest: \($0.label) \(MetricDisplay.grouped($0.ratio, decimals: 1))x)" } ?? ""
            return "\(number.text) is not the ratio of a segment metric to the chain's\(hint)"
        }
        let pool = candidates(for: number)
        let closest = pool.min {
            abs($0.metric.unit.shownNumber($0.metric.value) - number.value)
                < abs($1.metric.unit.shownNumber($1.metric.value) - number.value)
        }
        let hint = closest.map {
            " (closest: \($0.metric.label) \(MetricDisplay.format($0.metric, currency: $0.currency)))"
        } ?? ""
        return "\(number.text) is not a metric of the segment or the chain\(hint)"
    }

    private func candidates(for number: WrittenNumber) -> [(metric: SegmentMetric, currency: String)] {
        snapshots.flatMap { snapshot in
            snapshot.metrics.filter { metric in
                if number.isPercentage { return metric.unit.isPercentage }
                if let currency = number.currency {
                    return metric.unit == .money && snapshot.currency.uppercased() == currency
                }
                return !metric.unit.isPercentage
            }.map { ($0, snapshot.currency) }
        }
    }

    /// Metrics that are ratios already ("orders per customer vs the average customer", an ML segment's trait
    /// "orders 1.9× as often"): a multiple may quote one as shown, as well as a ratio of two snapshots.
    private var ratioMetrics: [SegmentMetric] {
        snapshots.flatMap(\.metrics).filter { $0.unit == .number && $0.label.contains(" vs ") }
    }

    /// The segment's metric over the chain's for every key both hold (first snapshot over the others): what
    /// "2.3x the chain average" may be written from.
    private var ratios: [(label: String, ratio: Double)] {
        guard let segment = snapshots.first else { return [] }
        return segment.metrics.flatMap { metric in
            snapshots.dropFirst().compactMap { other -> (label: String, ratio: Double)? in
                guard let base = other.metric(metric.key), base.value != 0 else { return nil }
                return (metric.label, metric.value / base.value)
            }
        }
    }

    static func matches(_ number: WrittenNumber, shown: Double, displayDecimals: Int) -> Bool {
        let written = number.value
        let target = abs(shown)
        let displayed = MetricDisplay.round(target, decimals: displayDecimals)
        if number.decimals > displayDecimals { return same(written, displayed) }
        return same(written, MetricDisplay.round(displayed, decimals: number.decimals))
            || same(written, MetricDisplay.round(target, decimals: number.decimals))
    }

    private static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }
}
