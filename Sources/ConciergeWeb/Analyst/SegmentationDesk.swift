import Analytics

/// The segmentation runs as the web sees them (`/admin/segmentation`, `/admin/api/segmentation/runs`). A separate
/// port from `AnalystDesk`: a desk without runs (the web tests' in-memory desk) answers those routes with 503 "not
/// configured", like a server without an analyst desk at all.
public protocol SegmentationDesk: Sendable {
    /// Clusters the store's customers on today's as-of date with `configuration`, retrieves and checks a play for
    /// every accepted segment, stores the run and returns it. Throws `SegmentationDeskError`.
    func startSegmentationRun(_ configuration: SegmentationConfiguration, requestedBy: String) async throws
        -> SegmentationRunReport
    /// A stored run; `nil` for an unknown id.
    func segmentationRun(id: String) async throws -> SegmentationRunReport?
    /// The newest `limit` runs, newest first.
    func segmentationRuns(limit: Int) async throws -> [SegmentationRunReport]
}

/// What a run may be refused for besides store failures.
public enum SegmentationDeskError: Error, Equatable, Sendable {
    /// The configuration or the data cannot make a run; the reason is safe to show (options and counts only).
    case invalid(String)
    /// This analyst already has a run in progress.
    case alreadyRunning
}
