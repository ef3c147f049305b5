import Analytics
import Foundation
import Testing

/// The published CDNOW figures (Fader, Hardie & Lee 2005; Fader & Hardie's Gamma-Gamma note), reproduced from the
/// raw 2,357-customer sample with calibration weeks 1–39 (to 1997-09-30).
@Suite("CDNOW known answers")
struct CDNOWKnownAnswerTests {
    static let published = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)

    static func summaries() throws -> [CustomerSummary] {
        TransactionSummary.summarize(try CDNOWData.sampleTransactions(), calibrationEnd: CDNOWData.calibrationEnd)
    }

    /// Half up at the cents, as the published files are rounded (22.345 → 22.35), whatever the binary error.
    static func cents(_ value: Double) -> Double {
        ((value * 100) + 0.5 + 1e-6).rounded(.down) / 100
    }

    @Test("the summary of CDNOW_sample.txt is cdnow_customers_summary.csv, customer by customer")
    func summaryMatchesPublishedFile() throws {
        let summaries = try Self.summaries()
        let published = try CDNOWData.csvRows("cdnow_customers_summary.csv")
        try #require(summaries.count == 2357 && published.count == 2357)
        #expect(summaries.count { $0.repeatCount > 0 } == 946)
        for (mine, row) in zip(summaries, published) {
            #expect(mine.id == row[0])
            #expect(mine.repeatCount == Int(row[1]), "x of customer \(row[0])")
            #expect(Self.cents(mine.tX) == Double(row[2]), "tX of customer \(row[0])")
            #expect(Self.cents(mine.T) == Double(row[3]), "T of customer \(row[0])")
        }
    }

    @Test("z̄ (mean spend of the repeat purchase-days) is cdnow_customers_summary_with_transactions.csv's")
    func meanRepeatSpendMatchesPublishedFile() throws {
        let summaries = try Self.summaries()
        let published = try CDNOWData.csvRows("cdnow_customers_summary_with_transactions.csv")
        try #require(published.count == summaries.count)
        for (mine, row) in zip(summaries, published) {
            #expect(mine.id == row[0])
            #expect(mine.repeatCount == Int(row[1]))
            #expect(Self.cents(mine.meanRepeatSpend) == Double(row[4]), "zbar of customer \(row[0])")
        }
    }

    @Test("the BG/NBD log-likelihood at the published parameters is −9582.4")
    func logLikelihoodAtPublishedParameters() throws {
        let ll = BGNBD.logLikelihood(Self.published, try Self.summaries())
        #expect(abs(ll - -9582.4) < 0.05, "LL \(ll)")
    }

    @Test("the BG/NBD fit reproduces r = 0.243, α = 4.414, a = 0.793, b = 2.426")
    func fitMatchesPublishedParameters() throws {
        let summaries = try Self.summaries()
        let fit = BGNBD.fit(summaries)
        let p = fit.parameters
        #expect(fit.converged)
        #expect(abs(p.r - 0.243) <= 0.005 && abs(p.a - 0.793) <= 0.005, "r \(p.r), a \(p.a)")
        #expect(abs(p.alpha - 4.414) <= 0.02 && abs(p.b - 2.426) <= 0.02, "alpha \(p.alpha), b \(p.b)")
        #expect(fit.logLikelihood >= BGNBD.logLikelihood(Self.published, summaries), "the maximum is at least as high")
        #expect(abs(fit.logLikelihood - -9582.43) < 0.01, "LL \(fit.logLikelihood)")
    }

    @Test("the paper's worked example: E[Y(39) | x = 2, tₓ = 30.43, T = 38.86] = 1.226")
    func workedExample() throws {
        let expected = try #require(BGNBD.expectedPurchases(Self.published, weeks: 39, x: 2, tX: 30.43, T: 38.86))
        #expect((expected * 1000).rounded() == 1226, "E[Y(39)] \(expected)")
    }

    @Test("Gamma-Gamma on the 946 repeat customers of the published file: p 6.25, q 3.74, γ 15.44, LL −4055.92")
    func gammaGammaOnPublishedFile() throws {
        let summaries = try CDNOWData.csvRows("cdnow_customers_summary_with_transactions.csv").map { row in
            CustomerSummary(
                id: row[0], repeatCount: Int(row[1])!, tX: Double(row[2])!, T: Double(row[3])!,
                meanRepeatSpend: Double(row[4])!)
        }
        let fit = GammaGamma.fit(summaries)
        Self.expectPublishedGammaGamma(fit)
        let correlation = try #require(GammaGamma.frequencySpendCorrelation(summaries))
        #expect(abs(correlation - 0.1139) < 0.0005, "corr(x, zbar) \(correlation)")
    }

    @Test("Gamma-Gamma on our own summary of the raw sample gives the same answer")
    func gammaGammaOnOwnSummary() throws {
        let fit = GammaGamma.fit(try Self.summaries())
        Self.expectPublishedGammaGamma(fit)
    }

    static func expectPublishedGammaGamma(_ fit: GammaGammaFit) {
        let g = fit.parameters
        #expect(fit.converged)
        #expect(fit.customerCount == 946)
        #expect(abs(g.p - 6.25) <= 0.05 && abs(g.q - 3.74) <= 0.05 && abs(g.gamma - 15.44) <= 0.05, "\(g)")
        #expect(abs(fit.logLikelihood - -4055.92) < 0.01, "LL \(fit.logLikelihood)")
    }
}
