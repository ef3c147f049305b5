import Foundation

/// The plain-text report of a segmentation run (`concierge analytics segmentation` without `--json`).
public enum SegmentationText {
    public static func render(_ result: SegmentationResult) -> String {
        var lines = [
            "Segmentation as of \(result.asOf), run \(result.runID): \(result.customersClustered) customers "
                + "clustered, \(result.customersWithoutPurchase) without a purchase (not clustered)",
            "features: " + result.features.map { "\($0.name) (\($0.columns.joined(separator: ", ")))" }
                .joined(separator: "; "),
            "   k   inertia     silhouette",
        ]
        for score in result.perK {
            lines.append(String(format: "%4d  %10.2f  %8.4f", score.k, score.inertia, score.silhouette)
                + (score.k == result.chosenK ? "  ← chosen" : ""))
        }
        let configuration = result.configuration
        lines.append(String(format: "chosen k = %d (silhouette argmax over k %d…%d, on %d rows); bootstrap ARI %.3f",
                            result.chosenK, configuration.kMin, configuration.kMax, result.silhouetteRows,
                            result.bootstrapARI))
        lines.append("")
        lines.append("Accepted segments (\(result.accepted.count)):")
        for segment in result.accepted { lines += describe(segment) }
        lines.append("Rejected segments (\(result.rejected.count)):")
        for segment in result.rejected {
            lines += describe(segment)
            lines += segment.rejections.map { "    rejected: \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ segment: MLSegment) -> [String] {
        let stability = segment.stability
        let drops = stability.featureDrop.map { "\($0.group) " + String(format: "%.2f", $0.jaccard) }
        let windows = stability.windows.map { window in
            window.jaccard.map { String(format: "%d days %.2f", window.daysBefore, $0) }
                ?? "\(window.daysBefore) days: too few buyers"
        }
        var lines = [
            "  \(segment.id)  \(segment.name): \(segment.customers) customers ("
                + String(format: "%.0f%%", segment.share * 100) + "), tier \(stability.tier.rawValue) (score "
                + String(format: "%.2f", stability.score) + ", weakest: \(stability.weakest))",
            "    stability: bootstrap " + String(format: "%.2f", stability.bootstrap)
                + "; without: \(drops.joined(separator: ", ")); windows: \(windows.joined(separator: ", "))",
        ]
        lines += segment.traits.map { "    - \($0.text)" }
        lines.append("    playbook query: \(segment.playbookQuery)")
        return lines
    }
}
