import ConciergeCore
import Foundation
import GRDB

/// Versioned insights (`InsightStore`): one row per (segment, version), the insight's JSON in `payload`.
extension SQLiteConciergeStore {
    /// Reading the highest version and inserting the next happen in one write transaction, and SQLite runs one
    /// writer at a time, so concurrent appends queue up and each sees the version the previous one wrote.
    public func appendInsight(segmentID: String, createdAt: Date, payload: @escaping @Sendable (Int) throws -> String)
        async throws -> InsightRecord
    {
        guard SQLText.isBindable(segmentID) else { throw StoreError.unstorableText(collection: .insights) }
        return try await database.mappedWrite { db in
            let highest = try Int.fetchOne(
                db, sql: "SELECT MAX(version) FROM insights WHERE segmentID = ?", arguments: [segmentID]) ?? 0
            let record = InsightRecord(segmentID: segmentID, version: highest + 1, createdAt: createdAt,
                                       payload: try payload(highest + 1))
            guard SQLText.isBindable(record.payload) else { throw StoreError.unstorableText(collection: .insights) }
            try db.execute(
                sql: "INSERT INTO insights (segmentID, version, createdAt, payload) VALUES (?, ?, ?, ?)",
                arguments: [record.segmentID, record.version, record.createdAt, record.payload])
            return record
        }
    }

    public func latestInsight(segmentID: String) async throws -> InsightRecord? {
        try await insights(segmentID: segmentID, limit: 1).first
    }

    public func insights(segmentID: String) async throws -> [InsightRecord] {
        try await insights(segmentID: segmentID, limit: nil)
    }

    private func insights(segmentID: String, limit: Int?) async throws -> [InsightRecord] {
        guard SQLText.isBindable(segmentID) else { return [] }
        let sql = "SELECT segmentID, version, createdAt, payload FROM insights WHERE segmentID = ?"
            + " ORDER BY version DESC" + (limit.map { " LIMIT \($0)" } ?? "")
        return try await database.mappedRead { db in
            try Row.fetchAll(db, sql: sql, arguments: [segmentID]).map {
                InsightRecord(segmentID: $0["segmentID"], version: $0["version"], createdAt: $0["createdAt"],
                              payload: $0["payload"])
            }
        }
    }
}
