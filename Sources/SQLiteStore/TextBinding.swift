import ConciergeCore
import GRDB

/// GRDB binds a Swift string as a C string (`sqlite3_bind_text(…, -1, …)`), so SQLite reads it only up to its first
/// NUL: a key holding one is compared as its prefix (`ava@example.com\0x` would find `ava@example.com`) and a text
/// holding one is stored cut. The adapter therefore never lets a NUL reach a binding: lookups with one find nothing,
/// writes with one throw `StoreError.unstorableText`. (Structured columns are JSON, where a NUL is `\u0000`.)
enum SQLText {
    /// Whether SQLite would see the whole of `text`.
    static func isBindable(_ text: String) -> Bool { !text.utf8.contains(0) }

    /// Whether every key of a lookup is bindable; a lookup with one that is not must find nothing.
    static func areBindable(_ keys: String?...) -> Bool { keys.allSatisfy { $0.map(isBindable) ?? true } }
}

/// Records whose text columns are checked before every insert, update and save. Public only because GRDB's
/// `willSave` requirement is: the domain types' conformances live in this module and nothing else adopts it.
public protocol NULCheckedRecord: PersistableRecord {}

extension NULCheckedRecord {
    /// Throws `StoreError.unstorableText` when a text column holds a NUL (see `SQLText`).
    public func willSave(_ db: Database) throws {
        for (_, value) in try databaseDictionary {
            guard case .string(let text) = value.storage, !SQLText.isBindable(text) else { continue }
            throw StoreError.unstorableText(collection: DataCollection(rawValue: Self.databaseTableName) ?? .messages)
        }
    }
}
