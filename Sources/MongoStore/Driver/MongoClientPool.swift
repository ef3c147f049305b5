import BlockingThreads
import CMongoC
import Synchronization

/// Owns the process's `mongoc_client_pool_t` for one store: created from a URI, destroyed by `close()`.
///
/// `@unchecked Sendable` because the pointer is immutable and libmongoc documents the pool as thread-safe for
/// `pop`/`push` (every other call touches a client, which never leaves the thread that popped it). The one
/// call that is not thread-safe, destroy, runs once in `close()`, after the store's worker threads stopped.
final class MongoClientPool: @unchecked Sendable {
    /// Used when the URI does not say `maxPoolSize`: enough for a web server's concurrent requests on a
    /// small machine; callers beyond it queue (see `BlockingThreadPool`).
    static let defaultMaxSize: Int32 = 16
    /// The application name servers log for each connection (set here only, unless the URI names one).
    static let appName = "concierge"

    /// The most clients the pool hands out at once (the URI's `maxPoolSize`).
    let maxSize: Int
    private let pointer: OpaquePointer
    private let closed = Atomic<Bool>(false)

    /// Parses `uri` and creates the pool. Nothing connects yet: the first `pop` starts monitoring, so an
    /// unreachable server shows up on the first operation, after `serverSelectionTimeoutMS`.
    init(uri: String) throws(MongoFailure) {
        LibMongoC.initialise()
        let error = BSONErrorBox()
        // The parser's message can quote the URI, password included: never surfaced.
        guard let parsed = mongoc_uri_new_with_error(uri, error.pointer) else {
            throw .configuration("invalid MongoDB URI")
        }
        defer { mongoc_uri_destroy(parsed) }  // the pool keeps its own copy
        var size = mongoc_uri_get_option_as_int32(parsed, MONGOC_URI_MAXPOOLSIZE, 0)
        if size <= 0 {
            size = Self.defaultMaxSize
            mongoc_uri_set_option_as_int32(parsed, MONGOC_URI_MAXPOOLSIZE, size)
        }
        guard let pool = mongoc_client_pool_new(parsed) else {
            throw .configuration("MongoDB URI options not supported by this libmongoc build")
        }
        // Error API 2: server errors carry the server's code in domain MONGOC_ERROR_SERVER, so a duplicate
        // key is 11000 whichever call reported it.
        mongoc_client_pool_set_error_api(pool, 2)
        if mongoc_uri_get_appname(parsed) == nil {
            mongoc_client_pool_set_appname(pool, Self.appName)
        }
        pointer = pool
        maxSize = Int(size)
    }

    deinit {
        assert(closed.load(ordering: .acquiring), "MongoClientPool deallocated without close()")
    }

    /// Lends a client to `body` on the calling thread, waiting while all `maxSize` are out. Blocking: call it
    /// from a `BlockingThreadPool` thread only.
    func withClient<Value>(_ body: (OpaquePointer) throws -> Value) throws -> Value {
        precondition(!closed.load(ordering: .acquiring), "MongoClientPool used after close()")
        assert(BlockingThreadPool.isCurrentThreadAPoolThread, "libmongoc called outside the blocking thread pool")
        guard let client = mongoc_client_pool_pop(pointer) else {
            throw MongoFailure.configuration("no MongoDB client available")
        }
        defer { mongoc_client_pool_push(pointer, client) }
        return try body(client)
    }

    /// Destroys the pool: closes every connection (after `endSessions`). Blocking, and only valid once every
    /// client is back, so the store calls it as the thread pool's final job.
    func close() {
        assert(BlockingThreadPool.isCurrentThreadAPoolThread, "libmongoc called outside the blocking thread pool")
        guard closed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        mongoc_client_pool_destroy(pointer)
    }
}
