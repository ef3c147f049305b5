import Analytics
import SeededRandom
import Testing

@Suite("k-means")
struct KMeansTests {
    /// Our inertia may be lower than scikit-learn's, never more than 0.5 % above it.
    static let inertiaTolerance = 1.005
    /// The default, and the same budget as the reference's `n_init=20`. At 10 restarts both implementations land
    /// above 0.5 % now and then for a k beyond the data's structure (k = 6 on four blobs; docs/analytics.md).
    static let restarts = 20

    @Test("inertia within 0.5 % of scikit-learn's (n_init=20) on the fixtures, as given and standardised",
          arguments: ["blobs", "anisotropic", "varied"])
    func inertiaMatchesScikitLearn(name: String) throws {
        let dataSet = try #require(try ClusteringReferences.load().datasets.first { $0.name == name })
        let features = try dataSet.features()
        for (data, references) in [(features, dataSet.perK), (try features.standardized(), dataSet.perKStandardized)] {
            for reference in references {
                var random = SplitMix64(seed: 7)
                let fit = KMeans(clusterCount: reference.k, restarts: Self.restarts).fit(data, using: &random)
                #expect(fit.inertia <= reference.inertia * Self.inertiaTolerance,
                        "\(name) k=\(reference.k): \(fit.inertia) vs scikit-learn \(reference.inertia)")
                #expect(fit.converged)
            }
        }
    }

    @Test("inertia within 0.5 % of scikit-learn's on the CDNOW sample's standardised log-RFM features")
    func inertiaMatchesScikitLearnOnCDNOW() throws {
        let references = try ClusteringReferences.load().cdnow
        let data = try CDNOWFeatures.load()
        #expect(data.rowCount == references.rows)
        for reference in references.perK {
            var random = SplitMix64(seed: 7)
            let fit = KMeans(clusterCount: reference.k, restarts: Self.restarts).fit(data, using: &random)
            #expect(fit.inertia <= reference.inertia * Self.inertiaTolerance,
                    "CDNOW k=\(reference.k): \(fit.inertia) vs scikit-learn \(reference.inertia)")
        }
    }

    @Test("the inertia is the sum of squared distances to the nearest centroid, and every row is at its nearest")
    func inertiaIsConsistentWithLabels() throws {
        let data = try #require(try ClusteringReferences.load().datasets.first).features()
        var random = SplitMix64(seed: 1)
        let fit = KMeans(clusterCount: 4).fit(data, using: &random)
        var total = 0.0
        for row in 0..<data.rowCount {
            let distances = (0..<4).map { centre in
                (0..<data.columnCount).reduce(0.0) {
                    let difference = data[row, $1] - fit.centroids[centre * data.columnCount + $1]
                    return $0 + difference * difference
                }
            }
            #expect(distances[fit.labels[row]] == distances.min())
            total += distances[fit.labels[row]]
        }
        #expect(abs(total - fit.inertia) <= 1e-9 * fit.inertia)
    }

    @Test("labels are numbered by first appearance in row order")
    func labelsNumberedByFirstAppearance() throws {
        let data = try #require(try ClusteringReferences.load().datasets.first).features()
        for seed: UInt64 in [1, 2, 3] {
            var random = SplitMix64(seed: seed)
            let labels = KMeans(clusterCount: 5).fit(data, using: &random).labels
            var next = 0
            for label in labels where label >= next {
                #expect(label == next)
                next += 1
            }
            #expect(next == 5)
        }
    }

    @Test("the same seed gives the same fit; another seed the same partition on well-separated blobs")
    func deterministic() throws {
        let data = try #require(try ClusteringReferences.load().datasets.first).features()
        var first = SplitMix64(seed: 99)
        var second = SplitMix64(seed: 99)
        var other = SplitMix64(seed: 100)
        let fit = KMeans(clusterCount: 4).fit(data, using: &first)
        #expect(fit == KMeans(clusterCount: 4).fit(data, using: &second))
        #expect(fit.labels == KMeans(clusterCount: 4).fit(data, using: &other).labels)
    }

    @Test("duplicate rows and fewer distinct rows than k still give a valid fit")
    func duplicateRows() {
        let data = FeatureMatrix(
            ids: (0..<6).map { "r\($0)" }, featureNames: ["x"], values: [0, 0, 0, 5, 5, 5])
        var random = SplitMix64(seed: 3)
        let two = KMeans(clusterCount: 2).fit(data, using: &random)
        #expect(two.labels == [0, 0, 0, 1, 1, 1])
        #expect(two.inertia == 0)
        let three = KMeans(clusterCount: 3).fit(data, using: &random)
        #expect(three.inertia == 0)
        #expect(three.labels.count == 6)
    }
}
