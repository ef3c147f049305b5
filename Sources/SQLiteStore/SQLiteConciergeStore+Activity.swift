import ConciergeCore
import Foundation
import GRDB

extension SQLiteConciergeStore {
    public func appendMessage(_ message: ChatMessage) async throws {
        try await database.mappedWrite { db in try message.insert(db) }
    }

    public func message(id: String, userID: String) async throws -> ChatMessage? {
        guard SQLText.areBindable(id, userID) else { return nil }
        return try await database.mappedRead { db in
            try ChatMessage.filter(Column("id") == id && Column("userID") == userID).fetchOne(db)
        }
    }

    public func messages(userID: String, conversationID: String, limit: Int) async throws -> [ChatMessage] {
        guard SQLText.areBindable(userID, conversationID) else { return [] }
        return try await database.mappedRead { db in
            try ChatMessage
                .filter(Column("userID") == userID && Column("conversationID") == conversationID)
                .order(Column("createdAt").desc, Column("id").desc)
                .limit(limit)
                .fetchAll(db)
                .reversed()
        }
    }

    public func conversations(userID: String) async throws -> [String] {
        try await database.mappedRead { db in
            try String.fetchAll(db, sql: """
                SELECT conversationID FROM messages WHERE userID = ?
                GROUP BY conversationID ORDER BY MAX(createdAt) DESC, conversationID
                """, arguments: [userID])
        }
    }

    public func insertSession(_ session: Session) async throws {
        try await database.mappedWrite { db in try session.insert(db) }
    }

    public func session(tokenHash: String, now: Date) async throws -> Session? {
        try await database.mappedRead { db in
            try Session.filter(Column("tokenHash") == tokenHash && Column("expiresAt") > now).fetchOne(db)
        }
    }

    public func touchSession(tokenHash: String, lastSeenAt: Date, expiresAt: Date) async throws {
        _ = try await database.mappedWrite { db in
            try Session.filter(Column("tokenHash") == tokenHash)
                .updateAll(db, Column("lastSeenAt").set(to: lastSeenAt), Column("expiresAt").set(to: expiresAt))
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        _ = try await database.mappedWrite { db in try Session.deleteOne(db, key: tokenHash) }
    }

    public func deleteSessions(userID: String) async throws {
        _ = try await database.mappedWrite { db in try Session.filter(Column("userID") == userID).deleteAll(db) }
    }

    @discardableResult
    public func purgeExpiredSessions(now: Date) async throws -> Int {
        try await database.mappedWrite { db in try Session.filter(Column("expiresAt") <= now).deleteAll(db) }
    }

    /// One statement: SQLite's upsert with `RETURNING` increments and reads back atomically.
    public func incrementUsage(userID: String, day: String, expiresAt: Date) async throws -> Int {
        try await database.mappedWrite { db in
            let count = try Int.fetchOne(db, sql: """
                INSERT INTO usage (userID, day, count, expiresAt) VALUES (?, ?, 1, ?)
                ON CONFLICT (userID, day) DO UPDATE SET count = count + 1, expiresAt = excluded.expiresAt
                RETURNING count
                """, arguments: [userID, day, expiresAt])
            return count ?? 0
        }
    }

    public func usage(userID: String, day: String) async throws -> Int {
        try await database.mappedRead { db in
            try Int.fetchOne(db, sql: "SELECT count FROM usage WHERE userID = ? AND day = ?", arguments: [userID, day])
                ?? 0
        }
    }
}

extension SQLiteConciergeStore {
    /// One UPDATE; the rows keep their text, only the trace column empties.
    @discardableResult
    public func expireTraces(createdBefore cutoff: Date) async throws -> Int {
        try await database.mappedWrite { db in
            try ChatMessage.filter(Column("createdAt") < cutoff && Column("trace") != nil)
                .updateAll(db, Column("trace").set(to: nil))
        }
    }

    @discardableResult
    public func deleteMessages(createdBefore cutoff: Date) async throws -> Int {
        try await database.mappedWrite { db in try ChatMessage.filter(Column("createdAt") < cutoff).deleteAll(db) }
    }
}
