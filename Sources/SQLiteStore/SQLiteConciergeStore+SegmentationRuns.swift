import ConciergeCore
import Foundation
import GRDB

/// Stored segmentation runs (`SegmentationRunStore`): one row per run, its JSON in `payload`.
extension SQLiteConciergeStore {
    public func saveSegmentationRun(_ record: SegmentationRunRecord) async throws {
        guard [record.id, record.asOf, record.payload].allSatisfy(SQLText.isBindable) else {
            throw StoreError.unstorableText(collection: .segmentationRuns)
        }
        try await database.mappedWrite { db in
            try db.execute(
                sql: "INSERT INTO segmentation_runs (id, createdAt, asOf, payload) VALUES (?, ?, ?, ?)",
                arguments: [record.id, record.createdAt, record.asOf, record.payload])
        }
    }

    public func segmentationRun(id: String) async throws -> SegmentationRunRecord? {
        guard SQLText.isBindable(id) else { return nil }
        return try await runs(where: "WHERE id = ?", arguments: [id]).first
    }

    public func segmentationRuns(limit: Int) async throws -> [SegmentationRunRecord] {
        try await runs(where: "ORDER BY createdAt DESC, id DESC LIMIT ?", arguments: [max(0, limit)])
    }

    private func runs(where clause: String, arguments: StatementArguments) async throws -> [SegmentationRunRecord] {
        let sql = "SELECT id, createdAt, asOf, payload FROM segmentation_runs " + clause
        return try await database.mappedRead { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                SegmentationRunRecord(id: $0["id"], createdAt: $0["createdAt"], asOf: $0["asOf"],
                                      payload: $0["payload"])
            }
        }
    }
}
