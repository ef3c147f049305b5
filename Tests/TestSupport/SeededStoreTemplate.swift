import ConciergeApp
import ConciergeCore
import Foundation
import SQLiteStore
import Seeding

/// A seeded embedded store for tests that need the whole demo world (40 shoppers, seed 7, the personas and the
/// real policies, as of 2026-11-21): seeded once per process, closed (checkpointing the WAL) and copied for each
/// test, so every test has its own conversations and quota counters without paying for a seed.
public actor SeededStoreTemplate {
    public static let shared = SeededStoreTemplate()
    /// 2026-11-21T00:00:00Z, the seed's as-of date.
    public static let asOf = Date(timeIntervalSince1970: 1_795_219_200)
    /// One seeding per process. A task, not a path: the actor is re-entered while the seed awaits, and a plain
    /// optional let every test that arrived meanwhile seed its own template (hundreds per run, filling the disk).
    private var seeding: Task<String, any Error>?

    /// The path of a fresh copy, labelled for the temporary directory it lives in.
    public func copy(label: String) async throws -> String {
        try Self.copyDatabase(at: try await seededPath(), label: label)
    }

    /// A copy of the SQLite file at `source` in a new temporary directory labelled `label`.
    public static func copyDatabase(at source: String, label: String) throws -> String {
        let target = try RepositoryPaths.temporaryDirectory(label).appendingPathComponent("store.sqlite").path
        // The WAL may still hold pages: copy the database with its side files.
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: target + suffix)
        }
        return target
    }

    private func seededPath() async throws -> String {
        if let seeding { return try await seeding.value }
        let task = Task { try await Self.seed() }
        seeding = task
        return try await task.value
    }

    private static func seed() async throws -> String {
        let file = try RepositoryPaths.temporaryDirectory("seeded-template").appendingPathComponent("store.sqlite").path
        let store = try SQLiteConciergeStore(path: file)
        _ = try await SeedRunner(store: store, hasher: PlainTestHasher(), catalog: CatalogFixture.catalog).run(
            SeedOptions(users: 40, seed: 7, asOf: Self.asOf, reset: false,
                        policiesDirectory: RepositoryPaths.seeds.appendingPathComponent("policies").path))
        try await store.close()
        return file
    }
}
