import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program to completion with a deadline and collects what it writes. Blocking: call it from a thread
/// that may block (`PolicyIngestor` runs directory loads on a `BlockingThreadPool`), never from the cooperative
/// pool.
///
/// Arguments go straight to the program (`posix_spawn` through `Foundation.Process`), never through a shell.
/// Both pipes are drained while the child runs, so a chatty child cannot fill a pipe and stall. On timeout the
/// child's whole process group gets SIGKILL: `Process` starts the child in a group of its own, and SIGKILL is the
/// one signal a child cannot have blocked (children started from Swift Testing workers inherit SIGTERM blocked;
/// see STACK-NOTES, "Child processes from tests").
struct ChildProcess {
    struct Output {
        var status: Int32
        /// Whether the child ended on a signal (then `status` is the signal's number).
        var signalled: Bool
        var standardOutput: Data
        var standardError: Data
    }

    /// The child ran past its deadline and was killed.
    struct TimedOut: Error {
        var seconds: Double
    }

    /// How long to wait for the pipes to close once the child has exited or been killed (a grandchild could hold
    /// them open; its group was killed too, so this is only a bound).
    /// How long to wait for the pipes to be read out after the child exited. Generous: the readers are threads of
    /// their own, so the wait only ends early if a grandchild keeps a pipe open.
    private static let drainGrace: DispatchTimeInterval = .seconds(10)

    static func run(_ executable: URL, arguments: [String], timeout: Duration) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()  // Process closes our copies of the pipes' write ends once the child has them

        let drained = DispatchGroup()
        let standardOutput = drain(output.fileHandleForReading, into: drained)
        let standardError = drain(errors.fileHandleForReading, into: drained)
        var timedOut = false
        if exited.wait(timeout: .now() + timeout.seconds) == .timedOut {
            timedOut = true
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)  // in case it left its group
            exited.wait()
        }
        _ = drained.wait(timeout: .now() + drainGrace)
        if timedOut { throw TimedOut(seconds: timeout.seconds) }
        return Output(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            standardOutput: standardOutput.data, standardError: standardError.data)
    }

    /// Reads `handle` to its end on a thread of its own. Not the global dispatch queue: under load (a test run, a
    /// busy server) its threads can all be busy, the read then started after the grace period, and the output was
    /// lost ("no text in the PDF").
    private static func drain(_ handle: FileHandle, into group: DispatchGroup) -> Sink {
        let sink = Sink()
        group.enter()
        let reader = Thread {
            sink.append((try? handle.readToEnd()) ?? Data())
            try? handle.close()
            group.leave()
        }
        reader.start()
        return sink
    }

    /// What one pipe delivered. `@unchecked Sendable`: written once by the draining thread under `lock`.
    private final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()

        func append(_ data: Data) {
            lock.withLock { bytes.append(data) }
        }

        var data: Data { lock.withLock { bytes } }
    }
}

extension Duration {
    /// The duration in seconds, for Dispatch deadlines.
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
