import ConciergeCore
import Foundation
import GRDB

/// Two-step verification (`SecondFactorStore`): one row per account; each use is one statement or one write
/// transaction on GRDB's serial writer, so two uses of one code cannot both succeed.
extension SQLiteConciergeStore {
    public func secondFactor(userID: String) async throws -> SecondFactor? {
        guard SQLText.isBindable(userID) else { return nil }
        return try await database.mappedRead { db in try SecondFactor.fetchOne(db, key: userID) }
    }

    public func saveSecondFactor(_ factor: SecondFactor) async throws {
        try await database.mappedWrite { db in try factor.insert(db, onConflict: .replace) }
    }

    public func deleteSecondFactor(userID: String) async throws {
        guard SQLText.isBindable(userID) else { return }
        try await database.mappedWrite { db in _ = try SecondFactor.deleteOne(db, key: userID) }
    }

    public func useTOTPStep(userID: String, step: Int64) async throws -> Bool {
        guard SQLText.isBindable(userID) else { return false }
        return try await database.mappedWrite { db in
            try db.execute(sql: """
                UPDATE second_factors SET lastUsedStep = ?
                WHERE userID = ? AND (lastUsedStep IS NULL OR lastUsedStep < ?)
                """, arguments: [step, userID, step])
            return db.changesCount > 0
        }
    }

    public func useRecoveryCode(userID: String, codeHash: String) async throws -> Bool {
        guard SQLText.areBindable(userID, codeHash) else { return false }
        return try await database.mappedWrite { db in
            guard var factor = try SecondFactor.fetchOne(db, key: userID),
                let index = factor.recoveryCodeHashes.firstIndex(of: codeHash)
            else { return false }
            factor.recoveryCodeHashes.remove(at: index)
            try factor.update(db)
            return true
        }
    }
}

extension SecondFactor: FetchableRecord, PersistableRecord, NULCheckedRecord {
    public static var databaseTableName: String { DataCollection.secondFactors.rawValue }
}
