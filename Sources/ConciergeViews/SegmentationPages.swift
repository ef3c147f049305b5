import Analytics
import ConciergeCore
import Foundation

/// `admin-segmentation.mustache`: the stored segmentation runs, newest first, and the form that starts one.
public struct SegmentationRunsPage: Page {
    public static let template = "admin-segmentation"
    public let title = "Segmentation runs · Analyst"
    public let navigation: Navigation?
    let csrf: String
    let action = SegmentationLinks.runs
    let runs: [RunRow]

    struct RunRow: Sendable {
        let href: String
        let id: String
        let createdAt: String
        let asOf: String
        let chosenK: Int
        let accepted: Int
        let rejected: Int
    }

    /// - Parameter runs: newest first.
    public init(analyst: User, csrf: String, runs: [SegmentationRunReport]) {
        navigation = Navigation(analyst: analyst, csrf: csrf)
        self.csrf = csrf
        self.runs = runs.map {
            RunRow(href: SegmentationLinks.run($0.id), id: $0.id, createdAt: $0.createdAt, asOf: $0.asOf,
                   chosenK: $0.result.chosenK, accepted: $0.result.accepted.count,
                   rejected: $0.result.rejected.count)
        }
    }
}

/// `admin-segmentation-run.mustache`: one run — the silhouette by k (chart and table), the accepted segments as
/// cards (size, value, traits, tier, play with its cited note, groundedness badge) and the rejected ones with reasons.
public struct SegmentationRunPage: Page {
    public static let template = "admin-segmentation-run"
    public let title: String
    public let navigation: Navigation?
    let id: String
    let asOf: String
    let summary: String
    let exportHref: String
    let charts: [SVGChart]
    let accepted: [Card]
    let rejected: [Card]

    struct Card: Sendable {
        let id: String
        let name: String
        let href: String?
        let customers: String
        let share: String
        let netValue: String
        let tier: String
        let tierClass: String
        let stability: String
        let traits: [String]
        let rejections: [String]
        let play: PlayView?
    }

    struct PlayView: Sendable {
        let explanation: String
        let noteID: String?
        let noteTitle: String?
        let badge: String
        let badgeClass: String
        let unsupported: [String]
    }

    public init(analyst: User, csrf: String, run: SegmentationRunReport) {
        let result = run.result
        title = "Segmentation run " + run.id + " · Analyst"
        navigation = Navigation(analyst: analyst, csrf: csrf)
        id = run.id
        asOf = run.asOf
        summary = "\(AnalystFormat.count(result.customersClustered)) customers clustered "
            + "(\(AnalystFormat.count(result.customersWithoutPurchase)) without a purchase are not); k from "
            + "\(result.configuration.kMin) to \(result.configuration.kMax), seed \(result.configuration.seed); "
            + "chosen k = \(result.chosenK) by the largest silhouette."
        exportHref = AnalystLinks.overview + "/api/segmentation/runs/" + run.id + "/export"
        charts = [Self.silhouetteChart(result)]
        accepted = result.accepted.map { Self.card($0, play: run.plays[$0.id], currency: result.mainCurrency) }
        rejected = result.rejected.map { Self.card($0, play: nil, currency: result.mainCurrency) }
    }

    static func silhouetteChart(_ result: SegmentationResult) -> SVGChart {
        let items = result.perK.map { score in
            (label: "k = \(score.k)" + (score.k == result.chosenK ? " (chosen)" : ""), value: score.silhouette,
             shown: AnalystFormat.decimal(score.silhouette, digits: 3),
             cssClass: score.k == result.chosenK ? "bar-chosen" : "bar-ml")
        }
        return ChartLayout.horizontal(
            id: "chart-silhouette", title: "Silhouette by k",
            summary: "Horizontal bars, one per k, longer for a higher mean silhouette; the chosen k has the longest.",
            caption: "Mean silhouette per number of clusters", columns: ["k", "Silhouette"], items: items)
    }

    static func card(_ segment: MLSegment, play: SegmentPlay?, currency: String) -> Card {
        let stability = segment.stability
        let value = segment.snapshot.metric("netValueTotal").map {
            AnalystFormat.metric($0, currency: segment.snapshot.currency)
        } ?? "—"
        return Card(
            id: segment.id, name: segment.name, href: segment.accepted ? AnalystLinks.segment(segment.id) : nil,
            customers: AnalystFormat.count(segment.customers), share: AnalystFormat.percent(segment.share),
            netValue: value, tier: stability.tier.rawValue.capitalized,
            tierClass: "tier tier-" + stability.tier.rawValue,
            stability: "score \(AnalystFormat.decimal(stability.score, digits: 2)) (weakest: \(stability.weakest)); "
                + "bootstrap \(AnalystFormat.decimal(stability.bootstrap, digits: 2)), without a feature group "
                + "\(AnalystFormat.decimal(stability.featureDropWorst, digits: 2))"
                + (stability.windowWorst.map { ", earlier windows \(AnalystFormat.decimal($0, digits: 2))" } ?? ""),
            traits: segment.traits.map(\.text), rejections: segment.rejections,
            play: play.map { play in
                let badge = AnalystFormat.groundedness(play.groundedness.score)
                return PlayView(explanation: play.explanation, noteID: play.noteID, noteTitle: play.noteTitle,
                                badge: badge.text, badgeClass: badge.cssClass,
                                unsupported: play.groundedness.unsupported.map {
                                    $0.text + " — " + $0.problems.joined(separator: "; ")
                                })
            })
    }
}

/// Paths of the segmentation pages.
public enum SegmentationLinks {
    public static let runs = AnalystLinks.overview + "/segmentation"
    public static func run(_ id: String) -> String {
        // Run ids are slugs (`seg-YYYYMMDD-HHMMSS`): nothing to encode.
        runs + "/" + id
    }
}
