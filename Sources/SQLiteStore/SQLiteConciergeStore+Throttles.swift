import ConciergeCore
import Foundation
import GRDB

/// Throttle counters (`ThrottleStore`): one row per key, `count` events in a window that ends at `expiresAt`.
extension SQLiteConciergeStore {
    /// One statement: the upsert opens a window, adds to an open one, or starts a closed one again at 1, and
    /// `RETURNING` reads the result, all under SQLite's write lock. (`SET` expressions read the row as it was before the update.)
    public func incrementThrottle(key: String, now: Date, window: TimeInterval) async throws -> ThrottleWindow {
        guard SQLText.isBindable(key) else { throw StoreError.unstorableText(collection: .throttles) }
        let closes = now.addingTimeInterval(window)
        return try await database.mappedWrite { db in
            let row = try Row.fetchOne(db, sql: """
                INSERT INTO throttles (id, count, expiresAt) VALUES (?, 1, ?)
                ON CONFLICT (id) DO UPDATE SET
                    count = CASE WHEN throttles.expiresAt <= ? THEN 1 ELSE throttles.count + 1 END,
                    expiresAt = CASE WHEN throttles.expiresAt <= ? THEN excluded.expiresAt ELSE throttles.expiresAt END
                RETURNING count, expiresAt
                """, arguments: [key, closes, now, now])
            guard let row else { throw StoreError.corrupt(collection: .throttles, detail: "upsert returned no row") }
            return ThrottleWindow(key: key, count: row["count"], expiresAt: row["expiresAt"])
        }
    }

    public func throttle(key: String, now: Date) async throws -> ThrottleWindow? {
        guard SQLText.isBindable(key) else { return nil }
        return try await database.mappedRead { db in
            try Row.fetchOne(db, sql: "SELECT count, expiresAt FROM throttles WHERE id = ? AND expiresAt > ?",
                             arguments: [key, now])
                .map { ThrottleWindow(key: key, count: $0["count"], expiresAt: $0["expiresAt"]) }
        }
    }

    public func clearThrottle(key: String) async throws {
        guard SQLText.isBindable(key) else { return }
        try await database.mappedWrite { db in
            try db.execute(sql: "DELETE FROM throttles WHERE id = ?", arguments: [key])
        }
    }

    @discardableResult
    public func purgeExpiredThrottles(now: Date) async throws -> Int {
        try await database.mappedWrite { db in
            try db.execute(sql: "DELETE FROM throttles WHERE expiresAt <= ?", arguments: [now])
            return db.changesCount
        }
    }
}
