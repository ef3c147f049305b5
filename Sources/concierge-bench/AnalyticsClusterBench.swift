import Analytics
import ArgumentParser
import Foundation
import SeededRandom

/// `concierge-bench analytics-cluster`: the whole `concierge analytics cluster` computation (k range, restarts,
/// silhouette, bootstrap) on seeded synthetic segments, timed. Budget: 10,000 rows × 8 features, k 2…8, 20
/// restarts (the default), 20 resamples in under 30 s on a release build.
struct AnalyticsClusterBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics-cluster",
        abstract: "Time k-means, silhouette and bootstrap stability on synthetic customer segments."
    )

    @Option(help: "Rows to generate.")
    var rows: Int = 10_000

    @Option(help: "Features per row.")
    var features: Int = 8

    @Option(help: "Segments the rows are drawn from.")
    var segments: Int = 5

    @Option(name: .customLong("k-min"), help: "Smallest k.")
    var kMin: Int = 2

    @Option(name: .customLong("k-max"), help: "Largest k.")
    var kMax: Int = 8

    @Option(help: "k-means++ restarts per k.")
    var restarts: Int = 20

    @Option(help: "Bootstrap resamples.")
    var bootstrap: Int = 20

    @Option(help: "Random seed (data and clustering).")
    var seed: UInt64 = 42

    func run() throws {
        var random = SplitMix64(seed: seed).fork("bench data")
        let (data, segmentOfRow) = SyntheticSegments.generate(
            rows: rows, features: features, segments: segments, using: &random)
        let analysis = ClusterAnalysis(
            kMin: kMin, kMax: kMax, seed: seed, restarts: restarts, bootstrapResamples: bootstrap, standardize: true)
        let start = ContinuousClock.now
        let report = try analysis.run(data)
        let elapsed = ContinuousClock.now - start
        print(
            "\(rows) rows × \(features) features from \(segments) segments, k \(kMin)…\(kMax), "
                + "\(restarts) restarts, \(bootstrap) resamples, silhouette over \(report.silhouetteRows) rows, "
                + "seed \(seed)")
        for summary in report.perK {
            print(
                String(format: "  k %d: inertia %.1f, silhouette %.4f", summary.k, summary.inertia, summary.silhouette))
        }
        print(
            String(
                format: "chosen k %d, bootstrap ARI %.4f, ARI against the generating segments %.4f; total %.2f s",
                report.chosenK, report.bootstrapARI ?? .nan, AdjustedRandIndex.score(report.labels, segmentOfRow),
                Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
    }
}

/// Customer-like segments: Gaussian blobs of unequal sizes (shares 1 : 2 : … : segments) and spreads (0.5 to
/// 1.0), centres uniform in [−5, 5] per feature, each feature then on its own scale (×1 to ×100) so standardising
/// matters.
private enum SyntheticSegments {
    static func generate(rows: Int, features: Int, segments: Int, using random: inout SplitMix64)
        -> (FeatureMatrix, [Int])
    {
        let centres = (0..<segments).map { _ in (0..<features).map { _ in random.unit() * 10 - 5 } }
        let spreads = (0..<segments).map { 0.5 + 0.5 * Double($0) / Double(max(1, segments - 1)) }
        let scales = (0..<features).map { pow(100, Double($0) / Double(max(1, features - 1))) }
        let weights = (1...segments).map(Double.init)
        let totalWeight = weights.reduce(0, +)
        var values: [Double] = []
        var segmentOfRow: [Int] = []
        values.reserveCapacity(rows * features)
        for _ in 0..<rows {
            var draw = random.unit() * totalWeight
            var segment = 0
            while segment < segments - 1, draw >= weights[segment] {
                draw -= weights[segment]
                segment += 1
            }
            segmentOfRow.append(segment)
            for feature in 0..<features {
                values.append((centres[segment][feature] + spreads[segment] * random.gaussian()) * scales[feature])
            }
        }
        let ids = (0..<rows).map { "c\($0)" }
        let names = (0..<features).map { "f\($0 + 1)" }
        return (FeatureMatrix(ids: ids, featureNames: names, values: values), segmentOfRow)
    }
}

extension SplitMix64 {
    /// Standard normal (Box–Muller).
    fileprivate mutating func gaussian() -> Double {
        let u = max(unit(), 0x1p-53)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * unit())
    }
}
