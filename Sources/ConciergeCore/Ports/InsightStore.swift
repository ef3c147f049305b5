import Foundation

/// One stored version of a segment's written insight.
///
/// The store keeps the insight as `payload`, its JSON, without reading it: the insight's type belongs to the
/// analyst side (`Analytics.SegmentInsight`), which the core does not import, and the store needs only the key
/// (segment, version) and the time to order versions.
public struct InsightRecord: Codable, Hashable, Sendable {
    public var segmentID: String
    /// 1, 2, 3… per segment, assigned by the store.
    public var version: Int
    public var createdAt: Date
    /// The insight as JSON, written for this version (see `InsightStore.appendInsight`).
    public var payload: String

    public init(segmentID: String, version: Int, createdAt: Date, payload: String) {
        self.segmentID = segmentID
        self.version = version
        self.createdAt = createdAt
        self.payload = payload
    }
}

/// Versioned insights per segment. A refresh appends a version; old versions are kept, never replaced.
public protocol InsightStore: Sendable {
    /// Stores the segment's next version — 1 for its first, then one more than the highest stored — and returns
    /// it. `payload` is called with that version number (the insight records its own version) and may be called
    /// again with another number if a concurrent append took it first. Atomic: concurrent appends for one segment
    /// get distinct, consecutive versions and none is lost.
    func appendInsight(segmentID: String, createdAt: Date, payload: @escaping @Sendable (Int) throws -> String)
        async throws -> InsightRecord
    /// The segment's highest version, if it has one.
    func latestInsight(segmentID: String) async throws -> InsightRecord?
    /// Every version of the segment, newest (highest version) first.
    func insights(segmentID: String) async throws -> [InsightRecord]
}
