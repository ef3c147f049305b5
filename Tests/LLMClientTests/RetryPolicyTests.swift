import ConciergeCore
import Foundation
import SeededRandom
import Testing

@Suite("RetryPolicy: pure schedule and classification")
struct RetryPolicyTests {
    let policy = RetryPolicy(baseDelay: .milliseconds(250), maxDelay: .seconds(4))

    @Test("ceilings double from the base and stop at the cap")
    func ceilings() {
        let ceilings = (2...8).map { policy.backoffCeiling(beforeAttempt: $0) }
        #expect(ceilings == [250, 500, 1_000, 2_000, 4_000, 4_000, 4_000].map { Duration.milliseconds($0) })
        #expect(policy.backoffCeiling(beforeAttempt: 500) == .seconds(4))  // no overflow far out
    }

    @Test("the top of the jitter range is the ceiling, the bottom is zero")
    func jitterBounds() {
        var top = ConstantRandom.top
        var bottom = ConstantRandom.bottom
        for attempt in 2...8 {
            #expect(
                policy.delay(beforeAttempt: attempt, retryAfter: nil, random: &top)
                    == policy.backoffCeiling(beforeAttempt: attempt))
            #expect(policy.delay(beforeAttempt: attempt, retryAfter: nil, random: &bottom) == .zero)
        }
    }

    @Test("a seeded generator gives the same exact schedule every time, inside the ceilings")
    func seededSchedule() {
        func schedule(seed: UInt64) -> [Duration] {
            var random = SplitMix64(seed: seed)
            return (2...6).compactMap { policy.delay(beforeAttempt: $0, retryAfter: nil, random: &random) }
        }
        // Cross-checked with an independent implementation (SplitMix64 and this formula in Python).
        #expect(schedule(seed: 42) == [186, 80, 278, 688, 152].map { Duration.milliseconds($0) })
        #expect(schedule(seed: 42) == schedule(seed: 42))
        for seed in UInt64(0)..<500 {
            for (offset, wait) in schedule(seed: seed).enumerated() {
                #expect(wait >= .zero && wait <= policy.backoffCeiling(beforeAttempt: offset + 2))
            }
        }
    }

    @Test("Retry-After replaces the jitter up to the cap, and beyond it means give up")
    func retryAfter() {
        var random = ConstantRandom.top
        #expect(policy.delay(beforeAttempt: 2, retryAfter: .seconds(2), random: &random) == .seconds(2))
        #expect(policy.delay(beforeAttempt: 2, retryAfter: .seconds(4), random: &random) == .seconds(4))
        #expect(policy.delay(beforeAttempt: 2, retryAfter: .zero, random: &random) == .zero)
        #expect(policy.delay(beforeAttempt: 2, retryAfter: .milliseconds(4_001), random: &random) == nil)
    }

    @Test("408, 429 and 5xx are retried", arguments: [408, 429, 500, 502, 503, 504, 599])
    func retryableStatus(status: Int) {
        #expect(policy.isRetryable(.http(status: status)))
    }

    @Test("other 4xx and 3xx are not", arguments: [300, 301, 400, 401, 403, 404, 409, 413, 422])
    func permanentStatus(status: Int) {
        #expect(!policy.isRetryable(.http(status: status)))
    }

    @Test("transport failures are retried except cancellation; malformed and ok are not")
    func otherOutcomes() {
        for kind in LLMTransportErrorKind.allCases {
            #expect(policy.isRetryable(.transport(kind)) == (kind != .cancelled), "\(kind)")
        }
        #expect(!policy.isRetryable(.malformed))
        #expect(!policy.isRetryable(.ok(status: 200)))
    }

    @Test("the next step stops on the attempt cap, the cap on Retry-After, and the deadline")
    func nextStep() {
        var random = ConstantRandom.top
        let server = LLMAttemptOutcome.http(status: 500)
        #expect(
            policy.nextStep(after: server, retryAfter: nil, attempt: 1, remaining: .seconds(10), random: &random)
                == .retry(after: .milliseconds(250)))
        #expect(
            policy.nextStep(after: server, retryAfter: nil, attempt: 3, remaining: .seconds(10), random: &random)
                == .giveUp(.attemptsExhausted))
        #expect(
            policy.nextStep(
                after: server, retryAfter: .seconds(9), attempt: 1, remaining: .seconds(30),
                random: &random) == .giveUp(.retryAfterBeyondCap))
        // 250 ms of backoff leaves 99 ms < the 100 ms minimum attempt: no attempt could succeed in that.
        #expect(
            policy.nextStep(
                after: server, retryAfter: nil, attempt: 1, remaining: .milliseconds(349),
                random: &random) == .giveUp(.deadlineExceeded))
        #expect(
            policy.nextStep(
                after: .http(status: 404), retryAfter: nil, attempt: 1, remaining: .seconds(10),
                random: &random) == .giveUp(.notRetryable(status: 404)))
        #expect(
            policy.nextStep(
                after: .malformed, retryAfter: nil, attempt: 1, remaining: .seconds(10),
                random: &random) == .giveUp(.malformedResponse))
    }
}

@Suite("Retry-After header values")
struct RetryAfterTests {
    @Test("delta-seconds, decimals and retry-after-ms are read; dates and junk are not")
    func parsing() {
        #expect(RetryAfter.parse(retryAfter: "2", retryAfterMilliseconds: nil) == .seconds(2))
        #expect(RetryAfter.parse(retryAfter: " 1.5 ", retryAfterMilliseconds: nil) == .milliseconds(1_500))
        #expect(RetryAfter.parse(retryAfter: "2", retryAfterMilliseconds: "150") == .milliseconds(150))
        #expect(RetryAfter.parse(retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT", retryAfterMilliseconds: nil) == nil)
        for junk in ["-1", "", "inf", "nan", "1e3", "soon"] {
            #expect(RetryAfter.parse(retryAfter: junk, retryAfterMilliseconds: nil) == nil, "\(junk)")
        }
        #expect(RetryAfter.parse(retryAfter: "99999999999", retryAfterMilliseconds: nil) == .seconds(86_400))
        #expect(RetryAfter.parse(retryAfter: nil, retryAfterMilliseconds: nil) == nil)
    }
}

@Suite("LLM attempts in the trace")
struct LLMTraceCodingTests {
    @Test("attempts encode with readable outcomes and decode back")
    func roundTrip() throws {
        let attempts = [
            LLMAttempt(number: 1, outcome: .http(status: 429), latencyMs: 12, backoffMs: 0, retryAfterMs: 2_000),
            LLMAttempt(number: 2, outcome: .transport(.timeout), latencyMs: 300, backoffMs: 2_000),
            LLMAttempt(number: 3, outcome: .malformed, latencyMs: 40, backoffMs: 120),
            LLMAttempt(number: 4, outcome: .ok(status: 200), latencyMs: 800, backoffMs: 310),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(
            String(decoding: try encoder.encode(attempts[0]), as: UTF8.self)
                == #"{"backoffMs":0,"latencyMs":12,"number":1,"outcome":"http 429","retryAfterMs":2000}"#)
        #expect(try JSONDecoder().decode([LLMAttempt].self, from: encoder.encode(attempts)) == attempts)
        for junk in ["", "http", "http x", "transport lost", "malformed 1", "ok 200 extra"] {
            #expect(LLMAttemptOutcome(description: junk) == nil, "\(junk)")
        }
    }
}
