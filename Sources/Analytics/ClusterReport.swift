/// What `ClusterAnalysis` found. Encodes as the `concierge analytics cluster --json` object: `chosenK`, `perK`
/// (`[{k, inertia, silhouette}]`), `labels` (id → label) and `bootstrapARI` (null when no resamples were asked for).
/// Encode it with `.sortedKeys`: the labels object is then in id order, the same on every run and machine.
public struct ClusterReport: Sendable, Equatable, Encodable {
    /// One k of the range.
    public struct KSummary: Sendable, Equatable, Encodable {
        public var k: Int
        /// The best restart's sum of squared distances to the nearest centre.
        public var inertia: Double
        /// The mean silhouette of that fit (over a sample above `Silhouette.exactRowLimit` rows).
        public var silhouette: Double
        /// False when a Lloyd run of the best restart hit the iteration cap (not encoded; the text output says it).
        public var converged: Bool

        public init(k: Int, inertia: Double, silhouette: Double, converged: Bool) {
            (self.k, self.inertia, self.silhouette, self.converged) = (k, inertia, silhouette, converged)
        }

        enum CodingKeys: String, CodingKey { case k, inertia, silhouette }
    }

    public var chosenK: Int
    public var perK: [KSummary]
    /// The rows' ids, in file order.
    public var ids: [String]
    /// The cluster of every row at the chosen k, numbered by first appearance in row order.
    public var labels: [Int]
    public var bootstrapARI: Double?
    /// Rows the silhouette was computed on (all of them, or the sample size).
    public var silhouetteRows: Int

    /// Rows per cluster at the chosen k, by label.
    public var clusterSizes: [Int] {
        var sizes = [Int](repeating: 0, count: chosenK)
        for label in labels { sizes[label] += 1 }
        return sizes
    }

    /// The mean of every feature of `features` (the rows the report was made from, in any units) per cluster:
    /// `chosenK` rows of `features.columnCount` values, by label.
    public func clusterMeans(of features: FeatureMatrix) -> [[Double]] {
        precondition(features.rowCount == labels.count, "the report's rows")
        var sums = [[Double]](repeating: [Double](repeating: 0, count: features.columnCount), count: chosenK)
        for (row, label) in labels.enumerated() {
            for column in 0..<features.columnCount { sums[label][column] += features[row, column] }
        }
        return zip(sums, clusterSizes).map { sum, size in sum.map { $0 / Double(max(1, size)) } }
    }

    private enum CodingKeys: String, CodingKey { case chosenK, perK, labels, bootstrapARI }

    private struct IDKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(chosenK, forKey: .chosenK)
        try container.encode(perK, forKey: .perK)
        var labelsObject = container.nestedContainer(keyedBy: IDKey.self, forKey: .labels)
        for (id, label) in zip(ids, labels) {
            try labelsObject.encode(label, forKey: IDKey(stringValue: id))
        }
        if let bootstrapARI {
            try container.encode(bootstrapARI, forKey: .bootstrapARI)
        } else {
            try container.encodeNil(forKey: .bootstrapARI)
        }
    }
}
