import Analytics
import ConciergeCore
import Foundation

/// `admin-segment.mustache`: one segment's metrics, its newest insight (who, why, what to do; cited notes; the
/// groundedness badge and every unsupported sentence with its problems), the refresh form and every version.
public struct AnalystSegmentPage: Page {
    public static let template = "admin-segment"
    public let title: String
    public let navigation: Navigation?
    let csrf: String
    let name: String
    let source: String
    let asOf: String
    let refreshAction: String
    let metrics: [AnalystOverviewPage.MetricRow]
    let insight: InsightView?
    let versions: [VersionRow]

    struct InsightView: Sendable {
        let version: Int
        let producer: String
        let createdAt: String
        let who: String
        let why: String
        let whatToDo: String
        let cited: [String]
        let badge: String
        let badgeClass: String
        let supportedCount: String
        let unsupported: [UnsupportedSentence]
    }

    struct UnsupportedSentence: Sendable {
        let text: String
        let problems: [String]
    }

    struct VersionRow: Sendable {
        let version: Int
        let createdAt: String
        let producer: String
        let promptVersion: String
        let groundedness: String
        let isLatest: Bool
    }

    /// - Parameters:
    ///   - versions: every insight version, newest first.
    public init(analyst: User, csrf: String, detail: AnalystSegmentDetail, versions: [SegmentInsight]) {
        let segment = detail.segment
        title = segment.name + " · Analyst"
        navigation = Navigation(analyst: analyst, csrf: csrf)
        self.csrf = csrf
        name = segment.name
        source = AnalystFormat.source(segment.source)
        asOf = segment.asOf
        refreshAction = AnalystLinks.refresh(segment.id)
        metrics = segment.metrics.map {
            AnalystOverviewPage.MetricRow(label: $0.label, value: AnalystFormat.metric($0, currency: segment.currency))
        }
        insight = detail.latestInsight.map(Self.view)
        let latest = detail.latestInsight?.version
        self.versions = versions.map { insight in
            VersionRow(version: insight.version, createdAt: insight.createdAt, producer: insight.producer,
                       promptVersion: insight.promptVersion,
                       groundedness: AnalystFormat.percent(insight.groundedness.score),
                       isLatest: insight.version == latest)
        }
    }

    static func view(_ insight: SegmentInsight) -> InsightView {
        let report = insight.groundedness
        let badge = AnalystFormat.groundedness(report.score)
        let supported = report.sentences.count { $0.supported }
        return InsightView(
            version: insight.version, producer: insight.producer, createdAt: insight.createdAt, who: insight.who,
            why: insight.why, whatToDo: insight.whatToDo, cited: insight.citedNoteIDs, badge: badge.text,
            badgeClass: badge.cssClass,
            supportedCount: "\(supported) of \(report.sentences.count) sentences supported",
            unsupported: report.unsupported.map { UnsupportedSentence(text: $0.text, problems: $0.problems) })
    }
}

/// `admin-customer.mustache`: one customer's card under their pseudonymous id: features, RFM scores, churn band,
/// value tier, rule segment and the value model's figures.
public struct AnalystCustomerPage: Page {
    public static let template = "admin-customer"
    public let title = "Customer card · Analyst"
    public let navigation: Navigation?
    let customerID: String
    let summary: [AnalystOverviewPage.MetricRow]
    let features: [AnalystOverviewPage.MetricRow]
    let value: [AnalystOverviewPage.MetricRow]
    let interests: String

    public init(analyst: User, csrf: String, card: AnalystCustomerCard) {
        navigation = Navigation(analyst: analyst, csrf: csrf)
        let row = card.customer
        let f = row.features
        let rfm = row.rfm
        customerID = f.customer
        func score(_ value: Int?) -> String { value.map(String.init) ?? "not ranked" }
        typealias Row = AnalystOverviewPage.MetricRow
        summary = [
            Row(label: "Rule segment", value: row.segment.rawValue), Row(label: "RFM segment", value: rfm.segment),
            Row(label: "Churn band", value: AnalystFormat.band(rfm.churnBand)),
            Row(label: "Value tier", value: rfm.valueTier.rawValue),
            Row(label: "Recency score (1–5)", value: score(rfm.recency)),
            Row(label: "Frequency score (1–5)", value: score(rfm.frequency)),
            Row(label: "Monetary score (1–5)", value: score(rfm.monetary)),
        ]
        features = [
            Row(label: "Orders", value: AnalystFormat.count(f.orderCount)),
            Row(label: "Repeat purchase-days (x)", value: AnalystFormat.count(f.repeatCount)),
            Row(label: "First purchase", value: f.firstPurchase ?? "—"),
            Row(label: "Last purchase", value: f.lastPurchase ?? "—"),
            Row(label: "Days since last purchase", value: f.daysSinceLast.map { AnalystFormat.count($0) } ?? "—"),
            Row(label: "Tenure in days", value: f.tenureDays.map { AnalystFormat.count($0) } ?? "—"),
            Row(label: "Sessions, last 30 days", value: AnalystFormat.count(f.last30Days.sessions)),
            Row(label: "Events, last 30 days", value: AnalystFormat.count(f.last30Days.events)),
            Row(label: "Sessions, last 90 days", value: AnalystFormat.count(f.last90Days.sessions)),
        ]
        var value = [
            Row(label: "Gross value", value: AnalystFormat.minor(f.grossValueMinor, currency: f.currency)),
            Row(label: "Refunded", value: AnalystFormat.minor(f.refundedMinor, currency: f.currency)),
            Row(label: "Net value", value: AnalystFormat.minor(f.netValueMinor, currency: f.currency)),
            Row(label: "Average order value", value: AnalystFormat.minor(f.averageOrderValueMinor, currency: f.currency)),
        ]
        if let figures = card.value {
            let weeks = AnalystFormat.decimal(figures.horizonWeeks, digits: 0)
            value += [
                Row(label: "Probability alive", value: AnalystFormat.percent(figures.probabilityAlive)),
                Row(label: "Expected purchases, next \(weeks) weeks",
                    value: AnalystFormat.decimal(figures.expectedPurchases, digits: 1)),
                Row(label: "CLV, next \(weeks) weeks", value: AnalystFormat.money(figures.clv, currency: figures.currency)),
            ]
        }
        self.value = value
        interests = f.interests.isEmpty ? "—" : f.interests.map(\.category).joined(separator: ", ")
    }
}
