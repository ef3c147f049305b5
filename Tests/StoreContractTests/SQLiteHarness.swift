import ConciergeCore
import Foundation
import SQLiteStore

enum SQLiteHarness {
    /// A file-backed store (WAL needs a real file) in a fresh temporary directory.
    static func makeShop() async throws -> any ConciergeStore {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("concierge-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try SQLiteConciergeStore(path: directory.appendingPathComponent("store.sqlite").path)
    }
}
