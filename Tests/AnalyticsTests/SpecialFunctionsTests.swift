import Analytics
import Foundation
import SeededRandom
import Testing

@Suite("Special functions, Nelder–Mead and the BG/NBD formulas")
struct SpecialFunctionsTests {
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-12) -> Bool {
        abs(a - b) <= relative * max(1, abs(a), abs(b))
    }

    @Test("ln Γ at known points")
    func logGamma() {
        #expect(SpecialFunctions.logGamma(1) == 0)
        #expect(Self.close(SpecialFunctions.logGamma(0.5), log(Double.pi.squareRoot())))
        #expect(Self.close(SpecialFunctions.logGamma(10), log(362_880)))
    }

    @Test("₂F₁ matches its closed forms and refuses where the series is undefined")
    func hypergeometric() throws {
        for z in [0.1, 0.5, 0.9, 0.99] {
            let log1 = try #require(SpecialFunctions.hypergeometric2F1(1, 1, 2, z))
            #expect(Self.close(log1, -log1p(-z) / z, relative: 1e-13), "₂F₁(1,1;2;\(z))")
            let binomial = try #require(SpecialFunctions.hypergeometric2F1(2.5, 0.7, 0.7, z))
            #expect(Self.close(binomial, pow(1 - z, -2.5), relative: 1e-13), "₂F₁(2.5,b;b;\(z))")
        }
        #expect(SpecialFunctions.hypergeometric2F1(1, 1, 0, 0.5) == nil)
        #expect(SpecialFunctions.hypergeometric2F1(1, 1, -2, 0.5) == nil)
        #expect(SpecialFunctions.hypergeometric2F1(1, 1, 2, 1) == nil)
    }

    /// The paper's equation 10 as written, with the plain ₂F₁ series: the reference for the transformed one.
    static func directExpectation(_ p: BGNBDParameters, t: Double, x: Int, tX: Double, T: Double) -> Double? {
        let xd = Double(x)
        let z = t / (p.alpha + T + t)
        guard let f = SpecialFunctions.hypergeometric2F1(p.r + xd, p.b + xd, p.a + p.b + xd - 1, z) else { return nil }
        let numerator = (p.a + p.b + xd - 1) / (p.a - 1) * (1 - pow((p.alpha + T) / (p.alpha + T + t), p.r + xd) * f)
        let odds = x > 0 ? p.a / (p.b + xd - 1) * pow((p.alpha + T) / (p.alpha + tX), p.r + xd) : 0
        return numerator / (1 + odds)
    }

    @Test("E[Y(t)] by the transformed series equals the paper's formula with the plain ₂F₁")
    func expectationMatchesDirectFormula() throws {
        let p = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        let q = BGNBDParameters(r: 1.7, alpha: 12, a: 2.5, b: 0.6)
        for parameters in [p, q] {
            for (x, tX, T) in [(0, 0.0, 38.86), (1, 1.71, 38.86), (2, 30.43, 38.86), (7, 20.0, 30.0), (0, 0.0, 0.0)] {
                for t in [1.0, 39, 78, 200] {
                    let mine = try #require(BGNBD.expectedPurchases(parameters, weeks: t, x: x, tX: tX, T: T))
                    let direct = try #require(Self.directExpectation(parameters, t: t, x: x, tX: tX, T: T))
                    #expect(Self.close(mine, direct, relative: 1e-9), "\(parameters) t \(t) x \(x): \(mine), \(direct)")
                }
            }
        }
    }

    @Test("E[Y(t)] is continuous through a = 1, where the paper's formula is 0/0")
    func expectationAtAEqualToOne() throws {
        let at = { (a: Double) in
            try #require(BGNBD.expectedPurchases(
                BGNBDParameters(r: 0.5, alpha: 5, a: a, b: 2), weeks: 39, x: 3, tX: 20, T: 38))
        }
        let below = try at(1 - 1e-7)
        let one = try at(1)
        let above = try at(1 + 1e-7)
        #expect(one.isFinite && one > 0)
        #expect(abs(one - below) < 1e-6 && abs(one - above) < 1e-6, "\(below) \(one) \(above)")
    }

    @Test("E[Y(0)] = 0, E[Y(t)] grows with t, P(alive) is 1 without repeat purchases and falls with silence")
    func shapes() throws {
        let p = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        #expect(BGNBD.expectedPurchases(p, weeks: 0, x: 2, tX: 30, T: 38) == 0)
        let horizons = try [1.0, 10, 39, 100, 520].map {
            try #require(BGNBD.expectedPurchases(p, weeks: $0, x: 2, tX: 30, T: 38))
        }
        #expect(horizons == horizons.sorted() && Set(horizons).count == horizons.count)
        #expect(BGNBD.probabilityAlive(p, x: 0, tX: 0, T: 38) == 1)
        let recent = BGNBD.probabilityAlive(p, x: 5, tX: 37, T: 38)
        let silent = BGNBD.probabilityAlive(p, x: 5, tX: 5, T: 38)
        #expect(recent > silent && silent > 0 && recent < 1)
        // A very frequent buyer long silent: the odds overflow, P(alive) is 0, not NaN.
        #expect(BGNBD.probabilityAlive(p, x: 5_000, tX: 0.1, T: 500) == 0)
        #expect(BGNBD.expectedPurchases(p, weeks: 39, x: 5_000, tX: 0.1, T: 500) == 0)
    }

    @Test("Nelder–Mead finds the Rosenbrock minimum, and twice the same way")
    func nelderMeadRosenbrock() {
        let rosenbrock = { (v: [Double]) in 100 * pow(v[1] - v[0] * v[0], 2) + pow(1 - v[0], 2) }
        let first = NelderMead().minimize(from: [-1.2, 1], rosenbrock)
        let second = NelderMead().minimize(from: [-1.2, 1], rosenbrock)
        #expect(first.converged)
        #expect(abs(first.point[0] - 1) < 1e-6 && abs(first.point[1] - 1) < 1e-6, "\(first.point)")
        #expect(first.point == second.point && first.evaluations == second.evaluations)
    }

    @Test("Nelder–Mead treats NaN as +∞ and stops at its iteration cap without claiming convergence")
    func nelderMeadEdges() {
        let walled = NelderMead().minimize(from: [3]) { v in v[0] < 1 ? .nan : (v[0] - 2) * (v[0] - 2) }
        #expect(abs(walled.point[0] - 2) < 1e-6)
        let capped = NelderMead(maxIterations: 5).minimize(from: [5, 5]) { v in v[0] * v[0] + v[1] * v[1] }
        #expect(!capped.converged)
    }
}
