import Foundation

/// One stored segmentation run (the analyst side's `POST /admin/api/segmentation/runs`).
///
/// Like `InsightRecord`, the store keeps the run as `payload`, its JSON, without reading it: the run's type belongs
/// to the analyst side, which the core does not import. The store needs only the id, the time (to list runs newest
/// first) and the as-of date (to show it without decoding the payload).
public struct SegmentationRunRecord: Codable, Hashable, Sendable {
    public var id: String
    public var createdAt: Date
    /// `YYYY-MM-DD`: the date the run's features were computed on.
    public var asOf: String
    public var payload: String

    public init(id: String, createdAt: Date, asOf: String, payload: String) {
        self.id = id
        self.createdAt = createdAt
        self.asOf = asOf
        self.payload = payload
    }
}

/// Stored segmentation runs. A run is written once and never changed: a new question is a new run.
public protocol SegmentationRunStore: Sendable {
    /// Stores the run; an id already stored is refused with `StoreError.duplicate`.
    func saveSegmentationRun(_ record: SegmentationRunRecord) async throws
    /// The run with that id, if stored.
    func segmentationRun(id: String) async throws -> SegmentationRunRecord?
    /// The newest `limit` runs, newest first (by `createdAt`, then by id, descending).
    func segmentationRuns(limit: Int) async throws -> [SegmentationRunRecord]
}
