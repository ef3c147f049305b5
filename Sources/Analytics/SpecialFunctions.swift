import Foundation

/// The special functions the BTYD models need.
public enum SpecialFunctions {
    /// ln Γ(x) for x > 0, from the C library (`lgamma_r`, the thread-safe variant: Swift's overlay returns the sign
    /// instead of writing the global `signgam`).
    public static func logGamma(_ x: Double) -> Double {
        let (value, _): (Double, Int) = lgamma(x)
        return value
    }

    /// ln(e^a + e^b) without overflow; either may be −∞.
    public static func logAddExp(_ a: Double, _ b: Double) -> Double {
        let larger = max(a, b)
        guard larger > -.infinity else { return -.infinity }
        return larger + log1p(exp(min(a, b) - larger))
    }

    /// Stops a series when a term is this small relative to the sum so far (and the terms are shrinking).
    public static let seriesTolerance = 1e-16
    /// Gives up on a series after this many terms (the ratio of terms tends to z, so z very close to 1 is slow).
    public static let seriesTermLimit = 10_000_000

    /// The Gauss hypergeometric function ₂F₁(a, b; c; z) by its power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, for |z| < 1.
    ///
    /// `nil` when the series is not defined (c a non-positive integer, |z| ≥ 1) or has not converged within
    /// `seriesTermLimit` terms.
    public static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double? {
        guard abs(z) < 1, !(c <= 0 && c == c.rounded()) else { return nil }
        return series(first: 1, z: z) { n in (a + n) * (b + n) / ((c + n) * (n + 1)) }
    }

    /// Σₙ₌₀ tₙ with t₀ = `first` and tₙ₊₁ = tₙ · ratio(n) · z; `nil` when it does not settle or overflows.
    static func series(first: Double, z: Double, ratio: (Double) -> Double) -> Double? {
        var term = first
        var sum = first
        for n in 0..<seriesTermLimit {
            let step = ratio(Double(n)) * z
            term *= step
            sum += term
            guard sum.isFinite else { return nil }
            // Past the largest term (|step| < 1) the rest is bounded by a geometric tail of ratio ≈ |z|.
            if abs(step) < 1 && abs(term) <= seriesTolerance * abs(sum) * (1 - abs(z)) { return sum }
            if term == 0 { return sum }
        }
        return nil
    }
}
