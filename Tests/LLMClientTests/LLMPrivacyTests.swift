import ConciergeCore
import CurlLLM
import Foundation
import TestSupport
import Testing

/// The key, the prompt and the reply never reach a log line, an error or a description.
@Suite("LLM client privacy")
struct LLMPrivacyTests {
    let key = "sk-test-SECRET-\(UUID().uuidString)"
    let promptMarker = "PROMPT-\(UUID().uuidString)"
    let replyMarker = "REPLY-\(UUID().uuidString)"

    var request: LLMRequest {
        LLMRequest(model: "gpt-test", messages: [.system("rules"), .user("I'm cold \(promptMarker)")])
    }

    @Test("logs and failures hold statuses and times, never the key, the prompt or the reply")
    func nothingLeaks() async throws {
        let capture = LogCapture()
        // Error bodies of the fake server quote the request: the client must not pass them on.
        let session = try await FakeLLMServer.session(
            responses: ["500", "429:retry-after=0", "200:text=\(replyMarker)", "400", "reset", "malformed"],
            apiKey: key)
        let transport = try CurlLLMTransport(
            configuration: CurlLLMConfiguration(baseURL: session.baseURL, apiKey: key),
            logger: capture.logger(label: "concierge.llm"))
        let client = RetryingLLMClient(
            transport: transport, policy: RetryPolicy(baseDelay: .zero), clock: ManualClock(),
            random: ConstantRandom.top)

        let completion = try await client.complete(request)
        #expect(completion.text == replyMarker)
        let rejected = await expectFailure { try await client.complete(request) }
        #expect(rejected?.reason == .notRetryable(status: 400))
        _ = await transport.attempt(request, number: 1, timeout: .seconds(5))  // reset
        _ = await transport.attempt(request, number: 1, timeout: .seconds(5))  // malformed

        // Not vacuous: one line per attempt, with the metadata an operator needs, and the key was really used.
        #expect(capture.entries.count == 6)
        #expect(capture.entries.allSatisfy { $0.metadata["llm.attempt"] != nil && $0.metadata["llm.outcome"] != nil })
        #expect(capture.entries.contains { $0.metadata["curl.code"] != nil })
        #expect(try await session.recordedRequests().allSatisfy { $0.authorization == "valid" })

        for secret in [key, "Bearer", promptMarker, replyMarker, "I'm cold", "rules"] {
            #expect(capture.lines(containing: secret).isEmpty, "a log line holds \(secret)")
            #expect(!"\(rejected as Any)".contains(secret))
            #expect(!String(reflecting: rejected as Any).contains(secret))
        }
    }

    @Test("printing or dumping a configuration or a transport never shows the key")
    func descriptions() throws {
        let configuration = CurlLLMConfiguration(baseURL: "https://user:pw@llm.example/v1", apiKey: key)
        let transport = try CurlLLMTransport(configuration: configuration)
        var dumped = ""
        dump(configuration, to: &dumped)
        dump(transport, to: &dumped)
        let client = RetryingLLMClient(transport: transport, policy: RetryPolicy())
        dump(client, to: &dumped)
        let texts = [
            "\(configuration)", String(reflecting: configuration), "\(transport)",
            String(reflecting: transport), "\(client)", dumped,
        ]
        for text in texts {
            #expect(!text.contains(key))
            #expect(!text.contains("pw@"))
        }
        #expect("\(configuration)".contains("key: set"))
    }
}
