import SeededRandom

/// k-means (Lloyd's algorithm) seeded by greedy k-means++, best of several restarts.
///
/// - **Seeding** (Arthur & Vassilvitskii 2007, greedy variant as in scikit-learn): the first centre is a uniform
///   draw; each next one is the best of `2 + ⌊ln k⌋` candidates drawn with probability proportional to the squared
///   distance to the nearest centre so far, "best" meaning the lowest total of those squared distances after adding it.
/// - **Lloyd iterations**: assign every row to its nearest centre (ties to the lower centre index), move every
///   centre to the mean of its rows, repeat until no row changes cluster or the centres move less than
///   `tolerance × (mean feature variance)` in total squared distance (scikit-learn's `tol`), at most
///   `maxIterations` times. A centre left without rows jumps to the row farthest from its own centre (as
///   scikit-learn does), so a fit keeps k clusters whenever the data has k distinct rows.
/// - **Restarts**: `restarts` independent seedings (default 20, scikit-learn's reference budget `n_init=20`); the
///   lowest inertia wins, the earliest on a tie.
/// - **Labels** are renumbered by first appearance in row order: row 0 is in cluster 0, the first row not in
///   cluster 0 is in cluster 1, and so on; the centroids are reordered to match. The numbering is then a function
///   of the partition alone, not of which restart or seeding found it.
///
/// Every draw comes from the caller's `SplitMix64`, and every sum runs in a fixed order: same seed, same result.
public struct KMeans: Sendable {
    public var clusterCount: Int
    public var restarts: Int
    public var maxIterations: Int
    public var tolerance: Double

    public init(clusterCount: Int, restarts: Int = 20, maxIterations: Int = 300, tolerance: Double = 1e-4) {
        precondition(clusterCount >= 1 && restarts >= 1 && maxIterations >= 1)
        self.clusterCount = clusterCount
        self.restarts = restarts
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }

    /// The best of `restarts` fits of `data`; needs at least `clusterCount` rows.
    public func fit(_ data: FeatureMatrix, using random: inout SplitMix64) -> KMeansFit {
        precondition(data.rowCount >= clusterCount, "k-means needs at least k rows")
        let fitter = LloydFitter(
            data: data, clusterCount: clusterCount, maxIterations: maxIterations,
            shiftTolerance: tolerance * Self.meanVariance(data)
        )
        var best: KMeansFit?
        for _ in 0..<restarts {
            let candidate = fitter.fitOnce(using: &random)
            if best.map({ candidate.inertia < $0.inertia }) ?? true { best = candidate }
        }
        return best!.renumberedByFirstAppearance()
    }

    /// The mean over columns of each column's population variance: the scale of scikit-learn's tolerance.
    static func meanVariance(_ data: FeatureMatrix) -> Double {
        let total = (0..<data.columnCount).reduce(0.0) { $0 + data.columnMoments($1).variance }
        return total / Double(max(1, data.columnCount))
    }
}

/// One k-means partition: a cluster per row and a centre per cluster.
public struct KMeansFit: Sendable, Equatable {
    /// k.
    public var clusterCount: Int
    /// `clusterCount × columns` values, centre after centre.
    public var centroids: [Double]
    /// The cluster (0..<k) of every row.
    public var labels: [Int]
    /// The sum over rows of the squared Euclidean distance to the row's centre.
    public var inertia: Double
    /// Lloyd iterations run (each an update and an assignment step).
    public var iterations: Int
    /// False when the iteration cap stopped the fit before it settled.
    public var converged: Bool

    /// The same partition with clusters numbered by the row of their first member (clusters without rows last, in
    /// their old order).
    func renumberedByFirstAppearance() -> KMeansFit {
        var newNumber = [Int](repeating: -1, count: clusterCount)
        var next = 0
        for label in labels + Array(0..<clusterCount) where newNumber[label] < 0 {
            newNumber[label] = next
            next += 1
        }
        let width = centroids.count / clusterCount
        var moved = centroids
        for old in 0..<clusterCount {
            let new = newNumber[old]
            moved[new * width..<(new + 1) * width] = centroids[old * width..<(old + 1) * width]
        }
        var copy = self
        copy.labels = labels.map { newNumber[$0] }
        copy.centroids = moved
        return copy
    }
}
