import Foundation

/// The production `LLMClient`: drives a single-attempt `LLMTransport` through a `RetryPolicy` (see its comment
/// for the schedule), sleeping on an injected clock and drawing jitter from an injected generator.
///
/// The clock is any `Clock<Duration>`: `ContinuousClock` in production, a manual clock in tests, which records
/// every requested sleep and returns at once. Throws only `LLMFailure`, whose attempts go into the turn's trace.
public struct RetryingLLMClient<Transport: LLMTransport, TimeSource: Clock<Duration>>: LLMClient {
    public let transport: Transport
    public let policy: RetryPolicy
    private let clock: TimeSource
    private let random: LockedRandomSource

    /// A client with an explicit clock and jitter source (tests pin both).
    public init(
        transport: Transport, policy: RetryPolicy, clock: TimeSource, random: some RandomNumberGenerator & Sendable
    ) {
        self.transport = transport
        self.policy = policy
        self.clock = clock
        self.random = LockedRandomSource(random)
    }

    /// The production client: monotonic time, system randomness.
    public init(transport: Transport, policy: RetryPolicy) where TimeSource == ContinuousClock {
        self.init(transport: transport, policy: policy, clock: ContinuousClock(), random: SystemRandomNumberGenerator())
    }

    public func complete(_ request: LLMRequest) async throws -> LLMCompletion {
        try await complete(request, continuing: [])
    }

    /// The budget left after `spent` (attempts and time, measured as their latencies plus backoffs): attempt
    /// numbers go on from `spent.count + 1`, the attempt cap counts them all, and the deadline is what the
    /// policy's deadline leaves after that time. Returns or throws only this call's attempts.
    public func complete(_ request: LLMRequest, continuing spent: [LLMAttempt]) async throws -> LLMCompletion {
        try await run(request, continuing: spent, onDelta: nil)
    }

    /// Streamed through `transport.streamAttempt`, on the same budget and schedule. A failed attempt is retried
    /// only while no delta has been delivered: once the shopper may have seen text, another attempt would write a
    /// second, different start, so the stream ends with `LLMFailure(.interrupted)` and every attempt.
    public func stream(_ request: LLMRequest, continuing spent: [LLMAttempt])
        -> AsyncThrowingStream<LLMStreamEvent, any Error>
    {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let completion = try await run(request, continuing: spent) { continuation.yield(.delta($0)) }
                    continuation.yield(.finished(completion))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// `complete` (no `onDelta`) or `stream`: one loop, so both keep the same budget and retry rules.
    private func run(
        _ request: LLMRequest, continuing spent: [LLMAttempt], onDelta: (@Sendable (String) -> Void)?
    ) async throws -> LLMCompletion {
        let delivered = DeliveryFlag()
        let forward = onDelta.map { onDelta in
            { @Sendable (text: String) in
                delivered.mark()
                onDelta(text)
            }
        }
        let used = Duration.milliseconds(spent.reduce(0) { $0 + $1.latencyMs + $1.backoffMs })
        guard spent.count < policy.maxAttempts else { throw LLMFailure(reason: .attemptsExhausted, attempts: []) }
        guard policy.deadline - used >= policy.minimumAttemptTimeout else {
            throw LLMFailure(reason: .deadlineExceeded, attempts: [])
        }
        let deadline = clock.now.advanced(by: policy.deadline - used)
        var attempts: [LLMAttempt] = []
        var backoff = Duration.zero
        while true {
            guard !Task.isCancelled else { throw LLMFailure(reason: .cancelled, attempts: attempts) }
            let (result, attempt) = await makeAttempt(
                request, number: spent.count + attempts.count + 1, backoff: backoff, deadline: deadline,
                onDelta: forward)
            attempts.append(attempt)
            if case .reply(let reply) = result {
                return LLMCompletion(text: reply.text, model: reply.model ?? request.model, attempts: attempts)
            }
            if delivered.isMarked { throw LLMFailure(reason: .interrupted, attempts: attempts) }
            switch nextStep(after: result, attempt: attempt.number, deadline: deadline) {
            case .giveUp(let reason):
                throw LLMFailure(reason: reason, attempts: attempts)
            case .retry(let wait):
                do {
                    try await clock.sleep(for: wait)
                } catch {
                    throw LLMFailure(reason: .cancelled, attempts: attempts)  // sleeps throw only on cancellation
                }
                backoff = wait
            }
        }
    }

    /// One attempt with timeout `min(attempt timeout, time left)`, timed on our clock.
    private func makeAttempt(
        _ request: LLMRequest, number: Int, backoff: Duration, deadline: TimeSource.Instant,
        onDelta: (@Sendable (String) -> Void)?
    ) async -> (LLMAttemptResult, LLMAttempt) {
        let started = clock.now
        let timeout = min(policy.attemptTimeout, started.duration(to: deadline))
        let result: LLMAttemptResult
        if let onDelta {
            result = await transport.streamAttempt(request, number: number, timeout: timeout, onDelta: onDelta)
        } else {
            result = await transport.attempt(request, number: number, timeout: timeout)
        }
        let attempt = LLMAttempt(
            number: number, outcome: result.outcome, latencyMs: started.duration(to: clock.now).wholeMilliseconds,
            backoffMs: backoff.wholeMilliseconds, retryAfterMs: result.retryAfter?.wholeMilliseconds,
            usage: result.usage)
        return (result, attempt)
    }

    private func nextStep(
        after result: LLMAttemptResult, attempt: Int, deadline: TimeSource.Instant
    ) -> RetryPolicy.Step {
        let remaining = clock.now.duration(to: deadline)
        return random.withGenerator { generator in
            policy.nextStep(
                after: result.outcome, retryAfter: result.retryAfter, attempt: attempt, remaining: remaining,
                random: &generator)
        }
    }
}

/// One generator shared by concurrent completions. `RetryPolicy` advances generators `inout`, and a value
/// generator such as `SplitMix64` must be advanced by one caller at a time, so it lives behind a lock.
///
/// `@unchecked Sendable`: `generator` is touched only inside `withGenerator`, under `lock`. An `NSLock` rather
/// than `Synchronization.Mutex`, as in the rest of the project, so ThreadSanitizer can check it on Linux.
final class LockedRandomSource: @unchecked Sendable {
    private let lock = NSLock()
    private var generator: any RandomNumberGenerator

    init(_ generator: some RandomNumberGenerator & Sendable) {
        self.generator = generator
    }

    func withGenerator<Value>(_ body: (inout any RandomNumberGenerator) -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body(&generator)
    }
}

/// Whether a stream delivered any text yet; set from the transport's thread, read by the retry loop.
///
/// `@unchecked Sendable`: `marked` is touched only under `lock`.
final class DeliveryFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var marked = false

    func mark() {
        lock.lock()
        marked = true
        lock.unlock()
    }

    var isMarked: Bool {
        lock.lock()
        defer { lock.unlock() }
        return marked
    }
}
