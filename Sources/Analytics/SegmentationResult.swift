import Foundation

/// One business-worded trait of a segment: the feature group whose standardised centroid deviates, by how many
/// population SDs (signed: above or below the average customer), and the words, whose numbers are all metrics of the
/// segment's snapshot (`metricKeys`).
public struct SegmentTrait: Codable, Hashable, Sendable {
    public var group: String
    public var deviation: Double
    public var text: String
    public var metricKeys: [String]
}

/// One cluster of the chosen k: accepted (a segment) or rejected with its reasons.
public struct MLSegment: Codable, Hashable, Sendable {
    /// The cluster's label (numbered by first appearance in id order).
    public var label: Int
    /// `ml-<runID>-<label>`, also the snapshot's id.
    public var id: String
    public var name: String
    public var customers: Int
    /// Of the clustered customers.
    public var share: Double
    public var accepted: Bool
    /// Why it was rejected: stability, size, share or the value floor; empty when accepted.
    public var rejections: [String]
    public var stability: SegmentStabilityFigures
    /// The strongest deviations first.
    public var traits: [SegmentTrait]
    /// What the lead sends to the playbook-note retrieval for this segment (behaviour words, no numbers).
    public var playbookQuery: String
    /// The metrics the traits quote and an insight may use (source `.ml`).
    public var snapshot: SegmentSnapshot
}

/// What a segmentation run found. `json()` is canonical (sorted keys): the same input and seed give the same bytes.
public struct SegmentationResult: Codable, Hashable, Sendable {
    public struct KScore: Codable, Hashable, Sendable {
        public var k: Int
        public var inertia: Double
        public var silhouette: Double
    }

    public var runID: String
    public var asOf: String
    public var configuration: SegmentationConfiguration
    public var features: [SegmentationFeatureGroup]
    public var customersClustered: Int
    /// Not clustered: without an order there is no basket, habit or recency to group them by.
    public var customersWithoutPurchase: Int
    public var chosenK: Int
    public var perK: [KScore]
    public var silhouetteRows: Int
    /// Mean ARI of the bootstrap refits against the full-data partition (the overall figure; the gate is per cluster).
    public var bootstrapARI: Double
    /// The currency of the `money` metrics (the one most buyers pay in).
    public var mainCurrency: String
    /// Every cluster of the chosen k, by label.
    public var segments: [MLSegment]
    /// Pseudonymous customer id → cluster label.
    public var labels: [String: Int]

    public var accepted: [MLSegment] { segments.filter(\.accepted) }
    public var rejected: [MLSegment] { segments.filter { !$0.accepted } }
    /// The snapshots of the accepted segments: what the insight writer and the groundedness check consume.
    public var acceptedSnapshots: [SegmentSnapshot] { accepted.map(\.snapshot) }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
