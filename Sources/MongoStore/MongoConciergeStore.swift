import BlockingThreads
import ConciergeCore
import Foundation
import Logging
import Synchronization

/// The MongoDB implementation of every store port, on libmongoc's client pool.
///
/// ```swift
/// let store = try await MongoConciergeStore.connect(uri: "mongodb://localhost:27017", database: "concierge")
/// defer { ... try await store.close() }
/// ```
///
/// - Every operation runs on a dedicated thread (`BlockingThreadPool`) with a client popped from the pool, so
///   no libmongoc call ever blocks a Swift concurrency thread. The pool size is the URI's `maxPoolSize`
///   (default 16); further callers queue.
/// - Indexes are created by `connect` (see `MongoSchema`).
/// - Without transactions, multi-document writes (`upsert`, `replacePolicyChunks`) validate first and
///   compensate on failure (see `MongoConciergeStore+Administration.swift`).
/// - Errors are `StoreError`s without personal data; logs carry operation names, collections and error codes.
public final class MongoConciergeStore: ConciergeStore {
    private let pool: MongoClientPool
    private let workers: BlockingThreadPool
    private let database: String
    let logger: Logger
    private let closed = Atomic<Bool>(false)

    private init(pool: MongoClientPool, database: String, logger: Logger) {
        self.pool = pool
        self.workers = BlockingThreadPool(label: "mongo-store", maxThreads: pool.maxSize)
        self.database = database
        self.logger = logger
    }

    /// Creates the client pool for `uri`, then the indexes in `database`.
    ///
    /// Throws `StoreError.unavailable` when the URI is invalid or no server answers within the URI's
    /// `serverSelectionTimeoutMS` (default 30 s). The URI is never logged nor quoted in errors (it may hold a
    /// password).
    public static func connect(
        uri: String, database: String, logger: Logger = Logger(label: "concierge.mongo")
    ) async throws -> MongoConciergeStore {
        guard isValidDatabaseName(database) else { throw StoreError.unavailable("invalid MongoDB database name") }
        let pool: MongoClientPool
        do {
            pool = try MongoClientPool(uri: uri)
        } catch {
            logger.error("mongo store cannot start", metadata: ["reason": "\(error.summary)"])
            throw error.storeError
        }
        let store = MongoConciergeStore(pool: pool, database: database, logger: logger)
        do {
            try await store.createIndexes()
        } catch {
            try? await store.close()
            throw error
        }
        logger.info("mongo store ready", metadata: ["database": "\(database)", "pool.size": "\(pool.maxSize)"])
        return store
    }

    /// Waits for running operations, then closes every connection. Later calls to the store are programming
    /// errors (they throw `StoreError.unavailable`); closing twice does nothing.
    public func close() async throws {
        guard closed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        await workers.shutdown { [pool] in pool.close() }
        logger.debug("mongo store closed")
    }

    deinit {
        assert(closed.load(ordering: .acquiring), "MongoConciergeStore deallocated without close()")
    }

    /// The indexes of one collection, as the server reports them.
    public func indexes(of collection: DataCollection) async throws -> [MongoIndex] {
        try await run("listIndexes", collection) { try $0.listIndexes(collection) }
    }

    /// Runs `body` on a worker thread with a pooled client. Driver failures are logged (codes only) and become
    /// `StoreError`s here, at the module boundary.
    func run<Value: Sendable>(
        _ operation: String, _ collection: DataCollection?,
        _ body: @escaping @Sendable (MongoConnection) throws -> Value
    ) async throws -> Value {
        do {
            return try await workers.run { [pool, database] in
                try pool.withClient { try body(MongoConnection(client: $0, database: database)) }
            }
        } catch let failure as MongoFailure {
            log(failure, operation: operation, collection: collection)
            throw failure.storeError
        } catch BlockingThreadPoolError.shutDown {
            throw StoreError.unavailable("\(operation): the store is closed")
        }
    }

    func log(_ failure: MongoFailure, operation: String, collection: DataCollection?) {
        var metadata: Logger.Metadata = [
            "operation": "\(operation)", "mongo.domain": "\(failure.domain)", "mongo.code": "\(failure.code)",
        ]
        if let collection = failure.collection ?? collection { metadata["collection"] = "\(collection.rawValue)" }
        if failure.isDuplicateKey {
            logger.debug("mongo write refused: duplicate key", metadata: metadata)
            return
        }
        metadata["reason"] = "\(failure.summary)"
        if let message = failure.clientMessage { metadata["driver.message"] = "\(message)" }
        logger.warning("mongo operation failed", metadata: metadata)
    }

    private func createIndexes() async throws {
        try await run("createIndexes", nil) { connection in
            for collection in DataCollection.allCases {
                let indexes = MongoSchema.indexes(for: collection)
                guard !indexes.isEmpty else { continue }
                try connection.command(
                    "createIndexes",
                    ["createIndexes": .string(collection.rawValue), "indexes": .array(indexes.map(\.specification))],
                    on: collection, writes: true)
            }
        }
    }

    /// MongoDB's rules: 1...63 bytes, none of `/\. "$` nor NUL.
    private static func isValidDatabaseName(_ name: String) -> Bool {
        let forbidden = Set("/\\. \"$\0")
        return (1...63).contains(name.utf8.count) && !name.contains { forbidden.contains($0) }
    }
}
