import SeededRandom

/// The store's history in the pure module's terms (pseudonymous ids; orders carry their habits).
public struct SegmentationInput: Sendable {
    public var customers: [String]
    public var orders: [FeatureOrder]
    public var refunds: [FeatureRefund]
    public var events: [FeatureEvent]

    public init(customers: [String], orders: [FeatureOrder], refunds: [FeatureRefund], events: [FeatureEvent]) {
        self.customers = customers
        self.orders = orders
        self.refunds = refunds
        self.events = events
    }

    func features(asOf: CalendarDay) -> SegmentationFeatureTable {
        SegmentationFeatures.compute(customers: customers, orders: orders, refunds: refunds, events: events,
                                     asOf: asOf)
    }
}

/// Machine-learned segments that must prove they are stable (docs/analytics.md, "Segmentation run"): cluster the
/// buyers' standardised features for every k in the range (`ClusterAnalysis`: k-means++, restarts, silhouette
/// argmax), test every cluster by bootstrap, feature drop and earlier windows, gate it by `SegmentGate`, validate
/// its size, and describe the survivors in business words with a metric snapshot.
///
/// Every draw comes from `SplitMix64(seed:)` forked per purpose (`ClusterAnalysis`'s `"kmeans k=…"` and
/// `"silhouette"` for the run and each perturbed refit, `"bootstrap"` for the resamples): the same input and seed
/// give the same result, byte for byte.
public struct SegmentationRun: Sendable {
    public var configuration: SegmentationConfiguration

    public init(configuration: SegmentationConfiguration = .init()) { self.configuration = configuration }

    /// `runID` names the run in segment ids (`ml-<runID>-<label>`); callers pass a stored run's id, the default
    /// is the as-of date and seed, so a re-run of the same question has the same ids.
    public func run(_ input: SegmentationInput, asOf: CalendarDay, runID: String? = nil)
        throws(SegmentationError) -> SegmentationResult
    {
        try configuration.validate()
        let table = input.features(asOf: asOf)
        let scaler = Standardizer(table.matrix)
        let data = scaler.apply(table.matrix)
        let report = try cluster(data)
        let k = report.chosenK
        let root = SplitMix64(seed: configuration.seed)
        let kMeans = KMeans(clusterCount: k, restarts: configuration.restarts)
        var random = root.fork("bootstrap")
        let boot = ClusterBootstrap.run(data, labels: report.labels, kMeans: kMeans,
                                        resamples: configuration.bootstrapResamples, using: &random)
        let drops = featureDrop(data, labels: report.labels, clusterCount: k)
        let windows = windowFigures(input, asOf: asOf, current: table.matrix, labels: report.labels,
                                    clusterCount: k)
        let stability = (0..<k).map { cluster in
            SegmentGate.figures(bootstrap: boot.perCluster[cluster], featureDrop: drops.map { $0[cluster] },
                                windows: windows.map { $0[cluster] })
        }
        let describer = SegmentDescriber(table: table, standardized: data, labels: report.labels, clusterCount: k,
                                         asOf: asOf, runID: runID ?? "\(asOf.compact)-s\(configuration.seed)")
        let segments = (0..<k).map { cluster in
            describer.segment(cluster, stability: stability[cluster], configuration: configuration)
        }
        return SegmentationResult(
            runID: describer.runID, asOf: asOf.description, configuration: configuration,
            features: SegmentationFeatures.groups, customersClustered: table.profiles.count,
            customersWithoutPurchase: table.withoutPurchase, chosenK: k,
            perK: report.perK.map { .init(k: $0.k, inertia: $0.inertia, silhouette: $0.silhouette) },
            silhouetteRows: report.silhouetteRows, bootstrapARI: boot.meanARI, mainCurrency: describer.mainCurrency,
            segments: segments, labels: Dictionary(uniqueKeysWithValues: zip(table.matrix.ids, report.labels)))
    }

    private func cluster(_ data: FeatureMatrix) throws(SegmentationError) -> ClusterReport {
        do { return try analysis(silhouetteRows: Silhouette.exactRowLimit).run(data) } catch {
            throw .data("\(data.rowCount) customers with a purchase: \(error.description)")
        }
    }

    /// The clustering a perturbed data set gets: the same k range and silhouette choice as the run itself.
    /// Re-choosing k matters: at a fixed k, dropping the group that set one cluster apart frees a centre, which
    /// then splits an innocent cluster, and the innocent one would be punished for it.
    private func analysis(silhouetteRows: Int, restarts: Int? = nil) -> ClusterAnalysis {
        ClusterAnalysis(kMin: configuration.kMin, kMax: configuration.kMax, seed: configuration.seed,
                        restarts: restarts ?? configuration.restarts, bootstrapResamples: 0,
                        silhouetteRowLimit: silhouetteRows)
    }

    /// Perturbed refits (ten of them per run: eight feature drops, two windows, each over the whole k range) score
    /// the silhouette on a smaller sample and use the minimum of 10 restarts: they only have to find the
    /// clusters again, and the O(n²) silhouette and the restarts are most of a large run's time.
    static let perturbedSilhouetteRows = 2_000
    static let perturbedRestarts = 10

    private var perturbed: ClusterAnalysis {
        analysis(silhouetteRows: Self.perturbedSilhouetteRows,
                 restarts: min(configuration.restarts, Self.perturbedRestarts))
    }

    /// For every feature group: cluster again without its columns, then every cluster's best match.
    private func featureDrop(_ data: FeatureMatrix, labels: [Int], clusterCount: Int) -> [[FeatureDropFigure]] {
        SegmentationFeatures.groups.map { group in
            let refit = try? perturbed.run(data.dropping(columns: Set(group.columns)))
            let matches = ClusterMatching.bestJaccard(reference: labels, clusterCount: clusterCount,
                                                      other: refit?.labels ?? labels.map { _ in nil })
            return matches.map { FeatureDropFigure(group: group.name, jaccard: $0 ?? 0) }
        }
    }

    /// For every earlier as-of date: recompute the features on that date, standardise and cluster them as the run
    /// does, then classify **today's** customers with that clustering (today's features in that date's units,
    /// nearest centre) and match today's clusters against it. Classifying today's customers, rather than comparing
    /// the customers both dates share, lets a "new customers" segment be tested too: its members did not exist
    /// then, but the earlier date had new customers of its own, and its clustering has a place for them.
    private func windowFigures(_ input: SegmentationInput, asOf: CalendarDay, current: FeatureMatrix, labels: [Int],
                               clusterCount: Int) -> [[WindowFigure]] {
        configuration.windowDaysBefore.map { days in
            let date = asOf.adding(days: -days)
            let past = input.features(asOf: date).matrix
            let scaler = Standardizer(past)
            let scaled = scaler.apply(past)
            guard let report = try? perturbed.run(scaled) else {
                // Too few buyers on that date for the k range: the window cannot vouch for anything.
                let unknown = WindowFigure(daysBefore: days, asOf: date.description, jaccard: nil)
                return [WindowFigure](repeating: unknown, count: clusterCount)
            }
            let centroids = report.clusterMeans(of: scaled).flatMap { $0 }
            let classified = scaler.apply(current).nearest(centroids)
            let matches = ClusterMatching.bestJaccard(reference: labels, clusterCount: clusterCount,
                                                      other: classified)
            return matches.map { WindowFigure(daysBefore: days, asOf: date.description, jaccard: $0 ?? 0) }
        }
    }
}

extension CalendarDay {
    /// `YYYYMMDD`.
    var compact: String { description.filter { $0 != "-" } }
}
