import ConciergeCore
import CurlLLM
import TestSupport
import Testing

/// `RetryingLLMClient` over the real libcurl transport and the fake server.
@Suite("RetryingLLMClient over CurlLLMTransport")
struct CurlRetryIntegrationTests {
    static let key = "sk-test-integration"

    func transport(_ session: FakeLLMSession) throws -> CurlLLMTransport {
        try CurlLLMTransport(
            configuration: CurlLLMConfiguration(baseURL: session.baseURL, apiKey: Self.key),
            logger: LogCapture().logger())
    }

    @Test("429 with Retry-After, then 200: one exact sleep, the same body sent twice")
    func retryAfterThenSuccess() async throws {
        let session = try await FakeLLMServer.session(
            responses: ["429:retry-after=1", "200:text=warm"], apiKey: Self.key)
        let clock = ManualClock()
        let client = RetryingLLMClient(
            transport: try transport(session), policy: RetryPolicy(), clock: clock, random: ConstantRandom.top)
        let completion = try await client.complete(sampleRequest)
        #expect(completion.text == "warm")
        #expect(clock.sleeps == [.seconds(1)])
        #expect(completion.attempts.map(\.outcome) == [.http(status: 429), .ok(status: 200)])
        #expect(completion.attempts.map(\.retryAfterMs) == [1_000, nil])
        #expect(completion.attempts.map(\.backoffMs) == [0, 1_000])
        let bodies = try await session.recordedBodies()
        #expect(bodies.count == 2 && bodies[0] == bodies[1])
    }

    @Test("500, 500, 500: a failure carrying three attempts")
    func serverErrors() async throws {
        let session = try await FakeLLMServer.session(responses: ["500", "500", "500"], apiKey: Self.key)
        let clock = ManualClock()
        let client = RetryingLLMClient(
            transport: try transport(session), policy: RetryPolicy(maxAttempts: 3), clock: clock,
            random: ConstantRandom.top)
        let failure = await expectFailure { try await client.complete(sampleRequest) }
        #expect(failure?.reason == .attemptsExhausted)
        #expect(failure?.attempts.map(\.outcome) == Array(repeating: .http(status: 500), count: 3))
        #expect(clock.sleeps == [.milliseconds(250), .milliseconds(500)])
        #expect(try await session.recordedBodies().count == 3)
    }

    @Test("a 401 is not retried")
    func unauthorized() async throws {
        let session = try await FakeLLMServer.session(responses: ["401"], apiKey: Self.key)
        let client = RetryingLLMClient(transport: try transport(session), policy: RetryPolicy())
        let failure = await expectFailure { try await client.complete(sampleRequest) }
        #expect(failure?.reason == .notRetryable(status: 401))
        #expect(try await session.recordedBodies().count == 1)
    }

    @Test("a hung server, real clock: every attempt times out and the call ends near its deadline")
    func hangsUntilDeadline() async throws {
        let session = try await FakeLLMServer.session(default: "hang", apiKey: Self.key)
        let policy = RetryPolicy(
            maxAttempts: 5, baseDelay: .milliseconds(50), maxDelay: .milliseconds(100),
            attemptTimeout: .milliseconds(300), deadline: .milliseconds(800))
        let client = RetryingLLMClient(transport: try transport(session), policy: policy)
        let failure = await expectFailure { try await client.complete(sampleRequest) }
        #expect(failure?.reason == .deadlineExceeded)
        #expect(failure?.attempts.allSatisfy { $0.outcome == .transport(.timeout) } == true)
        // 2 or 3 (300 ms, ≤ 50 ms, 300 ms, then a third only if the jitter leaves 100 ms); 1 only if a loaded
        // machine stretches the first attempt.
        #expect((1...3).contains(failure?.attempts.count ?? 0))
    }

    @Test("the production client: Retry-After in milliseconds on the real clock")
    func productionClient() async throws {
        let session = try await FakeLLMServer.session(
            responses: ["503:retry-after-ms=20", "200:text=done"], apiKey: Self.key)
        let client = RetryingLLMClient(transport: try transport(session), policy: RetryPolicy())
        let completion = try await client.complete(sampleRequest)
        #expect(completion.text == "done")
        #expect(completion.attempts.map(\.backoffMs) == [0, 20])
    }
}
