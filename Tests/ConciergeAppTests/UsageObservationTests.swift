import ConciergeCore
import ConciergeWeb
import Foundation
import SQLiteStore
import Testing
import TestSupport

@testable import ConciergeApp

/// What the composition root does with a usage record: `/metrics` for every call, one log line when the store
/// refuses records, and the turn goes on.
@Suite("Model usage observation: metrics always, the log once")
struct UsageObservationTests {
    @Test func aStoreThatIsDownIsLoggedOnceAndCountedEveryTime() async throws {
        let path = try RepositoryPaths.temporaryDirectory("usage").appendingPathComponent("s.sqlite").path
        let store = SwitchableStore(try SQLiteConciergeStore(path: path))
        store.isDown = true
        let metrics = WebMetrics()
        let logs = LogCapture()
        let recorder = ModelUsageRecorder(
            store: store, clock: FixedWallClock(Date(timeIntervalSince1970: 1_796_558_400)),
            pricing: ModelPricing(currency: "USD", promptMicrosPer1K: 1_000, completionMicrosPer1K: 2_000),
            observer: UsageObservation(metrics: metrics, logger: logs.logger(label: "concierge.usage")))
        for _ in 0..<3 {
            let recorded = await recorder.record(.shopperChat, model: "gpt-test",
                                                 usage: LLMUsage(promptTokens: 100, completionTokens: 10))
            #expect(recorded.costNanos == 100 * 1_000 + 10 * 2_000)
        }
        let exposition = metrics.exposition()
        for line in ["concierge_llm_usage_record_failures_total 3",
                     #"concierge_llm_calls_total{model="gpt-test",purpose="shopper-chat"} 3"#,
                     #"concierge_llm_prompt_tokens_total{model="gpt-test",purpose="shopper-chat"} 300"#,
                     #"concierge_llm_estimated_cost_nano_units_total{model="gpt-test",purpose="shopper-chat","#
                        + #"currency="USD"} 360000"#] {
            #expect(exposition.contains(line), "\(line)")
        }
        let warnings = logs.entries.filter { $0.level == .warning }
        #expect(warnings.map(\.message) == ["model usage could not be recorded; turns go on without it"])
        #expect(warnings.first?.metadata["error.type"] == "StoreError")
        store.isDown = false
        try await store.close()
    }
}
