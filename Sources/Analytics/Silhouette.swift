import SeededRandom

/// The mean silhouette of a labelling (Rousseeuw 1987), with Euclidean distances, as scikit-learn's
/// `silhouette_score`: for each row, a = the mean distance to the other rows of its cluster, b = the lowest mean
/// distance to the rows of another cluster, s = (b − a) / max(a, b); s = 0 for a row alone in its cluster (and
/// where a = b = 0). The score is the mean of s over rows, from −1 to 1, higher for tighter, better-separated
/// clusters.
public enum Silhouette {
    /// Above this many rows, `sampledScore` scores a sample of this size instead of every row.
    public static let exactRowLimit = 5_000

    /// The exact mean silhouette over every row: O(n² · columns) time, O(n · clusters) memory.
    public static func score(_ data: FeatureMatrix, labels: [Int]) throws(SilhouetteError) -> Double {
        precondition(labels.count == data.rowCount, "one label per row")
        let (compact, clusterCount) = compacted(labels)
        guard clusterCount >= 2, clusterCount < data.rowCount else {
            throw SilhouetteError(clusterCount: clusterCount, rowCount: data.rowCount)
        }
        let distanceSums = distanceSumsPerCluster(data, compact, clusterCount)
        var sizes = [Int](repeating: 0, count: clusterCount)
        for label in compact { sizes[label] += 1 }
        var total = 0.0
        for row in 0..<data.rowCount {
            let own = compact[row]
            guard sizes[own] > 1 else { continue }  // alone in its cluster: s = 0
            let a = distanceSums[row * clusterCount + own] / Double(sizes[own] - 1)
            var b = Double.infinity
            for other in 0..<clusterCount where other != own {
                b = min(b, distanceSums[row * clusterCount + other] / Double(sizes[other]))
            }
            let spread = max(a, b)
            if spread > 0 { total += (b - a) / spread }
        }
        return total / Double(data.rowCount)
    }

    /// The exact score up to `exactRowLimit` rows; above it, the exact score of a sample of `exactRowLimit` rows
    /// drawn without replacement by `random` (a partial Fisher–Yates shuffle), as scikit-learn's `sample_size`.
    /// Pass a generator forked for the purpose and the same sample is scored for every k.
    public static func sampledScore(
        _ data: FeatureMatrix, labels: [Int], limit: Int = exactRowLimit, using random: inout SplitMix64
    ) throws(SilhouetteError) -> Double {
        guard data.rowCount > limit else { return try score(data, labels: labels) }
        let rows = sample(count: limit, from: data.rowCount, using: &random)
        return try score(data.rows(rows), labels: rows.map { labels[$0] })
    }

    /// `count` distinct row indices out of `rowCount`, in ascending order.
    public static func sample(count: Int, from rowCount: Int, using random: inout SplitMix64) -> [Int] {
        var indices = Array(0..<rowCount)
        for position in 0..<min(count, rowCount) {
            let pick = position + LloydFitter.index(below: rowCount - position, using: &random)
            indices.swapAt(position, pick)
        }
        return indices.prefix(count).sorted()
    }

    /// Labels renumbered 0..<m in ascending order of the original label, and m.
    static func compacted(_ labels: [Int]) -> ([Int], Int) {
        let distinct = Array(Set(labels)).sorted()
        var number: [Int: Int] = [:]
        for (index, label) in distinct.enumerated() { number[label] = index }
        return (labels.map { number[$0]! }, distinct.count)
    }

    /// For every row and cluster, the sum of the row's distances to the cluster's rows (n × clusters, row-major).
    /// Each pair is measured once and added to both rows.
    private static func distanceSumsPerCluster(_ data: FeatureMatrix, _ labels: [Int], _ clusterCount: Int)
        -> [Double]
    {
        let (rows, columns) = (data.rowCount, data.columnCount)
        var sums = [Double](repeating: 0, count: rows * clusterCount)
        data.values.withUnsafeBufferPointer { points in
            sums.withUnsafeMutableBufferPointer { sums in
                for i in 0..<rows {
                    let labelI = labels[i]
                    for j in (i + 1)..<rows {
                        let distance = squaredDistance(points, i * columns, points, j * columns, count: columns)
                            .squareRoot()
                        sums[i * clusterCount + labels[j]] += distance
                        sums[j * clusterCount + labelI] += distance
                    }
                }
            }
        }
        return sums
    }
}

/// The silhouette is defined for 2 ≤ clusters ≤ rows − 1 only.
public struct SilhouetteError: Error, Equatable, CustomStringConvertible {
    public var clusterCount: Int
    public var rowCount: Int

    public init(clusterCount: Int, rowCount: Int) {
        (self.clusterCount, self.rowCount) = (clusterCount, rowCount)
    }

    public var description: String {
        "the silhouette needs between 2 and \(rowCount - 1) clusters, the labels have \(clusterCount)"
    }
}
