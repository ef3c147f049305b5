import Foundation

/// Turns a cluster into a segment: validation, traits from the standardised centroid, a name, a playbook query and
/// the metric snapshot. Every number a trait prints is formatted from a snapshot metric with that metric's display
/// rounding, so the groundedness check finds it.
struct SegmentDescriber {
    /// A trait needs the centroid at least this many population SDs from the average customer.
    static let traitThreshold = 0.5
    static let maximumTraits = 4

    let table: SegmentationFeatureTable
    let standardized: FeatureMatrix
    let clusterCount: Int
    let asOf: CalendarDay
    let runID: String
    let mainCurrency: String
    private let members: [[Int]]
    private let everyone: SegmentProfileSummary

    init(table: SegmentationFeatureTable, standardized: FeatureMatrix, labels: [Int], clusterCount: Int,
         asOf: CalendarDay, runID: String) {
        self.table = table
        self.standardized = standardized
        self.clusterCount = clusterCount
        self.asOf = asOf
        self.runID = runID
        var members = [[Int]](repeating: [], count: clusterCount)
        for (row, label) in labels.enumerated() { members[label].append(row) }
        self.members = members
        // The currency most buyers pay in; a tie goes to the first code in order.
        let counts = Dictionary(grouping: table.profiles.map(\.currency).filter { $0.count == 3 }, by: { $0 })
            .mapValues(\.count)
        mainCurrency = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key ?? ""
        everyone = SegmentProfileSummary(table.profiles, mainCurrency: mainCurrency)
    }

    func segment(_ cluster: Int, stability: SegmentStabilityFigures, configuration: SegmentationConfiguration)
        -> MLSegment
    {
        let rows = members[cluster]
        let summary = SegmentProfileSummary(rows.map { table.profiles[$0] }, mainCurrency: mainCurrency)
        let share = Double(rows.count) / Double(max(1, table.profiles.count))
        let metrics = summary.metrics(share: share, ordersVsAverage: summary.meanOrders / everyone.meanOrders)
        let traits = traits(rows, metrics: metrics, summary: summary)
        let id = "ml-\(runID)-\(cluster)"
        let name = Self.name(traits)
        var rejections: [String] = []
        if stability.tier == .low {
            rejections.append(String(format: "stability low: score %.2f", stability.score)
                + " (weakest: \(stability.weakest)) is below " + String(format: "%.2f", SegmentGate.mediumThreshold))
        }
        if rows.count < configuration.minimumCustomers {
            rejections.append("\(rows.count) customers, fewer than the minimum of \(configuration.minimumCustomers)")
        }
        if share > configuration.maximumShare {
            rejections.append(String(format: "%.0f%% of the clustered customers, more than the maximum of %.0f%%",
                                     share * 100, configuration.maximumShare * 100))
        }
        if let floor = configuration.minimumMeanOrders, summary.meanOrders < floor {
            rejections.append(String(format: "%.1f orders per customer, below the value floor of %.1f",
                                     summary.meanOrders, floor))
        }
        return MLSegment(
            label: cluster, id: id, name: name, customers: rows.count, share: share, accepted: rejections.isEmpty,
            rejections: rejections, stability: stability, traits: traits,
            playbookQuery: Self.playbookQuery(traits),
            snapshot: SegmentSnapshot(id: id, name: name, source: .ml, asOf: asOf.description,
                                      currency: mainCurrency, metrics: metrics))
    }

    /// Feature groups whose centroid deviates at least `traitThreshold` SDs, strongest first (ties in group
    /// order), at most `maximumTraits`.
    private func traits(_ rows: [Int], metrics: [SegmentMetric], summary: SegmentProfileSummary) -> [SegmentTrait] {
        let centroid = (0..<standardized.columnCount).map { column in
            rows.reduce(0.0) { $0 + standardized[$1, column] } / Double(max(1, rows.count))
        }
        var found: [SegmentTrait] = []
        var columnStart = 0
        for group in SegmentationFeatures.groups {
            let z = Array(centroid[columnStart..<columnStart + group.columns.count])
            columnStart += group.columns.count
            let size = z.count == 1 ? abs(z[0]) : z.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard size >= Self.traitThreshold else { continue }
            // A circle's deviation has no sign; its direction is read from the business share it moves.
            let above: Bool = switch group.name {
            case "time of day": summary.eveningShare >= everyone.eveningShare
            case "day of week": summary.weekendShare >= everyone.weekendShare
            default: z[0] > 0
            }
            let (text, keys) = TraitWording.text(group: group.name, above: above, metrics: metrics)
            found.append(SegmentTrait(group: group.name, deviation: above ? size : -size, text: text,
                                      metricKeys: keys))
        }
        let ranked = found.enumerated().sorted { lhs, rhs in
            abs(lhs.element.deviation) != abs(rhs.element.deviation)
                ? abs(lhs.element.deviation) > abs(rhs.element.deviation) : lhs.offset < rhs.offset
        }
        return ranked.prefix(Self.maximumTraits).map(\.element)
    }

    static func name(_ traits: [SegmentTrait]) -> String {
        let words = traits.prefix(2).map { TraitWording.shortLabel(group: $0.group, above: $0.deviation > 0) }
        guard let first = words.first else { return "Average customers" }
        let joined = ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: ", ")
        return joined + " customers"
    }

    static func playbookQuery(_ traits: [SegmentTrait]) -> String {
        let phrases = traits.map { TraitWording.queryPhrase(group: $0.group, above: $0.deviation > 0) }
        guard !phrases.isEmpty else { return "Play for typical customers with no distinctive behaviour" }
        return "Play for a customer segment: " + phrases.joined(separator: "; ")
    }
}
