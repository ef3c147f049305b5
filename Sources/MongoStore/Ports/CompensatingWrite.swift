import ConciergeCore
import Foundation
import Logging

/// Multi-document writes without transactions (the test peer has none, and a standalone server neither):
/// snapshot every document the write may replace, write, and on failure delete what the write may have put
/// there and re-insert the snapshot, then rethrow the original error.
///
/// The snapshot is exact (BSON copies of the stored documents, not decoded values), so undoing restores
/// fields this version of the model does not know about.
struct CompensatingWrite {
    let connection: MongoConnection
    let logger: Logger

    /// Keeps `$in` lists and snapshot reads to a bounded size.
    private static let chunkSize = 500

    /// Replaces-or-inserts every record by `_id`, collection after collection.
    func upsert(_ batches: [EncodedBatch]) throws {
        let snapshots = try batches.map { try snapshot(of: $0) }
        for (position, batch) in batches.enumerated() {
            do {
                try connection.bulkWrite(batch.collection, batch.records.map(BulkWrite.upsert))
            } catch {
                for undo in (0...position).reversed() {
                    restore(batches[undo], to: snapshots[undo])
                }
                throw error
            }
        }
    }

    /// Makes `batch` the whole content of its collection.
    func replaceAll(with batch: EncodedBatch) throws {
        let previous = try connection.findDocuments(batch.collection, [:])
        do {
            try connection.delete(batch.collection, [:])
            try connection.bulkWrite(batch.collection, batch.records.map(BulkWrite.upsert))
        } catch {
            undo(batch.collection, "replaceAll") {
                try connection.delete(batch.collection, [:])
                try connection.bulkWrite(batch.collection, previous.map(BulkWrite.insert))
            }
            throw error
        }
    }

    private func snapshot(of batch: EncodedBatch) throws -> [BSONDocument] {
        try ids(of: batch).flatMap { ids in
            try connection.findDocuments(batch.collection, ["_id": .isIn(Array(ids))])
        }
    }

    private func restore(_ batch: EncodedBatch, to snapshot: [BSONDocument]) {
        undo(batch.collection, "upsert") {
            for ids in ids(of: batch) {
                try connection.delete(batch.collection, ["_id": .isIn(Array(ids))])
            }
            try connection.bulkWrite(batch.collection, snapshot.map(BulkWrite.insert))
        }
    }

    private func ids(of batch: EncodedBatch) -> [ArraySlice<BSONValue>] {
        batch.records.map(\.documentID).chunks(of: Self.chunkSize)
    }

    /// Best effort: a failing undo (the server went away) is logged, and the original error is what the
    /// caller gets.
    private func undo(_ collection: DataCollection, _ operation: String, _ body: () throws -> Void) {
        do {
            try body()
        } catch {
            logger.error(
                "mongo write could not be undone: the collection may hold part of it",
                metadata: ["operation": "\(operation)", "collection": "\(collection.rawValue)"])
        }
    }
}
