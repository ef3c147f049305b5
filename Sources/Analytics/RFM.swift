/// Churn band by days since the last purchase. Closed boundaries, 0 included: active 0–30, cooling 31–90,
/// at risk 91–180, churned 181 and more; `never` for a customer without a purchase.
public enum ChurnBand: String, Codable, Sendable, CaseIterable {
    case active, cooling, atRisk = "at-risk", churned, never

    public init(daysSinceLast: Int?) {
        guard let days = daysSinceLast else { self = .never; return }
        switch days {
        case ...30: self = .active
        case 31...90: self = .cooling
        case 91...180: self = .atRisk
        default: self = .churned
        }
    }
}

/// Value tier by the net-value quintile score among purchasers: high = 5, medium = 3–4, low = 1–2, none without a
/// purchase.
public enum ValueTier: String, Codable, Sendable, CaseIterable {
    case high, medium, low, none

    public init(monetaryScore: Int?) {
        switch monetaryScore {
        case .some(5): self = .high
        case .some(3), .some(4): self = .medium
        case .some: self = .low
        case .none: self = .none
        }
    }
}

/// A customer's RFM scores, segment, churn band and value tier.
public struct RFMScore: Codable, Hashable, Sendable {
    public var customer: String
    /// 1–5, 5 best; `nil` for a customer without a purchase (they are not ranked).
    public var recency: Int?
    public var frequency: Int?
    public var monetary: Int?
    public var segment: String
    public var churnBand: ChurnBand
    public var valueTier: ValueTier
}

/// RFM quintile scores by rank, and the segment table.
public enum RFM {
    /// A segment when its recency, frequency and monetary scores all lie in the closed ranges.
    public struct SegmentRule: Sendable {
        public var name: String
        public var recency: ClosedRange<Int>
        public var frequency: ClosedRange<Int>
        public var monetary: ClosedRange<Int>
    }

    /// The ten segments and ranges of the `rfm` R package (rsquaredacademy/rfm, `rfm_segment`, the table of its
    /// example and test `test-rfm-segment.R`); no match is "Others", no purchase is "No purchase". First match wins,
    /// as in the package, but in a different order: in the package's order the ranges of New Customers and Promising
    /// lie inside Potential Loyalist's and Can't Lose Them inside At Risk, so those three could never be assigned.
    /// Here each of them comes before the segment that contains it.
    public static let segments: [SegmentRule] = [
        .init(name: "Champions", recency: 4...5, frequency: 4...5, monetary: 4...5),
        .init(name: "Loyal Customers", recency: 2...5, frequency: 3...5, monetary: 3...5),
        .init(name: "New Customers", recency: 4...5, frequency: 1...1, monetary: 1...1),
        .init(name: "Promising", recency: 3...4, frequency: 1...1, monetary: 1...1),
        .init(name: "Potential Loyalist", recency: 3...5, frequency: 1...3, monetary: 1...3),
        .init(name: "Need Attention", recency: 2...3, frequency: 2...3, monetary: 2...3),
        .init(name: "About To Sleep", recency: 2...3, frequency: 1...2, monetary: 1...2),
        .init(name: "Can't Lose Them", recency: 1...1, frequency: 4...5, monetary: 4...5),
        .init(name: "At Risk", recency: 1...2, frequency: 2...5, monetary: 2...5),
        .init(name: "Lost", recency: 1...2, frequency: 1...2, monetary: 1...2),
    ]
    public static let otherSegment = "Others"
    public static let noPurchaseSegment = "No purchase"

    /// Scores every row; the result is in the rows' order. Only customers with at least one counted order are ranked:
    /// recency and frequency across all of them, monetary within each currency.
    public static func score(_ rows: [CustomerFeatureRow]) -> [RFMScore] {
        let buyers = rows.filter { $0.orderCount > 0 }
        let recency = quintiles(buyers.map { (id: $0.customer, value: -Double($0.daysSinceLast ?? 0)) })
        let frequency = quintiles(buyers.map { (id: $0.customer, value: Double($0.orderCount)) })
        // Money is ranked within each currency (minor units of different currencies are not comparable).
        var monetary: [String: Int] = [:]
        for (_, group) in Dictionary(grouping: buyers, by: { $0.currency ?? "" }) {
            monetary.merge(quintiles(group.map { (id: $0.customer, value: Double($0.netValueMinor)) })) { $1 }
        }
        return rows.map { row in
            let r = recency[row.customer], f = frequency[row.customer], m = monetary[row.customer]
            return RFMScore(customer: row.customer, recency: r, frequency: f, monetary: m,
                            segment: segment(r: r, f: f, m: m),
                            churnBand: ChurnBand(daysSinceLast: row.daysSinceLast), valueTier: ValueTier(monetaryScore: m))
        }
    }

    /// The segment of the first rule whose ranges hold all three scores.
    public static func segment(r: Int?, f: Int?, m: Int?) -> String {
        guard let r, let f, let m else { return noPurchaseSegment }
        return segments.first { $0.recency.contains(r) && $0.frequency.contains(f) && $0.monetary.contains(m) }?.name
            ?? otherSegment
    }

    /// Quintile scores 1–5 (5 = highest value) by rank, never by the maximum.
    ///
    /// Values are sorted ascending; tied values share their mid-rank r̄ (the mean of their 1-based positions), so ties
    /// always get the same score and nothing depends on input order. The score is ⌊5·(r̄ − ½)/n⌋ + 1: the mid-rank's
    /// percentile (r̄ − ½)/n lies in (0, 1), so a lone customer, or everyone tied, scores 3.
    public static func quintiles(_ values: [(id: String, value: Double)]) -> [String: Int] {
        let sorted = values.sorted { $0.value < $1.value }
        let n = Double(sorted.count)
        var scores: [String: Int] = [:]
        var start = 0
        while start < sorted.count {
            var end = start
            while end + 1 < sorted.count && sorted[end + 1].value == sorted[start].value { end += 1 }
            let midRank = Double(start + end + 2) / 2
            let score = min(5, Int(((midRank - 0.5) * 5 / n).rounded(.down)) + 1)
            for index in start...end { scores[sorted[index].id] = score }
            start = end + 1
        }
        return scores
    }
}
