import ConciergeCore
import Foundation

/// Stored segmentation runs (`SegmentationRunStore`): one document per run, `_id` the run id, so a second run with
/// the same id is refused by the `_id` index.
extension MongoConciergeStore {
    public func saveSegmentationRun(_ record: SegmentationRunRecord) async throws {
        try await run("saveSegmentationRun", .segmentationRuns) { connection in
            try connection.insertOne(.segmentationRuns, EncodedRecord(record))
        }
    }

    public func segmentationRun(id: String) async throws -> SegmentationRunRecord? {
        try await findAll(SegmentationRunRecord.self, ["_id": .string(id)], FindOptions(limit: 1), "segmentationRun")
            .first
    }

    public func segmentationRuns(limit: Int) async throws -> [SegmentationRunRecord] {
        guard limit > 0 else { return [] }
        let newestFirst = FindOptions(sort: ["createdAt": -1, "id": -1], limit: limit)
        return try await findAll(SegmentationRunRecord.self, [:], newestFirst, "segmentationRuns")
    }
}
