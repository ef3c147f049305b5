import Foundation

/// BG/NBD parameters: purchase rates λ ~ Gamma(shape `r`, rate `alpha`) per week; after each purchase the
/// customer drops out with probability p ~ Beta(`a`, `b`).
public struct BGNBDParameters: Hashable, Sendable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }
}

/// A maximum-likelihood BG/NBD fit.
public struct BGNBDFit: Hashable, Sendable {
    public var parameters: BGNBDParameters
    /// The total log-likelihood at `parameters` (a sum over customers, not a mean).
    public var logLikelihood: Double
    public var iterations: Int
    public var evaluations: Int
    public var converged: Bool
}

/// The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"), time in weeks.
public enum BGNBD {
    /// One customer's log-likelihood, the closed form of the paper (its equation 6, in logs):
    /// ln L = A₁ + A₂ + ln(e^A₃ + [x>0]·e^A₄) with
    /// A₁ = lnΓ(r+x) − lnΓ(r) + r·ln α, A₂ = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x),
    /// A₃ = −(r+x)·ln(α+T), A₄ = ln a − ln(b+x−1) − (r+x)·ln(α+tₓ).
    public static func logLikelihood(_ p: BGNBDParameters, x: Int, tX: Double, T: Double) -> Double {
        countTerms(p, x: Double(x)) + timeTerms(p, x: Double(x), tX: tX, T: T)
    }

    /// The total log-likelihood of `customers`.
    public static func logLikelihood(_ p: BGNBDParameters, _ customers: [CustomerSummary]) -> Double {
        LikelihoodData(customers).logLikelihood(p)
    }

    /// P(alive | x, tₓ, T) = 1 / (1 + [x>0]·a/(b+x−1)·((α+T)/(α+tₓ))^(r+x)); 1 for a customer with no repeat purchase.
    public static func probabilityAlive(_ p: BGNBDParameters, x: Int, tX: Double, T: Double) -> Double {
        1 / deadOdds(p, x: Double(x), tX: tX, T: T)
    }

    /// E[Y(t) | x, tₓ, T]: expected purchase-days in the next `weeks`, or `nil` when the series does not converge.
    ///
    /// The paper's equation 10 is (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; z)] / D
    /// with z = t/(α+T+t) and D = 1/P(alive). Euler's transformation turns the ₂F₁ into
    /// (1−z)^(a−1−r−x) · ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose terms shrink fast for any x (the plain series peaks
    /// near (1−z)^−x for a frequent buyer), and taking the factor (a−1) out of that series leaves
    /// (a+b+x−1) · [−expm1((a−1)·ln(1−z))/(a−1) − (1−z)^(a−1) · G] / D,
    /// G = Σₙ≥₁ (a+b−1−r)ₙ (a)ₙ₋₁ / ((a+b+x−1)ₙ n!) zⁿ, which has no singularity at a = 1.
    public static func expectedPurchases(_ p: BGNBDParameters, weeks t: Double, x: Int, tX: Double, T: Double)
        -> Double?
    {
        guard t > 0 else { return 0 }
        let xd = Double(x)
        let c = p.a + p.b + xd - 1
        let shape = p.a + p.b - 1 - p.r
        guard !(c <= 0 && c == c.rounded()) else { return nil }
        let z = t / (p.alpha + T + t)
        let logOneMinusZ = log(p.alpha + T) - log(p.alpha + T + t)
        let ratio: (Double) -> Double = { n in (shape + n + 1) * (p.a + n) / ((c + n + 1) * (n + 2)) }
        guard let g = SpecialFunctions.series(first: shape / c * z, z: z, ratio: ratio) else { return nil }
        let power = (p.a - 1) * logOneMinusZ
        let leading = p.a == 1 ? -logOneMinusZ : -expm1(power) / (p.a - 1)
        let value = c * (leading - exp(power) * g) / deadOdds(p, x: xd, tX: tX, T: T)
        return value.isFinite ? value : nil
    }

    /// Maximum likelihood by Nelder–Mead over (ln r, ln α, ln a, ln b), minimising the mean negative
    /// log-likelihood per customer, from r = α = a = b = 1 (see `NelderMead` for the steps and tolerances).
    ///
    /// `maximumBetaShape`, when set, bounds a and b (the objective is +∞ beyond it). On data where every customer has
    /// about the same drop-out probability the likelihood keeps rising as a and b grow together (the Beta prior
    /// tends to a point mass at a/(a+b)), so the unbounded search runs off; a bound gives the nearby fit.
    public static func fit(_ customers: [CustomerSummary], optimizer: NelderMead = NelderMead(),
                           maximumBetaShape: Double? = nil) -> BGNBDFit {
        let data = LikelihoodData(customers)
        let count = Double(max(1, customers.count))
        let bound = maximumBetaShape ?? .infinity
        let result = optimizer.minimize(from: [0, 0, 0, 0]) { theta in
            guard let p = parameters(theta), p.a <= bound, p.b <= bound else { return .infinity }
            return -data.logLikelihood(p) / count
        }
        let p = parameters(result.point) ?? BGNBDParameters(r: 1, alpha: 1, a: 1, b: 1)
        return BGNBDFit(
            parameters: p, logLikelihood: data.logLikelihood(p), iterations: result.iterations,
            evaluations: result.evaluations, converged: result.converged && parameters(result.point) != nil)
    }

    /// exp of each log-parameter, `nil` when one under- or overflows.
    private static func parameters(_ theta: [Double]) -> BGNBDParameters? {
        let values = theta.map { exp($0) }
        guard values.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        return BGNBDParameters(r: values[0], alpha: values[1], a: values[2], b: values[3])
    }

    /// 1 + [x>0]·a/(b+x−1)·((α+T)/(α+tₓ))^(r+x), in logs (it may overflow to +∞, making P(alive) 0).
    private static func deadOdds(_ p: BGNBDParameters, x: Double, tX: Double, T: Double) -> Double {
        guard x > 0 else { return 1 }
        return 1 + exp(log(p.a) - log(p.b + x - 1) + (p.r + x) * (log(p.alpha + T) - log(p.alpha + tX)))
    }

    /// A₁ + A₂: the terms that depend on x only.
    fileprivate static func countTerms(_ p: BGNBDParameters, x: Double) -> Double {
        let lnGamma = SpecialFunctions.logGamma
        return lnGamma(p.r + x) - lnGamma(p.r) + p.r * log(p.alpha)
            + lnGamma(p.a + p.b) + lnGamma(p.b + x) - lnGamma(p.b) - lnGamma(p.a + p.b + x)
    }

    /// ln(e^A₃ + [x>0]·e^A₄).
    fileprivate static func timeTerms(_ p: BGNBDParameters, x: Double, tX: Double, T: Double) -> Double {
        let a3 = -(p.r + x) * log(p.alpha + T)
        guard x > 0 else { return a3 }
        let a4 = log(p.a) - log(p.b + x - 1) - (p.r + x) * log(p.alpha + tX)
        return SpecialFunctions.logAddExp(a3, a4)
    }
}

/// Customers reduced for repeated likelihood evaluation: identical (x, tₓ, T) are one weighted cell, and the
/// x-only terms are computed once per distinct x. Cells are sorted, so the sum is the same whatever the input order.
private struct LikelihoodData {
    struct Cell: Hashable, Comparable {
        var x: Int
        var tX: Double
        var T: Double
        static func < (l: Cell, r: Cell) -> Bool { (l.x, l.tX, l.T) < (r.x, r.tX, r.T) }
    }

    let cells: [(cell: Cell, weight: Double)]
    let counts: [(x: Int, weight: Double)]

    init(_ customers: [CustomerSummary]) {
        var cellWeights: [Cell: Double] = [:]
        var countWeights: [Int: Double] = [:]
        for customer in customers {
            cellWeights[Cell(x: customer.repeatCount, tX: customer.tX, T: customer.T), default: 0] += 1
            countWeights[customer.repeatCount, default: 0] += 1
        }
        cells = cellWeights.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        counts = countWeights.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func logLikelihood(_ p: BGNBDParameters) -> Double {
        var total = 0.0
        for (x, weight) in counts { total += weight * BGNBD.countTerms(p, x: Double(x)) }
        for (cell, weight) in cells { total += weight * BGNBD.timeTerms(p, x: Double(cell.x), tX: cell.tX, T: cell.T) }
        return total
    }
}
