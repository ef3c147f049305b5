import ConciergeCore
import Foundation
import MongoStore
import TestSupport

/// Stores for the contract suite: a real MongoDB when `MONGODB_TEST_URI` is set, else the wire-protocol test
/// peer (MongoPeer/mongo_peer.py). Every store gets its own database, so tests run in parallel.
enum MongoHarness {
    static func makeShop() async throws -> any ConciergeStore {
        try await makeMongoStore()
    }

    static func makeMongoStore() async throws -> MongoConciergeStore {
        try await MongoConciergeStore.connect(uri: try await uri(), database: uniqueDatabaseName())
    }

    /// `MONGODB_TEST_URI`, or the shared peer's address. A peer that never started fails every test at once (the
    /// launch is remembered); a running one is a single Python process that the whole parallel suite shares, so
    /// under load it may take seconds to answer a hello. Server selection therefore keeps the driver's default of
    /// 30 s (5 s failed two CI runs with "no reachable MongoDB server" once the analyst side's contract suites were
    /// added), and a socket read gives up after 60 s (instead of 5 min) so that a stuck peer still fails a test.
    static func uri() async throws -> String {
        if let uri = ProcessInfo.processInfo.environment["MONGODB_TEST_URI"], !uri.isEmpty {
            return uri
        }
        let port = try await MongoTestPeer.sharedPort()
        return "mongodb://127.0.0.1:\(port)/?serverSelectionTimeoutMS=30000&connectTimeoutMS=10000&socketTimeoutMS=60000"
    }

    /// `ct_` and 24 hex digits: unique per store, within MongoDB's 63-byte limit and character rules.
    static func uniqueDatabaseName() -> String {
        "ct_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(24)
    }
}

/// The Python wire-protocol peer (`/usr/bin/python3`: Debian's packages, not pyenv's `python3` on PATH), started
/// and stopped like every test server (`TestServerProcess`: signal mask, stdin EOF, `PORT n` with a deadline,
/// SIGKILL at exit).
enum MongoTestPeer {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("MongoPeer").appendingPathComponent("mongo_peer.py")

    /// The port of the process-wide peer, started on first use. A failed launch is remembered, so every
    /// later test fails at once with the same error instead of waiting for its own timeout.
    static func sharedPort() async throws -> Int {
        try await SharedLaunch.instance.peer().port
    }

    /// Starts the shared peer once; concurrent first callers all await the same launch.
    private actor SharedLaunch {
        static let instance = SharedLaunch()
        private var launch: Task<TestServerProcess, any Error>?

        func peer() async throws -> TestServerProcess {
            if let launch { return try await launch.value }
            let started = Task { try await MongoTestPeer.launch() }
            launch = started
            return try await started.value
        }
    }

    /// A new peer of its own (the shared one is for the contract suite).
    static func launch() async throws -> TestServerProcess {
        try await TestServerProcess.launch(executable: "/usr/bin/python3", arguments: ["-u", script.path])
    }
}
