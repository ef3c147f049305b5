import Foundation

/// The rule segments, in the order they are tried.
public enum RuleSegment: String, Codable, Sendable, CaseIterable {
    case highValueActive = "high-value-active"
    case atRiskChurn = "at-risk-churn"
    case lowEngagementNew = "low-engagement-new"
    case other
}

/// Thresholds of the rule segments. Every key is optional in JSON: a missing one keeps its default.
public struct SegmentRules: Codable, Hashable, Sendable {
    /// High-value active: monetary score at least this …
    public var highValueMinMonetaryScore = 4
    /// … and a purchase within this many days (days since last ≤ it).
    public var activeWithinDays = 30
    /// At-risk churn: days since last purchase at least this …
    public var atRiskMinDaysSinceLast = 91
    /// … with at least this many orders (a one-off buyer who left is not a lost regular).
    public var atRiskMinOrders = 2
    /// Low-engagement new: first purchase at most this many days ago, or no purchase at all …
    public var newWithinDays = 60
    /// … at most this many orders …
    public var lowEngagementMaxOrders = 1
    /// … and, when set, at most this many events in the last 30 days. Off by default: on the demo seed every new
    /// shopper browses 17–52 events a month (a purchase session alone is 4–10), so a click limit only decided
    /// whether the segment was empty.
    public var lowEngagementMaxEvents30: Int?

    public init() {}

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SegmentRules()
        func value(_ key: CodingKeys, _ fallback: Int) throws -> Int {
            try values.decodeIfPresent(Int.self, forKey: key) ?? fallback
        }
        highValueMinMonetaryScore = try value(.highValueMinMonetaryScore, defaults.highValueMinMonetaryScore)
        activeWithinDays = try value(.activeWithinDays, defaults.activeWithinDays)
        atRiskMinDaysSinceLast = try value(.atRiskMinDaysSinceLast, defaults.atRiskMinDaysSinceLast)
        atRiskMinOrders = try value(.atRiskMinOrders, defaults.atRiskMinOrders)
        newWithinDays = try value(.newWithinDays, defaults.newWithinDays)
        lowEngagementMaxOrders = try value(.lowEngagementMaxOrders, defaults.lowEngagementMaxOrders)
        lowEngagementMaxEvents30 = try values.decodeIfPresent(Int.self, forKey: .lowEngagementMaxEvents30)
            ?? defaults.lowEngagementMaxEvents30
    }

    /// The first rule that matches, so every customer is in exactly one segment.
    public func segment(_ row: CustomerFeatureRow, _ score: RFMScore) -> RuleSegment {
        if let m = score.monetary, m >= highValueMinMonetaryScore, let days = row.daysSinceLast,
           days <= activeWithinDays {
            return .highValueActive
        }
        if let days = row.daysSinceLast, days >= atRiskMinDaysSinceLast, row.orderCount >= atRiskMinOrders {
            return .atRiskChurn
        }
        let isNew = row.tenureDays.map { $0 <= newWithinDays } ?? true
        if isNew, row.orderCount <= lowEngagementMaxOrders,
           row.last30Days.events <= lowEngagementMaxEvents30 ?? Int.max {
            return .lowEngagementNew
        }
        return .other
    }
}

/// Features, RFM and rule segment of one customer: what `concierge analytics features --json` prints per customer.
public struct CustomerSegmentRow: Codable, Hashable, Sendable {
    public var features: CustomerFeatureRow
    public var rfm: RFMScore
    public var segment: RuleSegment
    /// Forward-looking value (`ValueEstimation`); absent for a customer without a purchase.
    public var value: CustomerValueFigures?
}

/// The whole run on one as-of date.
public struct CustomerSegmentation: Codable, Hashable, Sendable {
    public var asOf: String
    public var rules: SegmentRules
    /// Customers per rule segment, every segment listed (zeros too), in `RuleSegment` order; they sum to the total.
    public var counts: [String: Int]
    /// How the value figures were made: the fits, or the fallback and why.
    public var valueModel: ValueModelSummary
    public var rows: [CustomerSegmentRow]

    /// Computes features, RFM, rule segments and value figures (see `ValueEstimation` for the models, the currency
    /// rule and the fallback).
    public static func run(customers: [String], orders: [FeatureOrder], refunds: [FeatureRefund],
                           events: [FeatureEvent], asOf: CalendarDay,
                           rules: SegmentRules = SegmentRules()) -> CustomerSegmentation {
        let features = CustomerFeatures.compute(customers: customers, orders: orders, refunds: refunds,
                                                events: events, asOf: asOf)
        let scores = RFM.score(features)
        let value = ValueEstimation.estimate(rows: features, orders: orders, refunds: refunds, asOf: asOf)
        let rows = zip(features, scores).map {
            CustomerSegmentRow(features: $0, rfm: $1, segment: rules.segment($0, $1), value: value.figures[$0.customer])
        }
        var counts = Dictionary(uniqueKeysWithValues: RuleSegment.allCases.map { ($0.rawValue, 0) })
        for row in rows { counts[row.segment.rawValue, default: 0] += 1 }
        return CustomerSegmentation(asOf: asOf.description, rules: rules, counts: counts, valueModel: value.summary,
                                    rows: rows)
    }

    /// Canonical JSON: sorted keys, so the same inputs and as-of date give the same bytes.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// One line per rule segment, then the RFM segments, for the terminal.
    public func text() -> String {
        var lines = ["as of \(asOf): \(rows.count) customers"]
        for segment in RuleSegment.allCases {
            lines.append("  " + segment.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
                         + String(counts[segment.rawValue] ?? 0))
        }
        lines.append("RFM segments:")
        let rfm = Dictionary(grouping: rows, by: \.rfm.segment).mapValues(\.count)
        for name in RFM.segments.map(\.name) + [RFM.otherSegment, RFM.noPurchaseSegment] {
            lines.append("  " + name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(rfm[name] ?? 0))
        }
        lines.append("churn bands:")
        let bands = Dictionary(grouping: rows, by: \.rfm.churnBand).mapValues(\.count)
        for band in ChurnBand.allCases {
            lines.append("  " + band.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
                         + String(bands[band] ?? 0))
        }
        lines.append(contentsOf: valueModel.textLines())
        return lines.joined(separator: "\n")
    }
}
