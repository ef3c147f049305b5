import Foundation
import ConciergeCore
import GRDB

/// Turns SQLite failures into `StoreError`s that callers can act on, without leaking values.
enum ErrorMapping {
    static func map(_ error: any Error) -> any Error {
        guard let databaseError = error as? DatabaseError else { return error }
        if databaseError.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
            || databaseError.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
        {
            return duplicate(from: databaseError.message ?? "")
        }
        switch databaseError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_READONLY:
            return StoreError.unavailable("sqlite: \(databaseError.resultCode)")
        default:
            return StoreError.unavailable("sqlite error \(databaseError.resultCode)")
        }
    }

    /// SQLite says "UNIQUE constraint failed: users.email": the table and column are schema names, never data.
    private static func duplicate(from message: String) -> StoreError {
        let target = message.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let firstColumn = target.split(separator: ",").first.map(String.init) ?? target
        let parts = firstColumn.split(separator: ".").map(String.init)
        let collection = parts.first.flatMap(DataCollection.init(rawValue:)) ?? .users
        return .duplicate(collection: collection, field: parts.count > 1 ? parts[1] : "key")
    }
}

extension DatabaseWriter {
    /// `write` with SQLite errors mapped to `StoreError`.
    func mappedWrite<T: Sendable>(_ updates: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do { return try await write(updates) } catch { throw ErrorMapping.map(error) }
    }
}

extension DatabaseReader {
    /// `read` with SQLite errors mapped to `StoreError`.
    func mappedRead<T: Sendable>(_ value: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do { return try await read(value) } catch { throw ErrorMapping.map(error) }
    }
}
