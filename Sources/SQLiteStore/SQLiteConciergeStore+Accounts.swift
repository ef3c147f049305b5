import ConciergeCore
import Foundation
import GRDB

/// What the account page reads and erases (`PersonalDataStore`) and password-reset tokens (`PasswordResetStore`).
extension SQLiteConciergeStore {
    public func handoffs(userID: String) async throws -> [HandoffRequest] {
        guard SQLText.isBindable(userID) else { return [] }
        return try await database.mappedRead { db in
            try HandoffRequest.filter(Column("userID") == userID).order(Column("createdAt"), Column("id")).fetchAll(db)
        }
    }

    public func usageCounters(userID: String) async throws -> [DailyUsage] {
        guard SQLText.isBindable(userID) else { return [] }
        return try await database.mappedRead { db in
            try DailyUsage.filter(Column("userID") == userID).order(Column("day")).fetchAll(db)
        }
    }

    /// One write transaction: either everything keyed by the user goes, or nothing does.
    @discardableResult
    public func eraseAccount(userID: String) async throws -> AccountErasure {
        guard SQLText.isBindable(userID) else { return AccountErasure() }
        return try await database.mappedWrite { db in
            var erasure = AccountErasure()
            let keyed: [(DataCollection, String)] = [
                (.sessions, "userID"), (.messages, "userID"), (.handoffs, "userID"), (.usage, "userID"),
                (.events, "userID"), (.coupons, "ownerID"), (.passwordResets, "userID"), (.secondFactors, "userID"), (.users, "id"),
            ]
            for (collection, column) in keyed {
                try db.execute(sql: "DELETE FROM \(collection.rawValue) WHERE \(column) = ?", arguments: [userID])
                erasure.removed[collection] = db.changesCount
            }
            // The sales record stays for tax law; the owner and the card's last four digits go.
            try db.execute(sql: """
                UPDATE orders SET userID = ?, payment = json_remove(payment, '$.last4') WHERE userID = ?
                """, arguments: [AccountErasure.anonymousOwner, userID])
            erasure.anonymisedOrders = db.changesCount
            return erasure
        }
    }

    public func insertPasswordReset(_ reset: PasswordReset) async throws {
        try await database.mappedWrite { db in try reset.insert(db) }
    }

    public func passwordReset(tokenHash: String, now: Date) async throws -> PasswordReset? {
        guard SQLText.isBindable(tokenHash) else { return nil }
        return try await database.mappedRead { db in
            try PasswordReset.filter(Column("tokenHash") == tokenHash && Column("usedAt") == nil
                                     && Column("expiresAt") > now).fetchOne(db)
        }
    }

    /// One `UPDATE … RETURNING` under SQLite's write lock: only an unused, unexpired token matches, so of two
    /// concurrent calls the second finds it used.
    @discardableResult
    public func purgeUnusablePasswordResets(now: Date) async throws -> Int {
        try await database.mappedWrite { db in
            try PasswordReset.filter(Column("expiresAt") <= now || Column("usedAt") != nil).deleteAll(db)
        }
    }

    public func consumePasswordReset(tokenHash: String, now: Date) async throws -> PasswordReset? {
        guard SQLText.isBindable(tokenHash) else { return nil }
        return try await database.mappedWrite { db in
            try PasswordReset.fetchOne(db, sql: """
                UPDATE password_resets SET usedAt = ?
                WHERE tokenHash = ? AND usedAt IS NULL AND expiresAt > ?
                RETURNING *
                """, arguments: [now, tokenHash, now])
        }
    }
}

extension PasswordReset: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.passwordResets.rawValue }
}
