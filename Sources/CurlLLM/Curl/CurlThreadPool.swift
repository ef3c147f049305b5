import Dispatch
import Foundation

/// Dedicated threads for `curl_easy_perform`, which blocks for up to a whole attempt timeout and so must never
/// run on Swift's cooperative pool (one thread per core: two blocked transfers would stall the web server).
///
/// The approach of MongoStore's `BlockingThreadPool`, cut down (modules stay independent): Foundation threads,
/// started on demand up to `maxThreads` and then kept, serving one FIFO queue; callers beyond that wait as
/// suspended continuations, not as blocked threads. Unlike the store's pool it is process-wide and never shut
/// down, as `NIOThreadPool.singleton` is: LLM clients are built and dropped freely, threads are not.
///
/// `@unchecked Sendable`: the mutable state is touched only inside `withState`, under an `NSLock` (not
/// `Synchronization.Mutex`, which ThreadSanitizer cannot see on Linux).
final class CurlThreadPool: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    /// The pool of every `CurlLLMTransport`. 16 transfers in flight at once; later ones queue, and their
    /// queueing time counts against their attempt timeout.
    static let shared = CurlThreadPool(label: "concierge.curl", maxThreads: 16)

    private struct State {
        var jobs: [Job?] = []
        var head = 0
        var threads = 0
        /// Jobs submitted and not finished: a new thread starts while this exceeds `threads`.
        var outstanding = 0
    }

    let label: String
    let maxThreads: Int
    private let lock = NSLock()
    private var state = State()
    private let wakeups = DispatchSemaphore(value: 0)

    init(label: String, maxThreads: Int) {
        precondition(maxThreads > 0, "a thread pool needs at least one thread")
        self.label = label
        self.maxThreads = maxThreads
    }

    /// Runs `body` on a pool thread and returns its result. Not cancellable once started: `body` watches for
    /// cancellation itself (the transfer's progress callback).
    func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: body()) }
        }
    }

    private func submit(_ job: @escaping Job) {
        let newThread = withState { state -> Int? in
            state.jobs.append(job)
            state.outstanding += 1
            guard state.outstanding > state.threads, state.threads < maxThreads else { return nil }
            state.threads += 1
            return state.threads
        }
        if let number = newThread {
            let thread = Thread { [self] in
                Thread.current.threadDictionary[Self.markerKey] = true
                work()
            }
            thread.name = "\(label)-\(number)"
            thread.start()
        }
        wakeups.signal()
    }

    /// A pool thread: one job per wake-up, forever.
    private func work() {
        while true {
            wakeups.wait()
            guard let job = withState({ Self.pop(&$0) }) else { continue }
            job()
            withState { $0.outstanding -= 1 }
        }
    }

    /// FIFO pop with a moving head, compacted now and then (O(1) amortised).
    private static func pop(_ state: inout State) -> Job? {
        guard state.head < state.jobs.count else { return nil }
        let job = state.jobs[state.head]
        state.jobs[state.head] = nil
        state.head += 1
        if state.head >= 64, state.head * 2 >= state.jobs.count {
            state.jobs.removeFirst(state.head)
            state.head = 0
        }
        return job
    }

    private static let markerKey = "concierge.CurlThreadPool"

    /// True on a pool thread: blocking code asserts it (never a Swift concurrency thread).
    static var isCurrentThreadAPoolThread: Bool {
        Thread.current.threadDictionary[markerKey] as? Bool ?? false
    }

    private func withState<Value>(_ body: (inout State) -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }
}
