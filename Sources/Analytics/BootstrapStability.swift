import SeededRandom

/// How stable a k-means partition is under resampling of its rows.
///
/// One resample: draw n rows with replacement (uniform, n = the row count), refit k-means with the same k and
/// restarts on the resampled rows (duplicates included, as a bootstrap weighs them), take the refit's label of
/// each distinct resampled row (copies of a row are the same point, so they share a label), and compute the
/// adjusted Rand index between those labels and the full-data labels of the same rows. The stability is the mean
/// of that ARI over the resamples: 1 = every resample finds the same partition, near 0 = a partition no
/// resample agrees with beyond chance.
public enum BootstrapStability {
    /// The mean ARI over `resamples` resamples (at least 1), each drawn and refit from `random` in turn.
    public static func meanARI(
        _ data: FeatureMatrix, labels: [Int], kMeans: KMeans, resamples: Int, using random: inout SplitMix64
    ) -> Double {
        precondition(resamples >= 1 && labels.count == data.rowCount)
        var total = 0.0
        for _ in 0..<resamples {
            total += resampleARI(data, labels: labels, kMeans: kMeans, using: &random)
        }
        return total / Double(resamples)
    }

    /// The ARI of one resample (see the type).
    static func resampleARI(_ data: FeatureMatrix, labels: [Int], kMeans: KMeans, using random: inout SplitMix64)
        -> Double
    {
        let n = data.rowCount
        let drawn = (0..<n).map { _ in LloydFitter.index(below: n, using: &random) }
        let refit = kMeans.fit(data.rows(drawn), using: &random)
        var refitLabel = [Int?](repeating: nil, count: n)
        for (position, row) in drawn.enumerated() where refitLabel[row] == nil {
            refitLabel[row] = refit.labels[position]
        }
        var full: [Int] = []
        var resampled: [Int] = []
        for row in 0..<n {
            guard let label = refitLabel[row] else { continue }
            full.append(labels[row])
            resampled.append(label)
        }
        return AdjustedRandIndex.score(full, resampled)
    }
}
