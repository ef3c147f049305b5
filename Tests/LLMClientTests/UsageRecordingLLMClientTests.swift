import ConciergeCore
import Foundation
import Synchronization
import Testing

/// Issue 14, "What the model costs": the decorator every model caller's client is wrapped in.
@Suite("Usage-recording LLM client")
struct UsageRecordingLLMClientTests {
    static let noon = Date(timeIntervalSince1970: 1_796_558_400)  // 2026-12-06T12:00:00Z
    /// 0.15 and 0.6 EUR per 1,000 tokens.
    static let pricing = ModelPricing(currency: "EUR", promptMicrosPer1K: 150_000, completionMicrosPer1K: 600_000)

    static func recorder(_ store: any ModelUsageStore, observer: ObservedUsage? = nil) -> ModelUsageRecorder {
        ModelUsageRecorder(store: store, clock: FixedWallClock(noon), pricing: pricing, observer: observer)
    }

    @Test("a completion records one call with its attempts' tokens, priced, under its purpose and the reported model")
    func success() async throws {
        let store = CountingUsageStore()
        let observer = ObservedUsage()
        let billed = LLMUsage(promptTokens: 812, completionTokens: 41)
        let reply = ScriptedTransport.Step.reply("warm", model: "gpt-4o-mini-2024-07-18", usage: billed)
        let (inner, _, _) = scriptedClient([.status(503), reply])
        let client = UsageRecordingLLMClient(inner, purpose: .shopperChat,
                                             recorder: Self.recorder(store, observer: observer))
        let completion = try await client.complete(sampleRequest)
        #expect(completion.text == "warm" && completion.attempts.count == 2, "the completion passes through untouched")
        let expected = ModelUsageRecord(day: "2026-12-06", model: "gpt-4o-mini-2024-07-18", purpose: "shopper-chat",
                                        currency: "EUR", calls: 1, promptTokens: 812, completionTokens: 41,
                                        costNanos: 812 * 150_000 + 41 * 600_000)
        #expect(store.added == [expected])
        #expect(observer.recorded == [expected] && observer.failures.isEmpty)
        #expect(NanoMoney.decimal(expected.costNanos) == "0.1464", "812 × 0.15 / 1000 + 41 × 0.6 / 1000")
    }

    @Test("a stream passes through piece by piece, and its usage is recorded when it finishes")
    func streamed() async throws {
        let store = CountingUsageStore()
        let billed = LLMUsage(promptTokens: 640, completionTokens: 22)
        let client = UsageRecordingLLMClient(PiecewiseClient(pieces: ["Warm ", "drinks ", "ahead."], usage: billed),
                                             purpose: .shopperChat, recorder: Self.recorder(store))
        var deltas: [String] = []
        var finished: LLMCompletion?
        for try await event in client.stream(sampleRequest, continuing: []) {
            switch event {
            case .delta(let text): deltas.append(text)
            case .finished(let completion): finished = completion
            }
        }
        #expect(deltas == ["Warm ", "drinks ", "ahead."], "not collapsed into one piece by the default stream")
        #expect(finished?.text == "Warm drinks ahead.")
        #expect(store.added.map(\.promptTokens) == [640] && store.added.map(\.completionTokens) == [22])
        #expect(store.added.first?.purpose == "shopper-chat")
    }

    @Test("a regeneration within the turn is a call of its own, with only its own attempts' tokens")
    func continuing() async throws {
        let store = CountingUsageStore()
        let (inner, _, _) = scriptedClient([
            .reply("first", usage: LLMUsage(promptTokens: 800, completionTokens: 40)),
            .reply("second", usage: LLMUsage(promptTokens: 830, completionTokens: 37)),
        ])
        let client = UsageRecordingLLMClient(inner, purpose: .analystChat, recorder: Self.recorder(store))
        let first = try await client.complete(sampleRequest)
        _ = try await client.complete(sampleRequest, continuing: first.attempts)
        #expect(store.added.map(\.promptTokens) == [800, 830] && store.added.map(\.calls) == [1, 1])
        #expect(store.added.allSatisfy { $0.purpose == "analyst-chat" && $0.model == "gpt-test" })
    }

    @Test("a failed call records the tokens its attempts were billed, under the model asked for, and still throws")
    func failureWithUsage() async throws {
        let store = CountingUsageStore()
        let billed = [
            LLMAttempt(number: 1, outcome: .ok(status: 200), latencyMs: 5, backoffMs: 0,
                       usage: LLMUsage(promptTokens: 700, completionTokens: 90)),
            LLMAttempt(number: 2, outcome: .http(status: 500), latencyMs: 5, backoffMs: 100),
        ]
        let failing = FailingModel(failure: LLMFailure(reason: .attemptsExhausted, attempts: billed))
        let client = UsageRecordingLLMClient(failing, purpose: .segmentInsight, recorder: Self.recorder(store))
        let failure = await expectFailure { try await client.complete(sampleRequest) }
        #expect(failure?.attempts == billed, "the same failure reaches the caller")
        #expect(store.added == [ModelUsageRecord(day: "2026-12-06", model: "gpt-test", purpose: "segment-insight",
                                                 currency: "EUR", calls: 1, promptTokens: 700, completionTokens: 90,
                                                 costNanos: 700 * 150_000 + 90 * 600_000)])
        // A call refused before any attempt (the turn's budget was spent) cost nothing and is no call.
        let spent = UsageRecordingLLMClient(FailingModel(failure: LLMFailure(reason: .deadlineExceeded, attempts: [])),
                                            purpose: .segmentInsight, recorder: Self.recorder(store))
        _ = await expectFailure { try await spent.complete(sampleRequest) }
        #expect(store.added.count == 1)
    }

    @Test("a usage store that is down never fails the call: every failure is counted, the first one flagged")
    func storeDown() async throws {
        let observer = ObservedUsage()
        let (inner, _, _) = scriptedClient([.reply("a"), .reply("b"), .reply("c")])
        let client = UsageRecordingLLMClient(inner, purpose: .shopperChat,
                                             recorder: Self.recorder(DownUsageStore(), observer: observer))
        for expected in ["a", "b", "c"] {
            #expect(try await client.complete(sampleRequest).text == expected)
        }
        #expect(observer.failures == [true, false, false], "logged once, counted three times")
        #expect(observer.recorded.count == 3, "/metrics still counts the calls")
    }

    @Test("prices: decimals with up to six places in micro-units, exact costs in nano-units, anything else refused")
    func pricing() {
        #expect(ModelPricing.micros("0.15") == 150_000)
        #expect(ModelPricing.micros("2") == 2_000_000)
        #expect(ModelPricing.micros("0.000150") == 150)
        #expect(ModelPricing.micros("0") == 0)
        for bad in ["", "-1", "1.", ".5", "0.0000001", "1e-3", "0,15", "abc", "1.2.3", " 1", "NaN"] {
            #expect(ModelPricing.micros(bad) == nil, "\(bad)")
        }
        // 0.15 and 0.60 per million tokens.
        let gpt = ModelPricing(currency: "USD", promptMicrosPer1K: 150, completionMicrosPer1K: 600)
        #expect(gpt.costNanos(LLMUsage(promptTokens: 1_000_000, completionTokens: 1_000_000)) == 750_000_000)
        #expect(NanoMoney.decimal(750_000_000) == "0.75")
        #expect(NanoMoney.decimal(gpt.costNanos(LLMUsage(promptTokens: 1, completionTokens: 0))) == "0.00000015")
        #expect(NanoMoney.decimal(0) == "0.00" && NanoMoney.decimal(12_345_000_000_000) == "12345.00")
        // A thousand calls of 0.1 in binary floating point sum to 99.9999999999986; in nano-units, exactly 100.
        let tenth = ModelPricing(currency: "USD", promptMicrosPer1K: 100_000_000, completionMicrosPer1K: 0)
        let oneToken = LLMUsage(promptTokens: 1, completionTokens: 0)
        let sum = (0..<1_000).reduce(Int64(0)) { total, _ in total + tenth.costNanos(oneToken) }
        #expect(NanoMoney.decimal(sum) == "100.00")
        #expect(ModelPricing.free(currency: "EUR").costNanos(LLMUsage(promptTokens: 10_000, completionTokens: 9)) == 0)
        #expect(ModelPricing.isCurrencyCode("GBP"))
        #expect(!ModelPricing.isCurrencyCode("gbp") && !ModelPricing.isCurrencyCode("EURO"))
    }
}

/// A usage store that keeps what it was given, in order.
final class CountingUsageStore: ModelUsageStore {
    private let rows = Mutex<[ModelUsageRecord]>([])
    var added: [ModelUsageRecord] { rows.withLock { $0 } }
    func addModelUsage(_ delta: ModelUsageRecord) async throws { rows.withLock { $0.append(delta) } }
    func modelUsage(from: String, through: String) async throws -> [ModelUsageRecord] { added }
}

/// A usage store whose database is unreachable.
struct DownUsageStore: ModelUsageStore {
    func addModelUsage(_ delta: ModelUsageRecord) async throws { throw StoreError.unavailable("switched off") }
    func modelUsage(from: String, through: String) async throws -> [ModelUsageRecord] {
        throw StoreError.unavailable("switched off")
    }
}

/// What the recorder told its observer.
final class ObservedUsage: ModelUsageObserver {
    private let state = Mutex<(recorded: [ModelUsageRecord], failures: [Bool])>(([], []))
    var recorded: [ModelUsageRecord] { state.withLock { $0.recorded } }
    var failures: [Bool] { state.withLock { $0.failures } }
    func recorded(_ delta: ModelUsageRecord) { state.withLock { $0.recorded.append(delta) } }
    func recordingFailed(_ error: any Error, first: Bool) { state.withLock { $0.failures.append(first) } }
}

/// A model whose every call fails with `failure`.
struct FailingModel: LLMClient {
    let failure: LLMFailure
    func complete(_ request: LLMRequest) async throws -> LLMCompletion { throw failure }
}

/// A streaming client that delivers its pieces one by one, then the completion with one billed attempt.
private struct PiecewiseClient: LLMClient {
    let pieces: [String]
    let usage: LLMUsage

    func complete(_ request: LLMRequest) async throws -> LLMCompletion {
        Issue.record("the decorator must forward stream, not fall back to complete")
        return completion(request)
    }

    func stream(_ request: LLMRequest, continuing spent: [LLMAttempt])
        -> AsyncThrowingStream<LLMStreamEvent, any Error>
    {
        let (pieces, done) = (pieces, completion(request))
        return AsyncThrowingStream { continuation in
            for piece in pieces { continuation.yield(.delta(piece)) }
            continuation.yield(.finished(done))
            continuation.finish()
        }
    }

    private func completion(_ request: LLMRequest) -> LLMCompletion {
        LLMCompletion(text: pieces.joined(), model: request.model, attempts: [
            LLMAttempt(number: 1, outcome: .ok(status: 200), latencyMs: 5, backoffMs: 0, usage: usage),
        ])
    }
}
