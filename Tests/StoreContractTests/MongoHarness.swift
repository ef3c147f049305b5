import ConciergeCore
import Foundation
import MongoStore
import Synchronization

/// Stores for the contract suite: a real MongoDB when `MONGODB_TEST_URI` is set, else the wire-protocol test
/// peer (MongoPeer/mongo_peer.py). Every store gets its own database, so tests run in parallel.
enum MongoHarness {
    static func makeStore() async throws -> any ConciergeStore {
        try await makeMongoStore()
    }

    static func makeMongoStore() async throws -> MongoConciergeStore {
        try await MongoConciergeStore.connect(uri: try await uri(), database: uniqueDatabaseName())
    }

    /// `MONGODB_TEST_URI`, or the shared peer's address. Server selection gives up after 5 s (instead of 30)
    /// and a socket read after 20 s (instead of 5 min), so that a dead or stuck peer fails a test quickly.
    static func uri() async throws -> String {
        if let uri = ProcessInfo.processInfo.environment["MONGODB_TEST_URI"], !uri.isEmpty {
            return uri
        }
        let port = try await MongoTestPeer.sharedPort()
        return "mongodb://127.0.0.1:\(port)/?serverSelectionTimeoutMS=5000&connectTimeoutMS=5000&socketTimeoutMS=20000"
    }

    /// `ct_` and 24 hex digits: unique per store, within MongoDB's 63-byte limit and character rules.
    static func uniqueDatabaseName() -> String {
        "ct_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(24)
    }
}

/// One Python peer process (`/usr/bin/python3`: Debian's packages, not pyenv's `python3` on PATH).
///
/// Lifecycle, so that no test run hangs and no peer outlives its tests:
/// - the peer unblocks its signal mask first thing (a child of a Swift Testing worker inherits blocked
///   SIGTERM/SIGINT) and exits when its stdin reaches EOF or its parent changes;
/// - the shared peer's stdin pipe is never closed by us: the kernel closes it when this process ends, however
///   it ends; on a normal exit an `atexit` hook also sends SIGKILL;
/// - the `PORT n` line is read on a dedicated thread with a deadline; on timeout the peer is killed (SIGKILL,
///   which no signal mask can block) and the launch fails.
struct MongoTestPeer: Sendable {
    let pid: pid_t
    let port: Int
    /// Our end of the peer's stdin; closing it tells the peer to exit.
    let stdinWriter: Int32

    enum LaunchError: Error, CustomStringConvertible {
        case spawn(String), noPort(String)

        var description: String {
            switch self {
            case .spawn(let detail): "cannot start the MongoDB test peer: \(detail)"
            case .noPort(let detail): "the MongoDB test peer did not report its port: \(detail)"
            }
        }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("MongoPeer").appendingPathComponent("mongo_peer.py")

    /// The port of the process-wide peer, started on first use. A failed launch is remembered, so every
    /// later test fails at once with the same error instead of waiting for its own timeout.
    static func sharedPort() async throws -> Int {
        let peer = try await SharedLaunch.instance.peer()
        sharedPID.store(peer.pid, ordering: .relaxed)
        return peer.port
    }

    /// Starts the shared peer once; concurrent first callers all await the same launch.
    private actor SharedLaunch {
        static let instance = SharedLaunch()
        private var launch: Task<MongoTestPeer, any Error>?

        func peer() async throws -> MongoTestPeer {
            if let launch { return try await launch.value }
            let started = Task { try await MongoTestPeer.launch() }
            launch = started
            return try await started.value
        }
    }

    private static let sharedPID = Atomic<pid_t>(0)
    private static let killAtExit: Void = {
        atexit {
            let pid = MongoTestPeer.sharedPID.load(ordering: .relaxed)
            if pid > 0 { kill(pid, SIGKILL) }
        }
    }()

    /// Starts a peer and waits (at most `timeout`) for its `PORT n` line.
    static func launch(timeout: Duration = .seconds(30)) async throws -> MongoTestPeer {
        _ = killAtExit
        let stdinPipe = try makePipe()
        let stdoutPipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-u", script.path]
        process.standardInput = FileHandle(fileDescriptor: stdinPipe.reader, closeOnDealloc: false)
        process.standardOutput = stdoutPipe
        process.standardError = FileHandle.standardError  // tracebacks show up in the test log
        do {
            try process.run()
        } catch {
            close(stdinPipe.reader)
            close(stdinPipe.writer)
            throw LaunchError.spawn("\(error)")
        }
        close(stdinPipe.reader)
        let pid = process.processIdentifier
        do {
            let line = try await readLine(from: stdoutPipe.fileHandleForReading.fileDescriptor, timeout: timeout)
            guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)), port > 0 else {
                throw LaunchError.noPort("unexpected first line")
            }
            try? stdoutPipe.fileHandleForReading.close()  // the peer writes nothing after PORT
            return MongoTestPeer(pid: pid, port: port, stdinWriter: stdinPipe.writer)
        } catch {
            kill(pid, SIGKILL)
            close(stdinPipe.writer)
            throw error
        }
    }

    /// A pipe whose write end is close-on-exec, so that no other child process inherits it and keeps the
    /// peer's stdin open after we are gone.
    private static func makePipe() throws -> (reader: Int32, writer: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw LaunchError.spawn("pipe() failed") }
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return (ends[0], ends[1])
    }

    /// Reads one line on a dedicated thread (a blocking read must not sit on a Swift concurrency thread).
    private static func readLine(from descriptor: Int32, timeout: Duration) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            let reader = Thread {
                continuation.resume(with: Result { try blockingReadLine(from: descriptor, timeout: timeout) })
            }
            reader.name = "mongo-peer-port-reader"
            reader.start()
        }
    }

    private static func blockingReadLine(from descriptor: Int32, timeout: Duration) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var line: [UInt8] = []
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw LaunchError.noPort("timed out after \(timeout)") }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Int32(min(remaining.components.seconds * 1_000 + 1, 1_000)))
            if ready < 0, errno != EINTR { throw LaunchError.noPort("poll failed") }
            guard ready > 0 else { continue }
            var byte: UInt8 = 0
            let count = read(descriptor, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { throw LaunchError.noPort("the peer exited before printing its port") }
            if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
            guard line.count < 1_024 else { throw LaunchError.noPort("first line too long") }
        }
    }
}
