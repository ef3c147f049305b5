import Analytics
import Foundation
import TestSupport

/// Hand-made snapshots for the service tests (the figures of the Analytics tests' `InsightFixtures`).
enum Examples {
    static let asOf = "2026-11-30"

    /// The Analytics tests' hand-made snapshots (`Tests/AnalyticsTests/Fixtures/insight-snapshots.json`): one file,
    /// so both test targets check the same figures.
    static let snapshots: [String: SegmentSnapshot] = {
        let url = RepositoryPaths.root.appendingPathComponent("Tests/AnalyticsTests/Fixtures/insight-snapshots.json")
        return try! JSONDecoder().decode([String: SegmentSnapshot].self, from: Data(contentsOf: url))
    }()

    static let chain = snapshots["chain"]!
    static let champions = snapshots["champions"]!
    static let atRisk = snapshots["atRisk"]!
    static let highValueActive = snapshots["highValueActive"]!

    static let known = [champions, atRisk, highValueActive]
}
