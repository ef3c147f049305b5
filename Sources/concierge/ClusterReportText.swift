import Analytics
import Foundation

/// The human-readable `concierge analytics cluster` report: the per-k table, the choice, cluster sizes and
/// feature means, stability, then every row's label.
enum ClusterReportText {
    static func render(_ report: ClusterReport, features: FeatureMatrix, analysis: ClusterAnalysis) -> String {
        var lines: [String] = []
        let scaling = analysis.standardize ? "z-scored" : "as given"
        lines.append(
            "\(features.rowCount) rows × \(features.columnCount) features (\(scaling)), seed \(analysis.seed), "
                + "\(analysis.restarts) k-means++ restarts per k")
        let silhouetteScope = report.silhouetteRows < features.rowCount
            ? "over a fixed-seed sample of \(report.silhouetteRows) rows" : "over all rows"
        lines.append("")
        lines.append("   k        inertia   silhouette (\(silhouetteScope))")
        for summary in report.perK {
            var line = String(format: "%4d %14.6g   %10.4f", summary.k, summary.inertia, summary.silhouette)
            if summary.k == report.chosenK { line += "   ← chosen" }
            if !summary.converged { line += "   (stopped at the iteration cap)" }
            lines.append(line)
        }
        lines.append("")
        lines.append("Chosen k = \(report.chosenK): the highest silhouette (a tie goes to the smaller k).")
        if let ari = report.bootstrapARI {
            lines.append(
                String(format: "Bootstrap stability: mean adjusted Rand index %.4f over %d resamples", ari,
                       analysis.bootstrapResamples)
                    + " (1 = every resample finds the same clusters, 0 = chance).")
        }
        lines.append("")
        lines += meansTable(report, features: features)
        lines.append("")
        lines.append("Labels (clusters numbered by first appearance in file order):")
        lines.append("id,label")
        for (id, label) in zip(report.ids, report.labels) { lines.append("\(id),\(label)") }
        return lines.joined(separator: "\n")
    }

    /// Rows per cluster and each feature's mean per cluster, in the file's units.
    private static func meansTable(_ report: ClusterReport, features: FeatureMatrix) -> [String] {
        let means = report.clusterMeans(of: features)
        let names = features.featureNames.map { String($0.prefix(14)) }
        var lines = ["cluster     rows " + names.map { $0.leftPadded(to: 14) }.joined(separator: " ")]
        for (label, size) in report.clusterSizes.enumerated() {
            let cells = means[label].map { String(format: "%14.6g", $0) }.joined(separator: " ")
            lines.append(String(format: "%7d %8d ", label, size) + cells)
        }
        return ["Cluster sizes and feature means:"] + lines
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
