import Foundation
import Synchronization

/// A helper server process for tests (a fake HTTP server, a protocol peer) that prints `PORT n` first.
///
/// Lifecycle, so that no test run hangs and no server outlives its tests (see STACK-NOTES, "Child processes
/// from tests"):
/// - the child must unblock its signal mask first thing (a child of a Swift Testing worker inherits blocked
///   SIGTERM/SIGINT) and exit when its stdin reaches EOF or its parent changes;
/// - its stdin pipe is never closed by us: the kernel closes it when this process ends, however it ends; on a
///   normal exit an `atexit` hook also sends SIGKILL, which no signal mask can block;
/// - the `PORT n` line is read on a dedicated thread with a deadline; on timeout the child is killed and the
///   launch fails.
public struct TestServerProcess: Sendable {
    public let pid: pid_t
    public let port: Int
    /// Our end of the child's stdin; kept open for the life of the test process.
    let stdinWriter: Int32

    /// Closes the child's stdin, which tells a well-behaved test server to exit (a test of that very behaviour).
    public func closeStdin() { close(stdinWriter) }

    /// Starts `executable arguments…` and waits (at most `timeout`) for its `PORT n` line.
    public static func launch(
        executable: String, arguments: [String], timeout: Duration = .seconds(30)
    ) async throws -> TestServerProcess {
        _ = killAtExit
        let stdinPipe = try makePipe()
        let stdoutPipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle(fileDescriptor: stdinPipe.reader, closeOnDealloc: false)
        process.standardOutput = stdoutPipe
        process.standardError = FileHandle.standardError  // tracebacks show up in the test log
        do {
            try process.run()
        } catch {
            close(stdinPipe.reader)
            close(stdinPipe.writer)
            throw TestServerProcessError.spawn("\(error)")
        }
        close(stdinPipe.reader)
        let pid = process.processIdentifier
        launched.withLock { $0.append(pid) }
        do {
            let line = try await readLine(from: stdoutPipe.fileHandleForReading.fileDescriptor, timeout: timeout)
            guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)), port > 0 else {
                throw TestServerProcessError.noPort("unexpected first line")
            }
            try? stdoutPipe.fileHandleForReading.close()  // the server writes nothing after PORT
            return TestServerProcess(pid: pid, port: port, stdinWriter: stdinPipe.writer)
        } catch {
            kill(pid, SIGKILL)
            close(stdinPipe.writer)
            throw error
        }
    }

    /// Every child started, killed with SIGKILL when this process exits normally.
    private static let launched = Mutex<[pid_t]>([])
    private static let killAtExit: Void = {
        atexit {
            for pid in TestServerProcess.launched.withLock({ $0 }) { kill(pid, SIGKILL) }
        }
    }()

    /// A pipe whose write end is close-on-exec, so that no other child process inherits it and keeps the
    /// server's stdin open after we are gone.
    private static func makePipe() throws -> (reader: Int32, writer: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw TestServerProcessError.spawn("pipe() failed") }
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return (ends[0], ends[1])
    }

    /// Reads one line on a dedicated thread (a blocking read must not sit on a Swift concurrency thread).
    private static func readLine(from descriptor: Int32, timeout: Duration) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            let reader = Thread {
                continuation.resume(with: Result { try blockingReadLine(from: descriptor, timeout: timeout) })
            }
            reader.name = "test-server-port-reader"
            reader.start()
        }
    }

    private static func blockingReadLine(from descriptor: Int32, timeout: Duration) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var line: [UInt8] = []
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw TestServerProcessError.noPort("timed out after \(timeout)") }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Int32(min(remaining.components.seconds * 1_000 + 1, 1_000)))
            if ready < 0, errno != EINTR { throw TestServerProcessError.noPort("poll failed") }
            guard ready > 0 else { continue }
            var byte: UInt8 = 0
            let count = read(descriptor, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { throw TestServerProcessError.noPort("the server exited before printing its port") }
            if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
            guard line.count < 1_024 else { throw TestServerProcessError.noPort("first line too long") }
        }
    }
}

/// Why a test server did not start.
public enum TestServerProcessError: Error, CustomStringConvertible {
    case spawn(String)
    case noPort(String)

    public var description: String {
        switch self {
        case .spawn(let detail): "cannot start the test server: \(detail)"
        case .noPort(let detail): "the test server did not report its port: \(detail)"
        }
    }
}
