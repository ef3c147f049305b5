import Foundation

/// Rounding and checks shared by the value figures: a reported number has fixed decimals, so the JSON of a run is the
/// same bytes on every rerun and readable (no 0.30000000000000004).
enum ValueFormat {
    /// `value` rounded half away from zero to `places` decimals.
    static func rounded(_ value: Double, _ places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let result = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        return result == 0 ? 0 : result  // never −0
    }

    /// Major units (the models' unit) to whole minor units.
    static func minorUnits(_ major: Double) -> Int {
        Int((major * 100).rounded(.toNearestOrAwayFromZero))
    }

    /// `value` as text with exactly `places` decimals (for reasons, which are words).
    static func fixed(_ value: Double, _ places: Int) -> String {
        String(format: "%.\(places)f", value)
    }

    /// Why a fit cannot be used, or `nil`: not converged, or a parameter outside
    /// `CustomerValueSettings.parameterRange` (the optimiser ran off to an edge the data do not identify).
    static func fitProblem(converged: Bool, names: [String], values: [Double]) -> String? {
        guard converged else { return "the optimiser did not converge" }
        for (name, value) in zip(names, values) where !CustomerValueSettings.parameterRange.contains(value) {
            return "\(name) = \(value) ran off to the edge; the data do not identify the model"
        }
        return nil
    }

    static func reported(_ fit: BGNBDFit) -> FittedBGNBD {
        let p = fit.parameters
        return FittedBGNBD(r: rounded(p.r, 6), alpha: rounded(p.alpha, 6), a: rounded(p.a, 6), b: rounded(p.b, 6),
                           logLikelihood: rounded(fit.logLikelihood, 4))
    }

    static func reported(_ fit: GammaGammaFit, correlation: Double?, bounded: Bool) -> FittedGammaGamma {
        let g = fit.parameters
        return FittedGammaGamma(p: rounded(g.p, 6), q: rounded(g.q, 6), gamma: rounded(g.gamma, 6),
                                logLikelihood: rounded(fit.logLikelihood, 4),
                                frequencySpendCorrelation: correlation.map { rounded($0, 4) },
                                boundedShape: bounded ? ValueEstimation.maximumShape : nil)
    }
}
