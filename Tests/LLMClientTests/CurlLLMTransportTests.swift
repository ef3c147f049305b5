import ConciergeCore
import CurlLLM
import Foundation
import TestSupport
import Testing

/// One attempt through libcurl against the fake server: every outcome classified.
@Suite("CurlLLMTransport against the fake server")
struct CurlLLMTransportTests {
    static let key = "sk-test-transport"

    func transport(_ session: FakeLLMSession, key: String? = Self.key) throws -> CurlLLMTransport {
        try CurlLLMTransport(
            configuration: CurlLLMConfiguration(baseURL: session.baseURL, apiKey: key),
            logger: LogCapture().logger())
    }

    func attempt(_ responses: [String], timeout: Duration = .seconds(5)) async throws -> LLMAttemptResult {
        let session = try await FakeLLMServer.session(responses: responses, apiKey: Self.key)
        return try await transport(session).attempt(sampleRequest, number: 1, timeout: timeout)
    }

    @Test("a 200 is parsed, and the request is an OpenAI chat-completions POST with the bearer key")
    func success() async throws {
        let session = try await FakeLLMServer.session(responses: ["200:text=hello there"], apiKey: Self.key)
        let result = try await transport(session).attempt(sampleRequest, number: 1, timeout: .seconds(5))
        #expect(result == .reply(LLMReply(status: 200, text: "hello there", model: "gpt-test",
                                              usage: LLMUsage(promptTokens: 1, completionTokens: 1))))
        let requests = try await session.recordedRequests()
        #expect(requests.map(\.path) == ["/v1/chat/completions"])
        #expect(requests.first?.contentType == "application/json")
        #expect(requests.first?.authorization == "valid")
        let body = try JSONSerialization.jsonObject(with: Data(try #require(requests.first?.body).utf8))
        let expected: NSDictionary = [
            "model": "gpt-test", "temperature": 0.2, "max_tokens": 200,
            "messages": [
                ["role": "system", "content": "You are a concierge."],
                ["role": "user", "content": "I'm cold, anything warm nearby?"],
            ],
        ]
        #expect((body as? NSDictionary) == expected)
    }

    @Test("no key, no Authorization header (local servers)")
    func noKey() async throws {
        let session = try await FakeLLMServer.session(responses: ["200"])
        let result = try await transport(session, key: nil).attempt(sampleRequest, number: 1, timeout: .seconds(5))
        #expect(result.outcome == .ok(status: 200))
        #expect(try await session.recordedRequests().map(\.authorization) == ["missing"])
    }

    @Test("a wrong key is a 401")
    func wrongKey() async throws {
        let session = try await FakeLLMServer.session(responses: ["200"], apiKey: Self.key)
        let wrong = try transport(session, key: "sk-wrong")
        let result = await wrong.attempt(sampleRequest, number: 1, timeout: .seconds(5))
        #expect(result == .httpError(status: 401, retryAfter: nil))
        #expect(try await session.recordedRequests().map(\.authorization) == ["invalid"])
    }

    @Test("statuses and their Retry-After are read")
    func statuses() async throws {
        #expect(try await attempt(["429:retry-after=2"]) == .httpError(status: 429, retryAfter: .seconds(2)))
        #expect(
            try await attempt(["503:retry-after-ms=150"])
                == .httpError(status: 503, retryAfter: .milliseconds(150)))
        #expect(try await attempt(["500"]) == .httpError(status: 500, retryAfter: nil))
        #expect(try await attempt(["404"]) == .httpError(status: 404, retryAfter: nil))
    }

    @Test("a hung server is a transport timeout within the attempt timeout")
    func hang() async throws {
        let result = try await attempt(["hang"], timeout: .milliseconds(300))
        #expect(result == .transportError(.timeout))
    }

    @Test("a reset connection, a truncated body")
    func brokenConnections() async throws {
        #expect(try await attempt(["reset"]) == .transportError(.reset))
        #expect(try await attempt(["truncated"]) == .transportError(.truncated))
    }

    @Test("a 2xx without a usable completion is malformed", arguments: ["malformed", "empty", "huge", "200:text="])
    func malformed(entry: String) async throws {
        #expect(try await attempt([entry]) == .malformed)
    }

    @Test("nothing listening is a refused connection")
    func refused() async throws {
        let configuration = CurlLLMConfiguration(baseURL: "http://127.0.0.1:1/v1")
        let result = try await CurlLLMTransport(configuration: configuration, logger: LogCapture().logger())
            .attempt(sampleRequest, number: 1, timeout: .seconds(5))
        #expect(result == .transportError(.refused))
    }

    /// With a 30 s timeout, `.cancelled` (not `.timeout`) proves the transfer was aborted by the cancellation.
    @Test("cancelling the task aborts a transfer in flight long before its timeout")
    func cancellation() async throws {
        let session = try await FakeLLMServer.session(responses: ["hang"])
        let transport = try transport(session)
        let task = Task { await transport.attempt(sampleRequest, number: 1, timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        #expect(await task.value == .transportError(.cancelled))
    }

    @Test("attempts run in parallel on the transport's threads")
    func parallel() async throws {
        let results = try await withThrowingTaskGroup(of: LLMAttemptResult.self) { group in
            for index in 0..<12 {
                group.addTask { try await attempt(["200:text=reply \(index)"]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(results.map(\.outcome)) == [.ok(status: 200)])
        #expect(results.count == 12)
    }

    @Test(
        "base URLs other than absolute http(s) are refused",
        arguments: ["", "not a url", "ftp://host/v1", "file:///v1", "http:///v1"])
    func invalidBaseURL(baseURL: String) {
        #expect(throws: CurlLLMConfigurationError.invalidBaseURL) {
            try CurlLLMTransport(configuration: CurlLLMConfiguration(baseURL: baseURL))
        }
    }
}
