import ConciergeCore
import CurlLLM
import Foundation
import Synchronization
import TestSupport
import Testing

/// Streamed attempts through libcurl against the fake server: good streams, and streams that break mid-way.
@Suite("Streaming through the fake server")
struct StreamingTransportTests {
    /// Collects deltas from the transfer's thread.
    final class Deltas: Sendable {
        let pieces = Mutex<[String]>([])
        var all: [String] { pieces.withLock { $0 } }
        var onDelta: @Sendable (String) -> Void { { piece in self.pieces.withLock { $0.append(piece) } } }
    }

    static func text64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    func stream(_ entry: String) async throws -> (LLMAttemptResult, [String], FakeLLMSession) {
        let session = try await FakeLLMServer.session(responses: [entry])
        let transport = try CurlLLMTransport(configuration: CurlLLMConfiguration(baseURL: session.baseURL),
                                             logger: LogCapture().logger())
        let deltas = Deltas()
        let result = await transport.streamAttempt(sampleRequest, number: 1, timeout: .seconds(10),
                                                   onDelta: deltas.onDelta)
        return (result, deltas.all, session)
    }

    @Test("a stream cut into 3-byte writes arrives whole, in order, with its usage; the request asks to stream")
    func goodStream() async throws {
        let text = "Café 🍫, Lakeside: <ORDER_ID_1> ships today."
        let (result, deltas, session) = try await stream("200:text64=\(Self.text64(text)),chunk=5,split=3")
        #expect(result == .reply(LLMReply(status: 200, text: text, model: "gpt-test",
                                          usage: LLMUsage(promptTokens: 7, completionTokens: 5))))
        #expect(deltas.joined() == text && deltas.count > 3)
        let body = try #require(try await session.recordedBodies().first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(json["stream"] as? Bool == true)
        #expect((json["stream_options"] as? [String: Bool]) == ["include_usage": true])
    }

    @Test("mid-stream failures are classified after the deltas that arrived: disconnect, garbage, no [DONE]")
    func brokenStreams() async throws {
        let text = Self.text64("one two three four five six")
        let (disconnect, shown, _) = try await stream("200:text64=\(text),chunk=4,end=disconnect,after=2")
        #expect(shown == ["one ", "two "])
        #expect(disconnect.outcome == .transport(.truncated) || disconnect.outcome == .transport(.reset))
        let (garbage, garbageShown, _) = try await stream("200:text64=\(text),chunk=4,end=garbage,after=3")
        #expect(garbage == .malformed && garbageShown.count == 3)
        let (noDone, _, _) = try await stream("200:text64=\(text),chunk=4,end=nodone,after=1")
        #expect(noDone == .transportError(.truncated))
    }

    @Test("the retrying client retries a failed stream before its first delta, never after it")
    func retriesOnlyBeforeTheFirstDelta() async throws {
        let session = try await FakeLLMServer.session(responses: [
            "500", "200:text=hello there,chunk=3", "200:text=broken stream,end=disconnect,after=1", "200:text=never",
        ])
        let transport = try CurlLLMTransport(configuration: CurlLLMConfiguration(baseURL: session.baseURL),
                                             logger: LogCapture().logger())
        let client = RetryingLLMClient(transport: transport, policy: RetryPolicy(baseDelay: .zero, maxDelay: .zero))
        var deltas: [String] = []
        var finished: LLMCompletion?
        for try await event in client.stream(sampleRequest, continuing: []) {
            switch event {
            case .delta(let piece): deltas.append(piece)
            case .finished(let completion): finished = completion
            }
        }
        #expect(deltas.joined() == "hello there")
        #expect(finished?.attempts.map(\.outcome) == [.http(status: 500), .ok(status: 200)])
        #expect(finished?.text == "hello there" && finished?.usage == LLMUsage(promptTokens: 7, completionTokens: 5))
        var interrupted: [String] = []
        do {
            for try await event in client.stream(sampleRequest, continuing: []) {
                if case .delta(let piece) = event { interrupted.append(piece) }
            }
            Issue.record("a stream broken after its first delta must throw")
        } catch let failure as LLMFailure {
            #expect(failure.reason == .interrupted && failure.attempts.count == 1)
        }
        #expect(interrupted == ["brok"])
        #expect(try await session.recordedBodies().count == 3)  // "never" was not asked for
    }
}
