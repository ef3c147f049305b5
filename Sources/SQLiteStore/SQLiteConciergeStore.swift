import ConciergeCore
import Foundation
import GRDB

/// The embedded default store: one SQLite file in WAL mode, through GRDB.
///
/// GRDB runs every statement on its own serial writer queue or reader pool, never on Swift's cooperative
/// threads, so its async methods are safe to await from request handlers.
public final class SQLiteConciergeStore: ConciergeStore {
    let database: DatabasePool

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "concierge"
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            database = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(database)
        } catch {
            throw StoreError.unavailable("cannot open the SQLite database: \(type(of: error))")
        }
    }

    public func close() async throws {
        try database.close()
    }

    public func ping() async throws {
        _ = try await database.mappedRead { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    public func reset() async throws {
        try await database.mappedWrite { db in
            for collection in DataCollection.allCases {
                try db.execute(sql: "DELETE FROM \(collection.rawValue)")
            }
        }
    }

    public func counts() async throws -> CollectionCounts {
        try await database.mappedRead { db in
            var counts = CollectionCounts()
            for collection in DataCollection.allCases {
                counts[collection] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(collection.rawValue)") ?? 0
            }
            return counts
        }
    }

    /// One transaction: a constraint failure anywhere rolls back everything this call wrote.
    ///
    /// Users are saved (update, else insert) so that an e-mail taken by another id fails instead of replacing
    /// that user; every other table's only unique key is its primary key, where `INSERT OR REPLACE` is the same
    /// upsert in one statement (hand-offs aside: see below).
    public func upsert(_ data: DataSet) async throws {
        try await database.mappedWrite { db in
            for user in data.users { try user.withNormalizedEmail().save(db) }
            for record in data.shops { try record.insert(db, onConflict: .replace) }
            for record in data.orders { try record.insert(db, onConflict: .replace) }
            for record in data.coupons { try record.insert(db, onConflict: .replace) }
            for record in data.events { try record.insert(db, onConflict: .replace) }
            for record in data.policyChunks { try PolicyChunkRow(record).insert(db, onConflict: .replace) }
            for record in data.messages { try record.insert(db, onConflict: .replace) }
            for record in data.sessions { try record.insert(db, onConflict: .replace) }
            for record in data.usage { try record.insert(db, onConflict: .replace) }
            // Saved, not replaced: `INSERT OR REPLACE` would delete another open request of the same conversation
            // (the partial unique index) instead of failing.
            for record in data.handoffs { try record.save(db) }
        }
    }

    public func exportAll() async throws -> DataSet {
        try await database.mappedRead { db in
            DataSet(
                users: try User.fetchAll(db),
                shops: try Shop.fetchAll(db),
                orders: try Order.fetchAll(db),
                coupons: try Coupon.fetchAll(db),
                events: try Event.fetchAll(db),
                policyChunks: try PolicyChunkRow.fetchAll(db).map(\.body),
                messages: try ChatMessage.fetchAll(db),
                sessions: try Session.fetchAll(db),
                usage: try DailyUsage.fetchAll(db),
                handoffs: try HandoffRequest.fetchAll(db)
            ).canonical()
        }
    }
}
