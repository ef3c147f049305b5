import Analytics
import Foundation
import SeededRandom
import Testing

/// Data drawn from the models themselves (seeded): the fits must give back the parameters that generated them.
/// Beside the CDNOW answers this checks that each likelihood belongs to its generative story.
@Suite("Fits recover the parameters of simulated customers")
struct SimulatedRecoveryTests {
    /// A BG/NBD customer observed for `T` weeks: purchase rate λ, drop-out probability p after each repeat
    /// purchase; also the mean of their repeat spends, each ~ Gamma(shape `spendShape`, rate ν).
    static func customer(
        id: Int, T: Double, lambda: Double, dropout: Double, spendShape: Double, spendRate: Double,
        using random: inout SplitMix64
    ) -> CustomerSummary {
        var time = 0.0
        var purchases: [Double] = []
        while true {
            time += -log(1 - random.unit()) / lambda
            guard time <= T else { break }
            purchases.append(time)
            if random.unit() < dropout { break }
        }
        let spends = purchases.map { _ in gamma(shape: spendShape, using: &random) / spendRate }
        return CustomerSummary(
            id: String(id), repeatCount: purchases.count, tX: purchases.last ?? 0, T: T,
            meanRepeatSpend: spends.isEmpty ? 0 : spends.reduce(0, +) / Double(spends.count))
    }

    /// Gamma(shape, 1) by Marsaglia and Tsang (2000), boosted for shape < 1.
    static func gamma(shape: Double, using random: inout SplitMix64) -> Double {
        if shape < 1 {
            return gamma(shape: shape + 1, using: &random) * pow(max(random.unit(), 0x1p-53), 1 / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            let u1 = max(random.unit(), 0x1p-53)
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * random.unit())
            let v = pow(1 + c * normal, 3)
            guard v > 0 else { continue }
            if log(max(random.unit(), 0x1p-53)) < normal * normal / 2 + d - d * v + d * log(v) { return d * v }
        }
    }

    static func beta(_ a: Double, _ b: Double, using random: inout SplitMix64) -> Double {
        let x = gamma(shape: a, using: &random)
        return x / (x + gamma(shape: b, using: &random))
    }

    static let truth = (r: 0.5, alpha: 5.0, a: 0.8, b: 2.5, p: 6.0, q: 4.0, gamma: 15.0)

    static let customers: [CustomerSummary] = {
        var random = SplitMix64(seed: 2005)
        return (1...10_000).map { id in
            let lambda = gamma(shape: truth.r, using: &random) / truth.alpha
            let dropout = beta(truth.a, truth.b, using: &random)
            let spendRate = gamma(shape: truth.q, using: &random) / truth.gamma
            let weeks = Double(Int(random.unit() * 39 * 7)) / 7  // first purchases spread over 39 weeks
            return customer(
                id: id, T: weeks, lambda: lambda, dropout: dropout, spendShape: truth.p, spendRate: spendRate,
                using: &random)
        }
    }()

    static func relativeError(_ estimate: Double, _ truth: Double) -> Double { abs(estimate / truth - 1) }

    @Test("BG/NBD on 10,000 simulated customers: r and α within 10 %, a and b within 25 %")
    func bgnbd() {
        let fit = BGNBD.fit(Self.customers)
        let p = fit.parameters
        #expect(fit.converged)
        #expect(Self.relativeError(p.r, Self.truth.r) < 0.10 && Self.relativeError(p.alpha, Self.truth.alpha) < 0.10,
            "\(p)")
        #expect(Self.relativeError(p.a, Self.truth.a) < 0.25 && Self.relativeError(p.b, Self.truth.b) < 0.25, "\(p)")
        let truth = BGNBDParameters(r: Self.truth.r, alpha: Self.truth.alpha, a: Self.truth.a, b: Self.truth.b)
        #expect(fit.logLikelihood >= BGNBD.logLikelihood(truth, Self.customers))
    }

    /// q and γ lie on a ridge (γ/(q−1) is what the data pin down), so they get more room than the population mean.
    @Test("Gamma-Gamma on the same customers' spend: p within 15 %, q and γ within 25 %, the mean spend within 5 %")
    func gammaGamma() throws {
        let fit = GammaGamma.fit(Self.customers)
        let g = fit.parameters
        #expect(fit.converged)
        #expect(Self.relativeError(g.p, Self.truth.p) < 0.15, "\(g)")
        #expect(Self.relativeError(g.q, Self.truth.q) < 0.25 && Self.relativeError(g.gamma, Self.truth.gamma) < 0.25,
            "\(g)")
        let mean = try #require(g.populationMeanSpend)
        #expect(Self.relativeError(mean, Self.truth.p * Self.truth.gamma / (Self.truth.q - 1)) < 0.05, "\(mean)")
        // Spend is independent of frequency by construction.
        #expect(abs(GammaGamma.frequencySpendCorrelation(Self.customers) ?? 1) < 0.05)
    }
}
