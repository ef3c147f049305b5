import ConciergeCore
import Foundation
import SeededRandom
import TestSupport
import Testing

/// LLM_MAX_ATTEMPTS and LLM_DEADLINE_MS bound the whole turn, the guard's regeneration included (found by
/// script/drill-llm's "guard-then-hang" fault: 4 attempts in 5.4 s under a limit of 3 attempts and 4 s).
@Suite("A turn's model budget")
struct TurnBudgetTests {
    @Test func aRegenerationContinuesTheTurnsAttemptsAndDeadline() async throws {
        let clock = ManualClock()
        // 1.4 s for an ungrounded answer, then nothing but timeouts.
        let transport = TimedTransport(clock: clock, first: "Use FREE100 at Moonbeam Cafe for 100% off!",
                                       firstTakes: .milliseconds(1_400))
        let policy = RetryPolicy(maxAttempts: 3, attemptTimeout: .milliseconds(1_500), deadline: .seconds(4))
        let client = RetryingLLMClient(transport: transport, policy: policy, clock: clock, random: SplitMix64(seed: 1))
        let world = try await ChatWorld.make(llm: client)
        let turn = try await world.ask("ava@example.com", "any offers?")
        #expect(turn.source == .fallback)
        #expect(turn.reply.trace?.guardVerdict?.regenerated == true)
        let attempts = try #require(turn.reply.trace?.attempts)
        #expect(attempts.map(\.number) == [1, 2, 3])
        #expect(attempts.map(\.outcome) == [.ok(status: 200), .transport(.timeout), .transport(.timeout)])
        #expect(transport.calls == 3)
        #expect(clock.elapsed <= .seconds(4), "the model took \(clock.elapsed) of a 4 s deadline")
        try await world.close()
    }
}

/// The first attempt answers `first` after `firstTakes`; every later one times out, taking its whole timeout.
final class TimedTransport: LLMTransport, @unchecked Sendable {
    private let clock: ManualClock
    private let first: String
    private let firstTakes: Duration
    private let lock = NSLock()
    private var count = 0

    init(clock: ManualClock, first: String, firstTakes: Duration) {
        self.clock = clock
        self.first = first
        self.firstTakes = firstTakes
    }

    var calls: Int { lock.withLock { count } }

    func attempt(_ request: LLMRequest, number: Int, timeout: Duration) async -> LLMAttemptResult {
        let call = lock.withLock {
            count += 1
            return count
        }
        if call == 1 {
            clock.advance(by: min(firstTakes, timeout))
            return .reply(LLMReply(status: 200, text: first, model: nil))
        }
        clock.advance(by: timeout)
        return .transportError(.timeout)
    }
}
