import Foundation

/// A stored segmentation run: the result (with every customer's label) and the play of every accepted segment.
/// Stored as canonical JSON (`SegmentationRunStore`) and exported as it is.
public struct SegmentationRunReport: Codable, Hashable, Sendable {
    /// Also `result.runID`, so segment ids are `ml-<id>-<label>`.
    public var id: String
    /// ISO 8601, UTC, whole seconds.
    public var createdAt: String
    public var asOf: String
    public var result: SegmentationResult
    /// By segment id, accepted segments only.
    public var plays: [String: SegmentPlay]

    public init(id: String, createdAt: String, result: SegmentationResult, plays: [String: SegmentPlay]) {
        self.id = id
        self.createdAt = createdAt
        asOf = result.asOf
        self.result = result
        self.plays = plays
    }

    /// The accepted segments' snapshots (source `.ml`): what the overview lists beside the rule segments.
    public var acceptedSnapshots: [SegmentSnapshot] { result.acceptedSnapshots }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public static func decode(_ json: String) throws -> SegmentationRunReport {
        try JSONDecoder().decode(SegmentationRunReport.self, from: Data(json.utf8))
    }

    /// The run id inside an ML segment id `ml-<runID>-<label>`, or `nil` for any other id.
    public static func runID(ofSegment id: String) -> String? {
        guard id.hasPrefix("ml-"), let dash = id.lastIndex(of: "-") else { return nil }
        let runID = id[id.index(id.startIndex, offsetBy: 3)..<dash]
        guard !runID.isEmpty, !id[id.index(after: dash)...].isEmpty,
              id[id.index(after: dash)...].allSatisfy(\.isNumber) else { return nil }
        return String(runID)
    }
}
