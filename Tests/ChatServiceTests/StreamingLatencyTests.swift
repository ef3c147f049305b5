import ConciergeCore
import CurlLLM
import Foundation
import Testing
import TestSupport

/// Time to the first visible text of a turn, measured both ways: per-sentence release (what the turn does) and
/// holding the whole answer until the guard passes (what the page would see first: the final text, sent at the
/// end). Prints the figures (BENCHMARKS.md, "Streamed answers"); asserts only that releasing sentences is earlier.
@Suite("Chat turn: time to first visible text")
struct StreamingLatencyTests {
    struct Timing {
        var firstText: Duration
        var wholeAnswer: Duration
        var done: Duration
    }

    /// One streamed turn: when the first text event arrived, when the last one did (the whole answer, guarded),
    /// and when the stored turn came.
    static func measure(_ world: ChatWorld, _ message: String) async throws -> Timing {
        let user = try await world.user("ava@example.com")
        let clock = ContinuousClock()
        let start = clock.now
        var first: Duration?
        var last = Duration.zero
        for try await event in world.chat.stream(ChatInput(userID: user.id, text: message)) {
            switch event {
            case .delta, .replace:
                first = first ?? start.duration(to: clock.now)
                last = start.duration(to: clock.now)
            case .done:
                let done = start.duration(to: clock.now)
                return Timing(firstText: first ?? done, wholeAnswer: last, done: done)
            case .accepted: break
            }
        }
        throw TimingError.noDone
    }

    static func median(_ timings: [Timing]) -> Timing {
        func middle(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }
        return Timing(firstText: middle(timings.map(\.firstText)), wholeAnswer: middle(timings.map(\.wholeAnswer)),
                      done: middle(timings.map(\.done)))
    }

    static func report(_ label: String, _ timing: Timing) {
        print("TTFT \(label): per-sentence first text \(timing.firstText.wholeMilliseconds) ms; "
              + "held until the whole answer passed the guard \(timing.wholeAnswer.wholeMilliseconds) ms; "
              + "turn stored \(timing.done.wholeMilliseconds) ms")
    }

    @Test("per-sentence release shows text sooner than holding the answer, against the fake server and the mock")
    func firstVisibleText() async throws {
        // 4 characters a chunk, 30 ms apart: about a token every 30 ms, a hosted small model's pace.
        let answer = "Happy to help with that. I can look at your orders, your offers and the shops near you. "
            + "Tell me which one you mean and I will check it for you straight away."
        let entry = "200:text64=\(Data(answer.utf8).base64EncodedString()),chunk=4,chunk-ms=30"
        let session = try await FakeLLMServer.session(default: entry)
        let transport = try CurlLLMTransport(configuration: CurlLLMConfiguration(baseURL: session.baseURL),
                                             logger: LogCapture().logger())
        let remote = try await ChatWorld.make(llm: RetryingLLMClient(transport: transport, policy: RetryPolicy()))
        var fake: [Timing] = []
        for _ in 0..<5 { fake.append(try await Self.measure(remote, "can you help me?")) }
        try await remote.close()
        let mockWorld = try await ChatWorld.make(llm: MockLLMClient(chunkDelay: .milliseconds(30)))
        var mock: [Timing] = []
        for _ in 0..<5 { mock.append(try await Self.measure(mockWorld, "I'm cold")) }
        try await mockWorld.close()
        let (fakeMedian, mockMedian) = (Self.median(fake), Self.median(mock))
        Self.report("fake server (4 chars/30 ms)", fakeMedian)
        Self.report("mock (6 chars/30 ms)", mockMedian)
        #expect(fakeMedian.firstText < fakeMedian.wholeAnswer)
        #expect(mockMedian.firstText < mockMedian.wholeAnswer)
    }

    enum TimingError: Error { case noDone }
}
