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
