import ConciergeCore
import TestSupport
import Testing

/// The overall deadline, cancellation and the failure's text, on a manual clock.
@Suite("RetryingLLMClient deadline and cancellation")
struct DeadlineTests {
    @Test("timeouts shrink to the time left and attempts stop at the deadline, never past it")
    func deadline() async throws {
        let policy = RetryPolicy(
            maxAttempts: 10, baseDelay: .milliseconds(250), maxDelay: .seconds(4), attemptTimeout: .seconds(1),
            deadline: .seconds(2))
        let hangs = Array(repeating: ScriptedTransport.Step.transport(.timeout), count: 10)
        let (client, transport, clock) = scriptedClient(hangs, policy: policy)
        let failure = await expectFailure { try await client.complete(sampleRequest) }
        // 1 s attempt, 250 ms backoff, then only 750 ms are left for the second attempt; then nothing is.
        #expect(transport.timeouts == [.seconds(1), .milliseconds(750)])
        #expect(clock.sleeps == [.milliseconds(250)])
        #expect(failure?.reason == .deadlineExceeded)
        #expect(failure?.attempts.map(\.latencyMs) == [1_000, 750])
        let spent = clock.sleeps.reduce(.zero, +) + transport.timeouts.reduce(.zero, +)
        #expect(spent <= policy.deadline)
        #expect(clock.elapsed <= policy.deadline)
    }

    @Test("a backoff that would leave less than the minimum attempt time ends the call without sleeping")
    func backoffPastDeadline() async throws {
        let policy = RetryPolicy(attemptTimeout: .seconds(1), deadline: .milliseconds(1_300))
        let (client, _, clock) = scriptedClient([.transport(.timeout), .reply()], policy: policy)
        let failure = await expectFailure { try await client.complete(sampleRequest) }
        #expect(failure?.reason == .deadlineExceeded)  // 300 ms left - 250 ms backoff = 50 ms < 100 ms
        #expect(clock.sleeps.isEmpty)
    }

    @Test("a Retry-After longer than the time left ends the call without sleeping")
    func retryAfterPastDeadline() async throws {
        let policy = RetryPolicy(maxDelay: .seconds(10), deadline: .seconds(2))
        let (client, _, clock) = scriptedClient([.status(429, retryAfter: .seconds(3)), .reply()], policy: policy)
        let failure = await expectFailure { try await client.complete(sampleRequest) }
        #expect(failure?.reason == .deadlineExceeded)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("the first attempt's timeout is the smaller of the attempt timeout and the deadline")
    func firstTimeout() async throws {
        let policy = RetryPolicy(attemptTimeout: .seconds(15), deadline: .seconds(2))
        let (client, transport, _) = scriptedClient([.reply()], policy: policy)
        _ = try await client.complete(sampleRequest)
        #expect(transport.timeouts == [.seconds(2)])
    }

    @Test("cancelling the task stops the loop with the attempts made so far")
    func cancellation() async throws {
        let clock = ManualClock()
        let transport = CancellingTransport()
        let client = RetryingLLMClient(
            transport: transport, policy: RetryPolicy(), clock: clock, random: ConstantRandom.top)
        // In a task of its own: the transport cancels the task it runs in, which must not be the test's.
        let failure = await Task { await expectFailure { try await client.complete(sampleRequest) } }.value
        #expect(failure?.reason == .cancelled)
        #expect(failure?.attempts.map(\.outcome) == [.http(status: 503)])
        #expect(clock.sleeps.isEmpty)
    }

    @Test("a failure describes outcomes and times only")
    func failureDescription() {
        let failure = LLMFailure(
            reason: .attemptsExhausted,
            attempts: [
                LLMAttempt(number: 1, outcome: .http(status: 500), latencyMs: 12, backoffMs: 0),
                LLMAttempt(number: 2, outcome: .transport(.timeout), latencyMs: 300, backoffMs: 90),
            ])
        #expect(
            "\(failure)" == "LLM completion failed: attempts exhausted after 2 attempts "
                + "[http 500 (12 ms), transport timeout (300 ms)]")
    }
}

/// Answers 503 and cancels the calling task, as a disconnecting shopper would.
private struct CancellingTransport: LLMTransport {
    func attempt(_ request: LLMRequest, number: Int, timeout: Duration) async -> LLMAttemptResult {
        withUnsafeCurrentTask { $0?.cancel() }
        return .httpError(status: 503, retryAfter: nil)
    }
}
