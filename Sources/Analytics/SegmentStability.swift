import SeededRandom

/// Z-scores with the population SD of the data it was made from, and applies the same shift and scale to other
/// rows (a past window's clustering classifies today's customers in that window's units). A constant column gets
/// scale 0: it carries no information in that data, so it must not carry any in the distances either.
struct Standardizer: Sendable {
    var means: [Double]
    var scales: [Double]

    init(_ data: FeatureMatrix) {
        means = []
        scales = []
        for column in 0..<data.columnCount {
            let (mean, variance) = data.columnMoments(column)
            let deviation = variance.squareRoot()
            means.append(mean)
            scales.append(deviation > 1e-12 * max(1, abs(mean)) ? 1 / deviation : 0)
        }
    }

    func apply(_ data: FeatureMatrix) -> FeatureMatrix {
        var values = data.values
        for index in values.indices {
            let column = index % data.columnCount
            values[index] = (values[index] - means[column]) * scales[column]
        }
        return FeatureMatrix(ids: data.ids, featureNames: data.featureNames, values: values)
    }
}

extension FeatureMatrix {
    /// The same rows without the named columns.
    func dropping(columns dropped: Set<String>) -> FeatureMatrix {
        let kept = featureNames.indices.filter { !dropped.contains(featureNames[$0]) }
        var values: [Double] = []
        values.reserveCapacity(rowCount * kept.count)
        for row in 0..<rowCount {
            for column in kept { values.append(self[row, column]) }
        }
        return FeatureMatrix(ids: ids, featureNames: kept.map { featureNames[$0] }, values: values)
    }

    /// The nearest of `centroids` (`k × columns`, centre after centre) for every row; ties to the lower centre.
    func nearest(_ centroids: [Double]) -> [Int] {
        let k = centroids.count / columnCount
        return (0..<rowCount).map { row in
            var best = 0
            var bestDistance = Double.infinity
            for centre in 0..<k {
                let distance = squaredDistance(values, row * columnCount, centroids, centre * columnCount,
                                               count: columnCount)
                if distance < bestDistance { (best, bestDistance) = (centre, distance) }
            }
            return best
        }
    }
}

/// Per-cluster stability (Hennig 2007, "Cluster-wise assessment of cluster stability", R `fpc::clusterboot`): a
/// cluster of the reference partition is matched with the most similar cluster of a perturbed partition by the
/// Jaccard index of their members, |C ∩ D| / |C ∪ D|, over the rows both partitions label. 1 = the cluster came
/// back exactly; Hennig reads a mean ≤ 0.5 as "dissolved" and ≥ 0.75 as stable.
enum ClusterMatching {
    /// The best Jaccard of each reference cluster `0..<clusterCount` over the rows where `other` has a label; `nil`
    /// for a cluster with no such row (a bootstrap that drew none of its members says nothing about it).
    static func bestJaccard(reference: [Int], clusterCount: Int, other: [Int?]) -> [Double?] {
        precondition(reference.count == other.count)
        let otherCount = (other.compactMap { $0 }.max() ?? -1) + 1
        var overlap = [Int](repeating: 0, count: clusterCount * max(1, otherCount))
        var referenceSizes = [Int](repeating: 0, count: clusterCount)
        var otherSizes = [Int](repeating: 0, count: max(1, otherCount))
        for (label, match) in zip(reference, other) {
            guard let match else { continue }
            overlap[label * otherCount + match] += 1
            referenceSizes[label] += 1
            otherSizes[match] += 1
        }
        return (0..<clusterCount).map { cluster in
            guard referenceSizes[cluster] > 0 else { return nil }
            var best = 0.0
            for match in 0..<otherCount {
                let shared = overlap[cluster * otherCount + match]
                let union = referenceSizes[cluster] + otherSizes[match] - shared
                if shared > 0 { best = max(best, Double(shared) / Double(union)) }
            }
            return best
        }
    }

    /// The mean of the present values of each cluster over several perturbations (0 when a cluster never appeared).
    static func meanPerCluster(_ runs: [[Double?]], clusterCount: Int) -> [Double] {
        (0..<clusterCount).map { cluster in
            let present = runs.compactMap { $0[cluster] }
            return present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
        }
    }
}

/// The bootstrap half of the stability: resample, refit, and for every cluster the best-match Jaccard on the
/// distinct resampled rows; the ARI over the same rows is kept as the overall figure (as `BootstrapStability`).
enum ClusterBootstrap {
    static func run(_ data: FeatureMatrix, labels: [Int], kMeans: KMeans, resamples: Int,
                    using random: inout SplitMix64) -> (perCluster: [Double], meanARI: Double) {
        let n = data.rowCount
        var runs: [[Double?]] = []
        var totalARI = 0.0
        for _ in 0..<resamples {
            let drawn = (0..<n).map { _ in LloydFitter.index(below: n, using: &random) }
            let refit = kMeans.fit(data.rows(drawn), using: &random)
            var refitLabel = [Int?](repeating: nil, count: n)
            for (position, row) in drawn.enumerated() where refitLabel[row] == nil {
                refitLabel[row] = refit.labels[position]
            }
            runs.append(ClusterMatching.bestJaccard(reference: labels, clusterCount: kMeans.clusterCount,
                                                    other: refitLabel))
            let seen = (0..<n).filter { refitLabel[$0] != nil }
            totalARI += AdjustedRandIndex.score(seen.map { labels[$0] }, seen.map { refitLabel[$0]! })
        }
        guard resamples > 0 else { return ([Double](repeating: 1, count: kMeans.clusterCount), 1) }
        return (ClusterMatching.meanPerCluster(runs, clusterCount: kMeans.clusterCount),
                totalARI / Double(resamples))
    }
}
