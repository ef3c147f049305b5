import ConciergeCore
import SeededRandom
import TestSupport
import Testing

/// The retry loop on a manual clock: every sleep is exact and the tests take no time.
@Suite("RetryingLLMClient on a manual clock")
struct RetryingLLMClientTests {
    @Test("a first-time success makes one attempt and never sleeps")
    func firstTime() async throws {
        let (client, _, clock) = scriptedClient([.reply("warm drinks ahead", model: nil)])
        let completion = try await client.complete(sampleRequest)
        #expect(completion.text == "warm drinks ahead")
        #expect(completion.model == "gpt-test")  // the provider named none: the model asked for
        #expect(completion.attempts == [LLMAttempt(number: 1, outcome: .ok(status: 200), latencyMs: 0, backoffMs: 0)])
        #expect(clock.sleeps.isEmpty)
    }

    @Test("the tokens a provider reports are kept per attempt and summed over a turn's calls")
    func usage() async throws {
        let (client, _, _) = scriptedClient([
            .status(503), .reply("first", usage: LLMUsage(promptTokens: 812, completionTokens: 41)),
            .reply("second", usage: LLMUsage(promptTokens: 830, completionTokens: 37)),
        ])
        let first = try await client.complete(sampleRequest)
        #expect(first.attempts.map(\.usage) == [nil, LLMUsage(promptTokens: 812, completionTokens: 41)])
        #expect(first.usage == LLMUsage(promptTokens: 812, completionTokens: 41))
        let second = try await client.complete(sampleRequest, continuing: first.attempts)
        let turn = first.attempts + second.attempts
        #expect(turn.totalUsage == LLMUsage(promptTokens: 1_642, completionTokens: 78))
        #expect(turn.totalUsage.totalTokens == 1_720)
    }

    @Test("retries sleep the capped exponential schedule, recorded on each attempt")
    func schedule() async throws {
        let policy = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(250), maxDelay: .seconds(1))
        let (client, _, clock) = scriptedClient(
            [.status(500), .status(503), .transport(.reset), .status(502), .reply()], policy: policy)
        let completion = try await client.complete(sampleRequest)
        #expect(clock.sleeps == [250, 500, 1_000, 1_000].map { Duration.milliseconds($0) })
        #expect(completion.attempts.map(\.backoffMs) == [0, 250, 500, 1_000, 1_000])
        #expect(completion.attempts.map(\.number) == [1, 2, 3, 4, 5])
        #expect(
            completion.attempts.map(\.outcome) == [
                .http(status: 500), .http(status: 503), .transport(.reset), .http(status: 502), .ok(status: 200),
            ])
    }

    @Test("a seeded generator pins the jittered sleeps exactly")
    func seededSleeps() async throws {
        let policy = RetryPolicy(maxAttempts: 4)
        let steps: [ScriptedTransport.Step] = [.status(500), .status(500), .status(500), .reply()]
        let (first, _, firstClock) = scriptedClient(steps, policy: policy, random: SplitMix64(seed: 42))
        let (second, _, secondClock) = scriptedClient(steps, policy: policy, random: SplitMix64(seed: 42))
        _ = try await first.complete(sampleRequest)
        _ = try await second.complete(sampleRequest)
        #expect(firstClock.sleeps == [186, 80, 278].map { Duration.milliseconds($0) })
        #expect(secondClock.sleeps == firstClock.sleeps)
    }

    @Test("408, 429 and 5xx are retried", arguments: [408, 429, 500, 502, 503, 504])
    func retriedStatus(status: Int) async throws {
        let (client, _, clock) = scriptedClient([.status(status), .reply()])
        let completion = try await client.complete(sampleRequest)
        #expect(completion.attempts.map(\.outcome) == [.http(status: status), .ok(status: 200)])
        #expect(clock.sleeps.count == 1)
    }

    @Test(
        "transport failures are retried",
        arguments: [
            LLMTransportErrorKind.timeout, .refused, .reset, .truncated, .unresolvedHost, .tls, .other,
        ])
    func retriedTransport(kind: LLMTransportErrorKind) async throws {
        let (client, _, _) = scriptedClient([.transport(kind), .reply()])
        let completion = try await client.complete(sampleRequest)
        #expect(completion.attempts.map(\.outcome) == [.transport(kind), .ok(status: 200)])
    }

    @Test("other 4xx end the call after one attempt", arguments: [400, 401, 403, 404, 422])
    func notRetried(status: Int) async throws {
        let (client, _, clock) = scriptedClient([.status(status)])
        let failure = await expectFailure { try await client.complete(sampleRequest) }
        #expect(failure?.reason == .notRetryable(status: status))
        #expect(failure?.attempts.map(\.outcome) == [.http(status: status)])
        #expect(clock.sleeps.isEmpty)
    }

    @Test("a malformed 2xx is not retried")
    func malformedNotRetried() async throws {
        let (client, _, _) = scriptedClient([.malformed])
        let failure = await expectFailure { try await client.complete(sampleRequest) }
        #expect(failure?.reason == .malformedResponse)
        #expect(failure?.attempts.count == 1)
    }

    @Test("Retry-After is honoured exactly, up to and including the cap")
    func retryAfterHonoured() async throws {
        let (client, _, clock) = scriptedClient(
            [.status(429, retryAfter: .seconds(2)), .status(503, retryAfter: .seconds(4)), .reply()])
        let completion = try await client.complete(sampleRequest)
        #expect(clock.sleeps == [.seconds(2), .seconds(4)])
        #expect(completion.attempts.map(\.retryAfterMs) == [2_000, 4_000, nil])
        #expect(completion.attempts.map(\.backoffMs) == [0, 2_000, 4_000])
    }

    @Test("a Retry-After beyond the cap gives up at once instead of retrying early")
    func retryAfterBeyondCap() async throws {
        let (client, _, clock) = scriptedClient([.status(429, retryAfter: .seconds(20))])
        let failure = await expectFailure { try await client.complete(sampleRequest) }
        #expect(failure?.reason == .retryAfterBeyondCap)
        #expect(failure?.attempts.map(\.retryAfterMs) == [20_000])
        #expect(clock.sleeps.isEmpty)
    }

    @Test("at most maxAttempts attempts", arguments: [1, 2, 3, 5])
    func attemptCap(maxAttempts: Int) async throws {
        let steps = Array(repeating: ScriptedTransport.Step.status(500), count: maxAttempts)
        let (client, _, clock) = scriptedClient(steps, policy: RetryPolicy(maxAttempts: maxAttempts))
        let failure = await expectFailure { try await client.complete(sampleRequest) }
        #expect(failure?.reason == .attemptsExhausted)
        #expect(failure?.attempts.count == maxAttempts)
        #expect(clock.sleeps.count == maxAttempts - 1)
    }

    /// The guard's regeneration continues the turn: script/drill-llm found a turn making 4 attempts in 5.4 s under
    /// LLM_MAX_ATTEMPTS=3 and LLM_DEADLINE_MS=4000 when its first answer (after 1.4 s) failed the guard and the
    /// regeneration hung, because the second call started a fresh budget.
    @Test("a continuing call shares the turn's budget: numbering goes on, the deadline is what is left")
    func continuingSharesTheBudget() async throws {
        let policy = RetryPolicy(maxAttempts: 3, attemptTimeout: .milliseconds(1_500), deadline: .seconds(4))
        let (client, transport, clock) = scriptedClient([.transport(.timeout), .transport(.timeout)], policy: policy)
        let spent = [LLMAttempt(number: 1, outcome: .ok(status: 200), latencyMs: 1_400, backoffMs: 0)]
        let failure = await expectFailure { try await client.complete(sampleRequest, continuing: spent) }
        #expect(failure?.reason == .attemptsExhausted)
        #expect(failure?.attempts.map(\.number) == [2, 3])
        #expect(clock.sleeps == [.milliseconds(500)])  // the ceiling before attempt 3 of the turn
        #expect(transport.timeouts == [.milliseconds(1_500), .milliseconds(600)])
        #expect(clock.elapsed == .milliseconds(2_600), "1.4 s spent + 2.6 s = the 4 s deadline")
    }

    @Test("a continuing call whose attempts or time are already spent makes no attempt")
    func spentBudgetMakesNoAttempt() async throws {
        let (client, transport, _) = scriptedClient([], policy: RetryPolicy(maxAttempts: 2, deadline: .seconds(4)))
        let two = [1, 2].map { LLMAttempt(number: $0, outcome: .http(status: 500), latencyMs: 10, backoffMs: 0) }
        let exhausted = await expectFailure { try await client.complete(sampleRequest, continuing: two) }
        #expect(exhausted?.reason == .attemptsExhausted && exhausted?.attempts == [])
        let slow = [LLMAttempt(number: 1, outcome: .ok(status: 200), latencyMs: 3_950, backoffMs: 0)]
        let late = await expectFailure { try await client.complete(sampleRequest, continuing: slow) }
        #expect(late?.reason == .deadlineExceeded && late?.attempts == [])
        #expect(transport.timeouts.isEmpty)
    }
}
