import Dispatch
import Foundation

/// Dedicated threads for blocking C calls — libmongoc, libcurl, bcrypt — so none ever runs on a Swift
/// concurrency thread. Each adapter owns its pool (sized for its library); this module is their only shared code.
///
/// Why this design rather than the alternatives:
/// - the cooperative pool has one thread per core (two here); a C call waiting on the network or hashing a
///   password there would stall every task of the process, the web server's included;
/// - `DispatchQueue.global()` limited by a semaphore parks one GCD worker per waiting caller, and GCD grows
///   toward its thread limit under the 200 concurrent callers the contract suite sends;
/// - `NIOThreadPool` is the house model, but would tie the store and LLM adapters to SwiftNIO for one type.
///
/// So: at most `maxThreads` Foundation threads (for MongoDB the client pool's size, so a worker never waits for a
/// client),
/// started on demand and kept until `shutdown`, serving one FIFO queue. Callers beyond that wait in the queue
/// as suspended continuations, not as blocked threads. A semaphore counts queued jobs plus, after shutdown,
/// one stop token per thread.
///
/// `@unchecked Sendable`: all mutable state is in `state`, touched only inside `withState` (an `NSLock`).
/// Not `Synchronization.Mutex`: on Linux it is a bare futex that ThreadSanitizer cannot see, so every access
/// was reported as a race; with a pthread-based lock `swift test --sanitize=thread` checks this type.
public final class BlockingThreadPool: @unchecked Sendable {
    public typealias Job = @Sendable () -> Void

    private struct State: Sendable {
        var queue = JobQueue()
        var threads = 0
        /// Jobs submitted and not finished: a new thread starts while this exceeds `threads`.
        var outstanding = 0
        var stopping = false
        var onStopped: (@Sendable () -> Void)?
    }

    public let label: String
    public let maxThreads: Int
    private let lock = NSLock()
    private var state = State()
    private let wakeups = DispatchSemaphore(value: 0)

    public init(label: String, maxThreads: Int) {
        precondition(maxThreads > 0, "a thread pool needs at least one thread")
        self.label = label
        self.maxThreads = maxThreads
    }

    /// Process-wide pools (`static let`) are never deallocated; any other pool must be shut down first.
    deinit {
        assert(withState { $0.stopping }, "BlockingThreadPool deallocated without shutdown()")
    }

    /// Runs `body` on a pool thread and returns its result. Throws `BlockingThreadPoolError.shutDown` once
    /// `shutdown` has begun. The job is not cancellable: a C call in flight cannot be interrupted.
    public func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = submit { continuation.resume(with: Result { try body() }) }
            if !accepted {
                continuation.resume(throwing: BlockingThreadPoolError.shutDown)
            }
        }
    }

    /// Refuses new jobs, lets the queued ones finish, then runs `final` on the last pool thread (a blocking
    /// cleanup, such as destroying the client pool, belongs there too) and returns. Call once.
    public func shutdown(then final: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finish: @Sendable () -> Void = {
                final()
                continuation.resume()
            }
            let threads = withState { state -> Int in
                precondition(!state.stopping, "BlockingThreadPool.shutdown() called twice")
                state.stopping = true
                state.onStopped = state.threads == 0 ? nil : finish
                return state.threads
            }
            if threads == 0 {
                startThread(named: "\(label)-shutdown", body: finish)
            }
            for _ in 0..<threads { wakeups.signal() }
        }
    }

    private func submit(_ job: @escaping Job) -> Bool {
        let decision = withState { state -> (accepted: Bool, newThread: Int?) in
            guard !state.stopping else { return (false, nil) }
            state.queue.push(job)
            state.outstanding += 1
            guard state.outstanding > state.threads, state.threads < maxThreads else { return (true, nil) }
            state.threads += 1
            return (true, state.threads)
        }
        if let number = decision.newThread {
            startThread(named: "\(label)-\(number)") { self.work() }
        }
        if decision.accepted { wakeups.signal() }
        return decision.accepted
    }

    /// A pool thread: one job per wake-up; a wake-up with an empty queue only happens after shutdown, and
    /// means "exit". Queued jobs always run first, so none is dropped.
    private func work() {
        while true {
            wakeups.wait()
            let job = withState { state -> Job? in
                if let job = state.queue.pop() { return job }
                state.threads -= 1
                return nil
            }
            guard let job else { break }
            job()
            withState { $0.outstanding -= 1 }
        }
        let onStopped = withState { state -> (@Sendable () -> Void)? in
            guard state.threads == 0 else { return nil }
            defer { state.onStopped = nil }
            return state.onStopped
        }
        onStopped?()
    }

    private func withState<Value>(_ body: (inout State) -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }

    private func startThread(named name: String, body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            Thread.current.threadDictionary[Self.markerKey] = true
            body()
        }
        thread.name = name
        thread.start()
    }

    private static let markerKey = "concierge.BlockingThreadPool"

    /// True on a thread of some `BlockingThreadPool`: blocking code asserts it (never a Swift concurrency
    /// thread).
    public static var isCurrentThreadAPoolThread: Bool {
        Thread.current.threadDictionary[markerKey] as? Bool ?? false
    }
}

public enum BlockingThreadPoolError: Error, Sendable {
    case shutDown
}

/// A FIFO of jobs with O(1) amortised push and pop (an array with a moving head, compacted now and then).
private struct JobQueue: Sendable {
    private var jobs: [BlockingThreadPool.Job?] = []
    private var head = 0

    mutating func push(_ job: @escaping BlockingThreadPool.Job) {
        jobs.append(job)
    }

    mutating func pop() -> BlockingThreadPool.Job? {
        guard head < jobs.count else { return nil }
        let job = jobs[head]
        jobs[head] = nil
        head += 1
        if head >= 64, head * 2 >= jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
        return job
    }
}
