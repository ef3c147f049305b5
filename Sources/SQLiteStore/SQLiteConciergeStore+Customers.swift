import ConciergeCore
import Foundation
import GRDB
import Retrieval

extension SQLiteConciergeStore {
    public func insertUser(_ user: User) async throws {
        let normalized = user.withNormalizedEmail()
        try await database.mappedWrite { db in try normalized.insert(db) }
    }

    @discardableResult
    public func updateUser(_ user: User) async throws -> Bool {
        let normalized = user.withNormalizedEmail()
        return try await database.mappedWrite { db in
            guard try User.exists(db, key: normalized.id) else { return false }
            try normalized.update(db)
            return true
        }
    }

    public func user(id: String) async throws -> User? {
        guard SQLText.areBindable(id) else { return nil }
        return try await database.mappedRead { db in try User.fetchOne(db, key: id) }
    }

    public func user(email: String) async throws -> User? {
        let normalized = User.normalizedEmail(email)
        guard SQLText.areBindable(normalized) else { return nil }
        return try await database.mappedRead { db in
            try User.filter(Column("email") == normalized).fetchOne(db)
        }
    }

    public func allShops() async throws -> [Shop] {
        try await database.mappedRead { db in try Shop.order(Column("id")).fetchAll(db) }
    }

    public func shop(id: String) async throws -> Shop? {
        guard SQLText.areBindable(id) else { return nil }
        return try await database.mappedRead { db in try Shop.fetchOne(db, key: id) }
    }

    public func orders(userID: String, limit: Int) async throws -> [Order] {
        try await database.mappedRead { db in
            try Order.filter(Column("userID") == userID)
                .order(Column("placedAt").desc, Column("id"))
                .limit(limit)
                .fetchAll(db)
        }
    }

    public func order(id: String) async throws -> Order? {
        guard SQLText.areBindable(id) else { return nil }
        return try await database.mappedRead { db in try Order.fetchOne(db, key: id) }
    }

    /// `scope` is the JSON of `CouponScope` (`{"kind": …, "value": …}`): the store test runs in SQLite, before
    /// any row is decoded.
    public func coupons(availableTo userID: String, atShops shopIDs: [String]) async throws -> [Coupon] {
        let shops = shopIDs.isEmpty ? "NULL" : Array(repeating: "?", count: shopIDs.count).joined(separator: ", ")
        return try await database.mappedRead { db in
            try Coupon.fetchAll(db, sql: """
                SELECT * FROM coupons
                WHERE ownerID = ?
                   OR (ownerID IS NULL
                       AND (json_extract(scope, '$.kind') <> 'store' OR json_extract(scope, '$.value') IN (\(shops))))
                ORDER BY code
                """, arguments: StatementArguments([userID] + shopIDs))
        }
    }

    public func coupon(code: String) async throws -> Coupon? {
        guard SQLText.areBindable(code) else { return nil }
        return try await database.mappedRead { db in try Coupon.fetchOne(db, key: code.uppercased()) }
    }

    public func events(userID: String) async throws -> [Event] {
        try await database.mappedRead { db in
            try Event.filter(Column("userID") == userID).order(Column("at"), Column("id")).fetchAll(db)
        }
    }

    public func replacePolicyChunks(_ chunks: [PolicyChunk]) async throws {
        try await database.mappedWrite { db in
            try PolicyChunkRow.deleteAll(db)
            for chunk in chunks { try PolicyChunkRow(chunk).insert(db) }
        }
    }

    public func policyChunks() async throws -> [PolicyChunk] {
        try await database.mappedRead { db in
            try PolicyChunkRow.order(Column("document"), Column("position")).fetchAll(db).map(\.body)
        }
    }
}

extension User {
    /// Stores only ever hold lower-cased e-mails, whoever built the value.
    func withNormalizedEmail() -> User {
        var copy = self
        copy.email = User.normalizedEmail(email)
        return copy
    }
}
