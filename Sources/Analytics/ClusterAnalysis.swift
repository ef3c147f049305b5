import SeededRandom

/// `concierge analytics cluster` as a function: k-means over a range of k, the silhouette of each, the k with the
/// best silhouette, its labels and their bootstrap stability.
///
/// Every random draw comes from `SplitMix64(seed:)` forked per purpose — `"kmeans k=<k>"` for the fits at k,
/// `"silhouette"` for the silhouette sample (one sample, shared by every k), `"bootstrap"` for the resamples and
/// their refits — so the same seed gives the same report on any machine, and changing `bootstrap` or the k range
/// does not move the other numbers.
public struct ClusterAnalysis: Sendable {
    public var kMin: Int
    public var kMax: Int
    public var seed: UInt64
    /// k-means++ seedings per k (and per bootstrap refit); the best inertia wins.
    public var restarts: Int
    /// Bootstrap resamples; 0 skips the stability measure.
    public var bootstrapResamples: Int
    /// Z-score every column (population SD) before clustering; otherwise the features are used as given.
    public var standardize: Bool
    /// Above this many rows the silhouette is computed on a fixed-seed sample of this size.
    public var silhouetteRowLimit: Int

    public init(
        kMin: Int, kMax: Int, seed: UInt64, restarts: Int = 20, bootstrapResamples: Int = 20,
        standardize: Bool = false, silhouetteRowLimit: Int = Silhouette.exactRowLimit
    ) {
        self.kMin = kMin
        self.kMax = kMax
        self.seed = seed
        self.restarts = restarts
        self.bootstrapResamples = bootstrapResamples
        self.standardize = standardize
        self.silhouetteRowLimit = silhouetteRowLimit
    }

    /// Checks the options and the data against each other, then clusters.
    public func run(_ features: FeatureMatrix) throws(ClusterAnalysisError) -> ClusterReport {
        try validate(features)
        let data: FeatureMatrix
        do { data = standardize ? try features.standardized() : features } catch { throw .features(error) }
        let root = SplitMix64(seed: seed)
        var perK: [ClusterReport.KSummary] = []
        var fits: [KMeansFit] = []
        for k in kMin...kMax {
            var random = root.fork("kmeans k=\(k)")
            let fit = KMeans(clusterCount: k, restarts: restarts).fit(data, using: &random)
            var sampling = root.fork("silhouette")
            let silhouette: Double
            do {
                silhouette = try Silhouette.sampledScore(
                    data, labels: fit.labels, limit: silhouetteRowLimit, using: &sampling)
            } catch { throw .silhouette(k: k, error) }
            perK.append(.init(k: k, inertia: fit.inertia, silhouette: silhouette, converged: fit.converged))
            fits.append(fit)
        }
        let chosen = perK.firstIndex { $0.k == Self.chosenK(perK) }!
        var stability: Double?
        if bootstrapResamples > 0 {
            var random = root.fork("bootstrap")
            stability = BootstrapStability.meanARI(
                data, labels: fits[chosen].labels, kMeans: KMeans(clusterCount: perK[chosen].k, restarts: restarts),
                resamples: bootstrapResamples, using: &random)
        }
        return ClusterReport(
            chosenK: perK[chosen].k, perK: perK, ids: features.ids, labels: fits[chosen].labels,
            bootstrapARI: stability, silhouetteRows: min(data.rowCount, silhouetteRowLimit))
    }

    /// The k with the highest silhouette; on an exact tie the smaller k, the simpler segmentation. `perK` is in
    /// ascending k and not empty.
    public static func chosenK(_ perK: [ClusterReport.KSummary]) -> Int {
        var best = perK[0]
        for summary in perK.dropFirst() where summary.silhouette > best.silhouette { best = summary }
        return best.k
    }

    /// The checks that need no data: k range, restarts, resamples.
    public func validateOptions() throws(ClusterAnalysisError) {
        guard kMin >= 2 else { throw .option("--k-min must be at least 2 (got \(kMin))") }
        guard kMin <= kMax else { throw .option("--k-min (\(kMin)) must not exceed --k-max (\(kMax))") }
        guard restarts >= 1 else { throw .option("--restarts must be at least 1 (got \(restarts))") }
        guard bootstrapResamples >= 0 else {
            throw .option("--bootstrap must be 0 or more (got \(bootstrapResamples))")
        }
        guard silhouetteRowLimit >= 3 else { throw .option("the silhouette sample needs at least 3 rows") }
    }

    private func validate(_ features: FeatureMatrix) throws(ClusterAnalysisError) {
        try validateOptions()
        // The silhouette needs k ≤ n − 1, and k-means needs k distinct points to make k clusters.
        guard features.rowCount > kMax else {
            throw .option("--k-max \(kMax) needs at least \(kMax + 1) rows; the file has \(features.rowCount)")
        }
        let distinct = features.distinctRowCount()
        guard distinct >= kMax else {
            throw .option("--k-max \(kMax) needs at least \(kMax) distinct rows; the file has \(distinct)")
        }
    }
}

/// Why a clustering run could not be done.
public enum ClusterAnalysisError: Error, Equatable, CustomStringConvertible {
    /// An option out of range, alone or for this data (the text names the option).
    case option(String)
    case features(FeatureMatrixError)
    /// Only possible when a silhouette sample misses all but one cluster.
    case silhouette(k: Int, SilhouetteError)

    public var description: String {
        switch self {
        case .option(let text): text
        case .features(let error): "--standardize: \(error.description)"
        case .silhouette(let k, let error): "k = \(k): \(error.description)"
        }
    }
}
