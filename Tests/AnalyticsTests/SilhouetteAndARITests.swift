import Analytics
import SeededRandom
import Testing

@Suite("silhouette and adjusted Rand index")
struct SilhouetteAndARITests {
    @Test("the silhouette agrees with scikit-learn's to 1e-6 on stored labels",
          arguments: ["blobs", "anisotropic", "varied"])
    func silhouetteMatchesScikitLearn(name: String) throws {
        let dataSet = try #require(try ClusteringReferences.load().datasets.first { $0.name == name })
        let data = try dataSet.features()
        for labelling in dataSet.silhouettes {
            let score = try Silhouette.score(data, labels: labelling.labels)
            #expect(abs(score - labelling.silhouette) <= 1e-6, "\(name) \(labelling.name)")
        }
    }

    @Test("the ARI agrees with scikit-learn's to 1e-6 on stored labellings",
          arguments: ["blobs", "anisotropic", "varied"])
    func ariMatchesScikitLearn(name: String) throws {
        let dataSet = try #require(try ClusteringReferences.load().datasets.first { $0.name == name })
        for pair in dataSet.ari {
            #expect(abs(AdjustedRandIndex.score(pair.a, pair.b) - pair.ari) <= 1e-6, "\(name) \(pair.name)")
            #expect(abs(AdjustedRandIndex.score(pair.b, pair.a) - pair.ari) <= 1e-6, "\(name) \(pair.name) swapped")
        }
    }

    @Test("the ARI ignores label numbers")
    func ariIgnoresNumbering() {
        #expect(AdjustedRandIndex.score([0, 0, 1, 1, 2], [7, 7, -1, -1, 3]) == 1)
        #expect(AdjustedRandIndex.score([], []) == 1)
    }

    @Test("above the limit, the silhouette is the exact score of a fixed-seed sample")
    func sampledSilhouette() throws {
        let data = try #require(try ClusteringReferences.load().datasets.first).features()
        var random = SplitMix64(seed: 5)
        let labels = KMeans(clusterCount: 4).fit(data, using: &random).labels
        var sampling = SplitMix64(seed: 11)
        let sampled = try Silhouette.sampledScore(data, labels: labels, limit: 100, using: &sampling)
        var again = SplitMix64(seed: 11)
        let rows = Silhouette.sample(count: 100, from: data.rowCount, using: &again)
        #expect(rows.count == 100 && Set(rows).count == 100 && rows == rows.sorted())
        #expect(sampled == (try Silhouette.score(data.rows(rows), labels: rows.map { labels[$0] })))
        // At or below the limit it is the exact score, and draws nothing.
        var untouched = SplitMix64(seed: 11)
        let exact = try Silhouette.sampledScore(data, labels: labels, limit: data.rowCount, using: &untouched)
        #expect(exact == (try Silhouette.score(data, labels: labels)))
        var fresh = SplitMix64(seed: 11)
        #expect(untouched.next() == fresh.next())
        #expect(abs(sampled - exact) < 0.05)
    }

    @Test("the silhouette is undefined for one cluster or one row per cluster")
    func silhouetteUndefined() {
        let data = FeatureMatrix(ids: ["a", "b", "c"], featureNames: ["x"], values: [0, 1, 2])
        #expect(throws: SilhouetteError(clusterCount: 1, rowCount: 3)) { try Silhouette.score(data, labels: [4, 4, 4]) }
        #expect(throws: SilhouetteError(clusterCount: 3, rowCount: 3)) { try Silhouette.score(data, labels: [0, 1, 2]) }
        #expect((try? Silhouette.score(data, labels: [0, 0, 1])) != nil)
    }
}
