import Analytics
import Foundation
import SeededRandom
import Testing

@Suite("cluster analysis")
struct ClusterAnalysisTests {
    static func blobs() throws -> FeatureMatrix {
        try #require(try ClusteringReferences.load().datasets.first { $0.name == "blobs" }).features()
    }

    /// The blob each row was drawn from.
    static func blobOfRow() throws -> [Int] {
        let blobs = try #require(try ClusteringReferences.load().datasets.first { $0.name == "blobs" })
        return try #require(blobs.silhouettes.first { $0.name == "truth" }).labels
    }

    @Test("finds the four blobs, stably, and the same report twice")
    func findsBlobs() throws {
        let analysis = ClusterAnalysis(kMin: 2, kMax: 6, seed: 42, bootstrapResamples: 5)
        let report = try analysis.run(try Self.blobs())
        #expect(report.chosenK == 4)
        #expect(report.perK.map(\.k) == [2, 3, 4, 5, 6])
        #expect(report.perK.map(\.silhouette).max() == report.perK[2].silhouette)
        #expect(try #require(report.bootstrapARI) > 0.95)
        #expect(AdjustedRandIndex.score(report.labels, try Self.blobOfRow()) > 0.95)
        #expect(report.clusterSizes.count == 4 && report.clusterSizes.reduce(0, +) == 360)
        #expect(report == (try analysis.run(try Self.blobs())))
    }

    @Test("the JSON has chosenK, perK, labels by id and bootstrapARI, in a fixed order")
    func json() throws {
        let data = FeatureMatrix(
            ids: ["z", "a", "m", "b", "q", "c"], featureNames: ["x", "y"],
            values: [0, 0, 0.1, 0, 0, 0.2, 9, 9, 9.2, 9, 9, 9.1])
        let report = try ClusterAnalysis(kMin: 2, kMax: 2, seed: 1, bootstrapResamples: 0).run(data)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(report), as: UTF8.self)
        #expect(text.hasPrefix("{\"bootstrapARI\":null,\"chosenK\":2,"))
        #expect(text.hasSuffix("\"labels\":{\"a\":0,\"b\":1,\"c\":1,\"m\":0,\"q\":1,\"z\":0},\"perK\":[{\"inertia\":"
            + "\(report.perK[0].inertia),\"k\":2,\"silhouette\":\(report.perK[0].silhouette)}]}"))
    }

    @Test("k is the silhouette argmax, the smaller k on a tie")
    func choice() {
        func summaries(_ silhouettes: [Double]) -> [ClusterReport.KSummary] {
            silhouettes.enumerated().map {
                .init(k: $0.offset + 2, inertia: 1, silhouette: $0.element, converged: true)
            }
        }
        #expect(ClusterAnalysis.chosenK(summaries([0.4, 0.6, 0.5])) == 3)
        #expect(ClusterAnalysis.chosenK(summaries([0.4, 0.6, 0.6, 0.1])) == 3)
        #expect(ClusterAnalysis.chosenK(summaries([0.7, 0.6, 0.7])) == 2)
        #expect(ClusterAnalysis.chosenK(summaries([-0.1])) == 2)
    }

    @Test("bad options and data too small for k are errors that name the option", arguments: [
        (ClusterAnalysis(kMin: 1, kMax: 3, seed: 0), "--k-min must be at least 2 (got 1)"),
        (ClusterAnalysis(kMin: 4, kMax: 3, seed: 0), "--k-min (4) must not exceed --k-max (3)"),
        (ClusterAnalysis(kMin: 2, kMax: 3, seed: 0, restarts: 0), "--restarts must be at least 1 (got 0)"),
        (ClusterAnalysis(kMin: 2, kMax: 3, seed: 0, bootstrapResamples: -1), "--bootstrap must be 0 or more (got -1)"),
        (ClusterAnalysis(kMin: 2, kMax: 6, seed: 0), "--k-max 6 needs at least 7 rows; the file has 6"),
        (ClusterAnalysis(kMin: 2, kMax: 5, seed: 0), "--k-max 5 needs at least 5 distinct rows; the file has 4"),
    ])
    func rejects(analysis: ClusterAnalysis, message: String) {
        let data = FeatureMatrix(ids: (1...6).map { "r\($0)" }, featureNames: ["x"], values: [1, 2, 3, 4, 4, 4])
        #expect(throws: ClusterAnalysisError.option(message)) { try analysis.run(data) }
    }

    @Test("--standardize refuses a constant column; without it the column is used as given")
    func constantColumn() throws {
        let data = FeatureMatrix(
            ids: (1...6).map { "r\($0)" }, featureNames: ["x", "flat"], values: [1, 5, 2, 5, 3, 5, 10, 5, 11, 5, 12, 5])
        #expect(throws: ClusterAnalysisError.features(.constantColumn("flat"))) {
            try ClusterAnalysis(kMin: 2, kMax: 2, seed: 0, standardize: true).run(data)
        }
        let report = try ClusterAnalysis(kMin: 2, kMax: 2, seed: 0, bootstrapResamples: 3).run(data)
        #expect(report.labels == [0, 0, 0, 1, 1, 1])
        #expect(report.bootstrapARI == 1)
    }
}
