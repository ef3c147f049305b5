import ConciergeCore
import Foundation
import TestSupport
import SQLiteStore

enum SQLiteHarness {
    /// A file-backed store (WAL needs a real file) in a fresh temporary directory.
    static func makeShop() async throws -> any ConciergeStore {
        let directory = try RepositoryPaths.temporaryDirectory("contract")
        return try SQLiteConciergeStore(path: directory.appendingPathComponent("store.sqlite").path)
    }
}
