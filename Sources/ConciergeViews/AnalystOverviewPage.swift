import Analytics
import ConciergeCore
import Foundation

/// `admin.mustache`: every segment's size, value and churn, by source (rules, RFM, clustering), the whole chain,
/// and three charts (segment sizes and value, churn bands, the CLV distribution). Aggregates only.
public struct AnalystOverviewPage: Page {
    public static let template = "admin"
    public let title = "Analyst overview"
    public let navigation: Navigation?
    let asOf: String
    let valueModel: String
    let chain: [MetricRow]
    let sections: [Section]
    let charts: [SVGChart]
    /// Links the usage page (admins only: analysts would get a 403).
    let showsUsage: Bool

    struct Section: Sendable {
        let id: String
        let heading: String
        let caption: String
        let rows: [SegmentRow]
    }

    struct SegmentRow: Sendable {
        let href: String
        let name: String
        let source: String
        let customers: String
        let netValue: String
        let meanDaysSinceLast: String
        let atRiskShare: String
    }

    struct MetricRow: Sendable {
        let label: String
        let value: String
    }

    public init(analyst: User, csrf: String, overview: AnalystOverview) {
        navigation = Navigation(analyst: analyst, csrf: csrf)
        asOf = overview.asOf
        valueModel = overview.valueModel
        chain = overview.chain.metrics.map {
            MetricRow(label: $0.label, value: AnalystFormat.metric($0, currency: overview.chain.currency))
        }
        sections = SegmentSource.allCases.compactMap { source in
            let segments = overview.segments.filter { $0.source == source }
            guard !segments.isEmpty else { return nil }
            let name = AnalystFormat.source(source)
            return Section(id: "segments-" + source.rawValue, heading: name + " segments",
                           caption: name + " segments on " + overview.asOf + ": size, value and churn",
                           rows: segments.map(Self.row))
        }
        charts = AnalystOverviewCharts.all(overview)
        showsUsage = analyst.role.mayReviewModelCosts
    }

    static func row(_ segment: SegmentSnapshot) -> SegmentRow {
        func shown(_ key: String) -> String {
            segment.metric(key).map { AnalystFormat.metric($0, currency: segment.currency) } ?? "—"
        }
        return SegmentRow(href: AnalystLinks.segment(segment.id), name: segment.name,
                          source: AnalystFormat.source(segment.source), customers: shown("customers"),
                          netValue: shown("netValueTotal"), meanDaysSinceLast: shown("meanDaysSinceLast"),
                          atRiskShare: shown("atRiskShare"))
    }
}

/// The overview's charts, each with its table of the same numbers.
enum AnalystOverviewCharts {
    static func all(_ overview: AnalystOverview) -> [SVGChart] {
        [sizes(overview), value(overview), churn(overview), clv(overview)]
    }

    private static func label(_ segment: SegmentSnapshot) -> String {
        segment.name + " (" + AnalystFormat.source(segment.source) + ")"
    }

    static func sizes(_ overview: AnalystOverview) -> SVGChart {
        let items = overview.segments.map { segment in
            let customers = segment.metric("customers")?.value ?? 0
            return (label: label(segment), value: customers, shown: AnalystFormat.count(customers),
                    cssClass: "bar-" + segment.source.rawValue)
        }
        return ChartLayout.horizontal(
            id: "chart-sizes", title: "Customers per segment",
            summary: "Horizontal bars, one per segment, longer for more customers. Rule, RFM and clustering "
                + "segments overlap: a customer is in one segment of each source.",
            caption: "Customers per segment on " + overview.asOf, columns: ["Segment", "Customers"], items: items)
    }

    static func value(_ overview: AnalystOverview) -> SVGChart {
        let items = overview.segments.map { segment in
            let value = segment.metric("netValueTotal")?.value ?? 0
            return (label: label(segment), value: value, shown: AnalystFormat.money(value, currency: segment.currency),
                    cssClass: "bar-" + segment.source.rawValue)
        }
        return ChartLayout.horizontal(
            id: "chart-value", title: "Net value per segment",
            summary: "Horizontal bars, one per segment, longer for more net value (orders less refunds) to date.",
            caption: "Net value per segment on " + overview.asOf, columns: ["Segment", "Net value"], items: items)
    }

    static func churn(_ overview: AnalystOverview) -> SVGChart {
        let items = overview.churnBands.map { band in
            (label: AnalystFormat.band(band.band), value: Double(band.customers),
             shown: AnalystFormat.count(band.customers), cssClass: "bar-" + band.band.rawValue)
        }
        return ChartLayout.horizontal(
            id: "chart-churn", title: "Customers per churn band",
            summary: "Horizontal bars, one per churn band by days since the last purchase, longer for more customers.",
            caption: "Customers per churn band on " + overview.asOf, columns: ["Churn band", "Customers"],
            items: items)
    }

    static func clv(_ overview: AnalystOverview) -> SVGChart {
        let histogram = overview.clvHistogram
        let buckets = histogram.buckets.map { bucket in
            let lower = AnalystFormat.money(bucket.lowerBound, currency: histogram.currency)
            let range = bucket.upperBound.map { lower + "–" + AnalystFormat.money($0, currency: histogram.currency) }
                ?? lower + " and more"
            return (range: range, customers: bucket.customers)
        }
        return ChartLayout.histogram(
            id: "chart-clv", title: "Distribution of " + histogram.label,
            summary: "A histogram: one column per value range, left to right from the lowest, taller for more "
                + "customers.",
            caption: "Customers per range of " + histogram.label, columns: ["Range", "Customers"], buckets: buckets)
    }
}

extension Navigation {
    /// The header of an analyst page: the analyst link, and Customer Care for admins.
    init(analyst: User, csrf: String) {
        self.init(name: analyst.name, csrf: csrf, showsCareInbox: analyst.role.mayAnswerCustomerCare,
                  showsAnalystDesk: true)
    }
}
