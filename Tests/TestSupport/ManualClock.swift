import Foundation

/// A `Clock` for tests that never waits: `sleep` records the requested duration and moves `now` forward at
/// once; `advance(by:)` stands for time spent elsewhere (a scripted transport "taking" its timeout). Retry
/// schedules and deadlines are then checked exactly, in no time.
///
/// `@unchecked Sendable`: `state` is touched only under `lock`.
public final class ManualClock: Clock, @unchecked Sendable {
    /// A point on this clock: the time since the clock was made.
    public struct Instant: InstantProtocol, Hashable, Sendable {
        public var offset: Swift.Duration

        public init(offset: Swift.Duration) { self.offset = offset }

        public func advanced(by duration: Swift.Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Swift.Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleeps: [Swift.Duration] = []
    }

    private let lock = NSLock()
    private var state = State()

    public init() {}

    public var now: Instant { withState { $0.now } }
    public var minimumResolution: Swift.Duration { .zero }

    /// Every sleep requested so far, in order, as durations from the moment each was requested.
    public var sleeps: [Swift.Duration] { withState { $0.sleeps } }

    /// Time passed on this clock since it was made.
    public var elapsed: Swift.Duration { now.offset }

    /// Records the sleep and returns at once (throws if the task is already cancelled, as a real sleep would).
    public func sleep(until deadline: Instant, tolerance: Swift.Duration? = nil) async throws {
        try Task.checkCancellation()
        withState { state in
            state.sleeps.append(max(.zero, state.now.duration(to: deadline)))
            state.now = max(state.now, deadline)
        }
    }

    /// Moves time forward without recording a sleep.
    public func advance(by duration: Swift.Duration) {
        withState { $0.now = $0.now.advanced(by: duration) }
    }

    private func withState<Value>(_ body: (inout State) -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }
}
