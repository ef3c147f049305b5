/// How robust a machine-learned segment is; `low` rejects it.
public enum StabilityTier: String, Codable, Hashable, Sendable, CaseIterable {
    case high, medium, low
}

/// A cluster's best-match Jaccard when one feature group is left out of the fit.
public struct FeatureDropFigure: Codable, Hashable, Sendable {
    public var group: String
    public var jaccard: Double
}

/// A cluster's best-match Jaccard against the clustering of an earlier as-of date.
public struct WindowFigure: Codable, Hashable, Sendable {
    public var daysBefore: Int
    public var asOf: String
    /// `nil` when that date had too few buyers to fit k clusters.
    public var jaccard: Double?
}

/// The three robustness measures of one cluster and the tier the one formula gives them.
public struct SegmentStabilityFigures: Codable, Hashable, Sendable {
    /// Mean over bootstrap resamples of the best-match Jaccard (Hennig's clusterboot).
    public var bootstrap: Double
    public var featureDrop: [FeatureDropFigure]
    public var windows: [WindowFigure]
    /// The worst single perturbation of each family.
    public var featureDropWorst: Double
    public var windowWorst: Double?
    /// The formula's value and what set it.
    public var score: Double
    public var weakest: String
    public var tier: StabilityTier
}

/// **The one gating formula** (docs/analytics.md, "Segmentation run"):
///
///     score = min( bootstrap mean Jaccard, worst feature-drop Jaccard, worst time-window Jaccard )
///     tier  = high when score ≥ 0.75, medium when score ≥ 0.6, low otherwise (low = rejected)
///
/// A segment is as robust as its weakest test: it must come back under resampling, without any one feature group
/// and in every earlier window — so a cluster that exists only through one feature group, or only on one date, is
/// low whatever the other tests say. The thresholds are Hennig's reading of clusterwise Jaccard (≥ 0.75 stable,
/// 0.6–0.75 a pattern worth a look, ≤ 0.5 dissolved). Bootstrap noise is averaged (one unlucky resample is not a
/// verdict); feature drops and windows are deliberate, named perturbations, so their worst case counts.
public enum SegmentGate {
    public static let highThreshold = 0.75
    public static let mediumThreshold = 0.6

    static func figures(bootstrap: Double, featureDrop: [FeatureDropFigure], windows: [WindowFigure])
        -> SegmentStabilityFigures
    {
        var candidates: [(String, Double)] = [("bootstrap", bootstrap)]
        if let drop = featureDrop.min(by: { $0.jaccard < $1.jaccard }) {
            candidates.append(("without \(drop.group)", drop.jaccard))
        }
        let fitted = windows.compactMap { window in window.jaccard.map { (window, $0) } }
        if let window = fitted.min(by: { $0.1 < $1.1 }) {
            candidates.append(("as of \(window.0.asOf) (\(window.0.daysBefore) days before)", window.1))
        }
        // The first of equal minima: bootstrap, then feature drop, then window.
        var weakest = candidates[0]
        for candidate in candidates.dropFirst() where candidate.1 < weakest.1 { weakest = candidate }
        return SegmentStabilityFigures(
            bootstrap: bootstrap, featureDrop: featureDrop, windows: windows,
            featureDropWorst: featureDrop.map(\.jaccard).min() ?? 1, windowWorst: fitted.map(\.1).min(),
            score: weakest.1, weakest: weakest.0, tier: tier(weakest.1))
    }

    public static func tier(_ score: Double) -> StabilityTier {
        score >= highThreshold ? .high : score >= mediumThreshold ? .medium : .low
    }
}
