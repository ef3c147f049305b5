import ConciergeCore
import Foundation
import TestSupport
import Testing

/// A transport answering from a script, on a manual clock. Each step "takes" some time on that clock (a timeout
/// takes the whole timeout it was given). Calling it more often than scripted fails the test.
///
/// `@unchecked Sendable`: `state` is touched only under `lock`.
final class ScriptedTransport: LLMTransport, @unchecked Sendable {
    struct Step: Sendable {
        var result: LLMAttemptResult
        /// Time the attempt takes on the clock; `nil`: the whole timeout for `.timeout`, else none.
        var takes: Duration?

        static func reply(_ text: String = "hello", model: String? = "gpt-test", usage: LLMUsage? = nil) -> Step {
            Step(result: .reply(LLMReply(status: 200, text: text, model: model, usage: usage)))
        }

        static func status(_ status: Int, retryAfter: Duration? = nil) -> Step {
            Step(result: .httpError(status: status, retryAfter: retryAfter))
        }

        static func transport(_ kind: LLMTransportErrorKind) -> Step {
            Step(result: .transportError(kind))
        }

        static let malformed = Step(result: .malformed)
    }

    private struct State {
        var steps: [Step]
        var timeouts: [Duration] = []
    }

    private let clock: ManualClock
    private let lock = NSLock()
    private var state: State

    init(clock: ManualClock, _ steps: [Step]) {
        self.clock = clock
        state = State(steps: steps)
    }

    /// The timeout each attempt was given, in order.
    var timeouts: [Duration] { withState { $0.timeouts } }

    func attempt(_ request: LLMRequest, number: Int, timeout: Duration) async -> LLMAttemptResult {
        let step = withState { state -> Step? in
            state.timeouts.append(timeout)
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        guard let step else {
            Issue.record("unscripted attempt \(number)")
            return .transportError(.other)
        }
        let isTimeout = step.result == .transportError(.timeout)
        clock.advance(by: min(step.takes ?? (isTimeout ? timeout : .zero), timeout))
        return step.result
    }

    private func withState<Value>(_ body: (inout State) -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }
}

/// A "generator" that always returns the same word: `.top` draws the ceiling of every jitter range, `.bottom`
/// draws zero, so expected sleeps can be written down by hand.
struct ConstantRandom: RandomNumberGenerator, Sendable {
    let word: UInt64
    mutating func next() -> UInt64 { word }

    static let top = ConstantRandom(word: .max)
    static let bottom = ConstantRandom(word: 0)
}

/// A small request used across the tests.
let sampleRequest = LLMRequest(
    model: "gpt-test", messages: [.system("You are a concierge."), .user("I'm cold, anything warm nearby?")],
    temperature: 0.2, maxTokens: 200)

/// A retrying client over a scripted transport on a fresh manual clock.
func scriptedClient(
    _ steps: [ScriptedTransport.Step], policy: RetryPolicy = RetryPolicy(),
    random: some RandomNumberGenerator & Sendable = ConstantRandom.top
) -> (RetryingLLMClient<ScriptedTransport, ManualClock>, ScriptedTransport, ManualClock) {
    let clock = ManualClock()
    let transport = ScriptedTransport(clock: clock, steps)
    return (RetryingLLMClient(transport: transport, policy: policy, clock: clock, random: random), transport, clock)
}

/// The `LLMFailure` that `body` throws; records an issue if it returns or throws something else.
func expectFailure(_ body: () async throws -> LLMCompletion) async -> LLMFailure? {
    do {
        let completion = try await body()
        Issue.record("expected an LLMFailure, got a completion after \(completion.attempts.count) attempts")
    } catch let failure as LLMFailure {
        return failure
    } catch {
        Issue.record("expected an LLMFailure, got \(error)")
    }
    return nil
}
