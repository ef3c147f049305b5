import Foundation

/// Gamma-Gamma parameters: spend per transaction ~ Gamma(shape `p`, rate ν), ν ~ Gamma(shape `q`, rate `gamma`).
public struct GammaGammaParameters: Hashable, Sendable {
    public var p: Double
    public var q: Double
    public var gamma: Double

    public init(p: Double, q: Double, gamma: Double) {
        self.p = p
        self.q = q
        self.gamma = gamma
    }

    /// The population mean spend per transaction, p·γ/(q−1); `nil` unless q > 1 (no finite mean).
    public var populationMeanSpend: Double? {
        q > 1 ? p * gamma / (q - 1) : nil
    }
}

/// A maximum-likelihood Gamma-Gamma fit.
public struct GammaGammaFit: Hashable, Sendable {
    public var parameters: GammaGammaParameters
    /// The total log-likelihood over the customers it was fitted on.
    public var logLikelihood: Double
    /// How many customers it was fitted on (x > 0 and z̄ > 0).
    public var customerCount: Int
    public var iterations: Int
    public var evaluations: Int
    public var converged: Bool
}

/// The Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value").
///
/// It assumes a customer's spend per transaction does not depend on how often they buy; check with
/// `frequencySpendCorrelation` (≈ 0.11 on CDNOW, small enough).
public enum GammaGamma {
    /// One customer's log-likelihood of mean spend z̄ over x transactions (x > 0, z̄ > 0), lifetimes' form:
    /// lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q·ln γ + (px−1)·ln z̄ + px·ln x − (px+q)·ln(x·z̄ + γ).
    public static func logLikelihood(_ g: GammaGammaParameters, x: Int, meanSpend: Double) -> Double {
        let xd = Double(x)
        let px = g.p * xd
        let lnGamma = SpecialFunctions.logGamma
        return lnGamma(px + g.q) - lnGamma(px) - lnGamma(g.q) + g.q * log(g.gamma) + (px - 1) * log(meanSpend)
            + px * log(xd) - (px + g.q) * log(xd * meanSpend + g.gamma)
    }

    /// The customers the model is fitted on: x > 0 and z̄ > 0 (a customer whose repeat purchases were all free has
    /// ln z̄ = −∞ and says nothing about spend).
    public static func fittable(_ customers: [CustomerSummary]) -> [CustomerSummary] {
        customers.filter { $0.repeatCount > 0 && $0.meanRepeatSpend > 0 }
    }

    /// The total log-likelihood over the fittable customers.
    public static func logLikelihood(_ g: GammaGammaParameters, _ customers: [CustomerSummary]) -> Double {
        SpendData(fittable(customers)).logLikelihood(g)
    }

    /// E[mean spend | x, z̄] = p(γ + x·z̄)/(px + q − 1): a weighted mean of the population mean and z̄, the weight
    /// of z̄ growing with x. For x = 0 it is the population mean. `nil` when px + q ≤ 1 (no finite mean).
    public static func expectedMeanSpend(_ g: GammaGammaParameters, x: Int, meanSpend: Double) -> Double? {
        let denominator = g.p * Double(x) + g.q - 1
        guard denominator > 0 else { return nil }
        return g.p * (g.gamma + Double(x) * meanSpend) / denominator
    }

    /// Maximum likelihood by Nelder–Mead over (ln p, ln q, ln γ) on the fittable customers, minimising the mean
    /// negative log-likelihood, from p = q = γ = 1.
    ///
    /// `fixedShape`, when set, holds p at that value and fits q and γ only. On some data (three currencies of the demo
    /// seed) the likelihood keeps rising as p grows and γ shrinks — the limit has no shrinkage towards the population
    /// mean: E[spend] tends to the customer's own z̄ — so the unbounded search runs off; the fit with p held at a
    /// bound is the best one there (a wall in a Nelder–Mead search did not converge on such data).
    public static func fit(_ customers: [CustomerSummary], optimizer: NelderMead = NelderMead(),
                           fixedShape: Double? = nil) -> GammaGammaFit {
        let data = SpendData(fittable(customers))
        let count = Double(max(1, data.customers.count))
        // Held, p is the value itself (not exp(ln p), which is off by an ulp).
        let make: ([Double]) -> GammaGammaParameters? = { theta in
            guard let fixedShape else { return parameters(theta) }
            return parameters([0] + theta).map { GammaGammaParameters(p: fixedShape, q: $0.q, gamma: $0.gamma) }
        }
        let result = optimizer.minimize(from: fixedShape == nil ? [0, 0, 0] : [0, 0]) { theta in
            guard let g = make(theta) else { return .infinity }
            return -data.logLikelihood(g) / count
        }
        let g = make(result.point) ?? GammaGammaParameters(p: 1, q: 1, gamma: 1)
        return GammaGammaFit(
            parameters: g, logLikelihood: data.logLikelihood(g), customerCount: data.customers.count,
            iterations: result.iterations, evaluations: result.evaluations,
            converged: result.converged && make(result.point) != nil)
    }

    /// Pearson's correlation between x and z̄ over the fittable customers; `nil` for fewer than two or no spread.
    public static func frequencySpendCorrelation(_ customers: [CustomerSummary]) -> Double? {
        let data = fittable(customers)
        guard data.count >= 2 else { return nil }
        let n = Double(data.count)
        let meanX = data.reduce(0) { $0 + Double($1.repeatCount) } / n
        let meanZ = data.reduce(0) { $0 + $1.meanRepeatSpend } / n
        var covariance = 0.0
        var varianceX = 0.0
        var varianceZ = 0.0
        for customer in data {
            let dx = Double(customer.repeatCount) - meanX
            let dz = customer.meanRepeatSpend - meanZ
            covariance += dx * dz
            varianceX += dx * dx
            varianceZ += dz * dz
        }
        guard varianceX > 0, varianceZ > 0 else { return nil }
        return covariance / (varianceX * varianceZ).squareRoot()
    }

    private static func parameters(_ theta: [Double]) -> GammaGammaParameters? {
        let values = theta.map { exp($0) }
        guard values.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        return GammaGammaParameters(p: values[0], q: values[1], gamma: values[2])
    }
}

/// Fittable customers reduced for repeated likelihood evaluation: the Γ terms depend on x only and are computed
/// once per distinct x (in increasing x), ln z̄ once per customer; the sum is the per-customer formula regrouped.
private struct SpendData {
    let customers: [(x: Double, meanSpend: Double, logMeanSpend: Double)]
    let counts: [(x: Double, weight: Double)]

    init(_ fittable: [CustomerSummary]) {
        customers = fittable.map { (Double($0.repeatCount), $0.meanRepeatSpend, log($0.meanRepeatSpend)) }
        var weights: [Int: Double] = [:]
        for customer in fittable { weights[customer.repeatCount, default: 0] += 1 }
        counts = weights.sorted { $0.key < $1.key }.map { (Double($0.key), $0.value) }
    }

    func logLikelihood(_ g: GammaGammaParameters) -> Double {
        let lnGamma = SpecialFunctions.logGamma
        var total = Double(customers.count) * (g.q * log(g.gamma) - lnGamma(g.q))
        for (x, weight) in counts {
            let px = g.p * x
            total += weight * (lnGamma(px + g.q) - lnGamma(px) + px * log(x))
        }
        for customer in customers {
            let px = g.p * customer.x
            total += (px - 1) * customer.logMeanSpend - (px + g.q) * log(customer.x * customer.meanSpend + g.gamma)
        }
        return total
    }
}
