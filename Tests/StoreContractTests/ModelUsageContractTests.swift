import ConciergeCore
import Foundation
import Testing
import TestSupport

/// Issue 14, "What the model costs": per (day, model, purpose, currency) counters, added atomically, read by a
/// range of days, newest first. The same suite on SQLite and on MongoDB.
@Suite("Store contract: model usage")
struct ModelUsageContractTests {
    static func delta(_ day: String, model: String = "gpt-4o-mini", purpose: String = "shopper-chat",
                      currency: String = "USD", calls: Int = 1, prompt: Int, completion: Int, nanos: Int64)
        -> ModelUsageRecord
    {
        ModelUsageRecord(day: day, model: model, purpose: purpose, currency: currency, calls: calls,
                         promptTokens: prompt, completionTokens: completion, costNanos: nanos)
    }

    @Test(arguments: Backend.allCases)
    func addsPerKeyAndReadsARangeNewestFirst(backend: Backend) async throws {
        try await withStore(backend) { store in
            #expect(try await store.modelUsage(from: "2026-11-01", through: "2026-12-31").isEmpty)
            try await store.addModelUsage(Self.delta("2026-12-05", prompt: 812, completion: 41, nanos: 146_400))
            try await store.addModelUsage(Self.delta("2026-12-05", prompt: 830, completion: 37, nanos: 146_700))
            try await store.addModelUsage(Self.delta("2026-12-05", purpose: "analyst-chat", prompt: 10, completion: 5,
                                                     nanos: 4_500))
            try await store.addModelUsage(Self.delta("2026-12-06", model: "mock", prompt: 0, completion: 0, nanos: 0))
            try await store.addModelUsage(Self.delta("2026-12-06", model: "gpt-4o-mini", currency: "EUR",
                                                     prompt: 100, completion: 10, nanos: 21_000))
            try await store.addModelUsage(Self.delta("2026-10-01", prompt: 1, completion: 1, nanos: 1))
            let rows = try await store.modelUsage(from: "2026-12-01", through: "2026-12-06")
            #expect(rows == [
                Self.delta("2026-12-06", model: "gpt-4o-mini", currency: "EUR", prompt: 100, completion: 10,
                           nanos: 21_000),
                Self.delta("2026-12-06", model: "mock", prompt: 0, completion: 0, nanos: 0),
                Self.delta("2026-12-05", purpose: "analyst-chat", prompt: 10, completion: 5, nanos: 4_500),
                Self.delta("2026-12-05", calls: 2, prompt: 1_642, completion: 78, nanos: 293_100),
            ], "summed per key; newest day first, then model, purpose, currency; the October row is outside")
            #expect(try await store.modelUsage(from: "2026-12-06", through: "2026-12-06").count == 2,
                    "both ends of the range are included")
            #expect(try await store.counts()[.modelUsage] == 5)
        }
    }

    /// Many turns finishing at once must not lose a call, a token or a nano-unit.
    @Test(arguments: Backend.allCases)
    func concurrentAdditionsLoseNothing(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<40 {
                    let purpose = task % 2 == 0 ? "shopper-chat" : "segment-insight"
                    group.addTask {
                        try await store.addModelUsage(Self.delta("2026-12-06", purpose: purpose, prompt: 100 + task,
                                                                 completion: 7, nanos: 1_000_000_007))
                    }
                }
                try await group.waitForAll()
            }
            let rows = try await store.modelUsage(from: "2026-12-06", through: "2026-12-06")
            #expect(rows.map(\.purpose) == ["segment-insight", "shopper-chat"])
            #expect(rows.map(\.calls) == [20, 20])
            #expect(rows.reduce(0) { $0 + $1.promptTokens } == (0..<40).reduce(0) { $0 + 100 + $1 })
            #expect(rows.reduce(0) { $0 + $1.completionTokens } == 280)
            #expect(rows.reduce(Int64(0)) { $0 + $1.costNanos } == 40 * 1_000_000_007)
        }
    }

    @Test(arguments: Backend.allCases)
    func resetEmptiesUsageAndTheDataSetLeavesItOut(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.addModelUsage(Self.delta("2026-12-06", prompt: 1, completion: 2, nanos: 3))
            #expect(try await store.exportAll().isEmpty, "usage counters are operational: not exported")
            try await store.reset()
            #expect(try await store.modelUsage(from: "2026-01-01", through: "2026-12-31").isEmpty)
        }
    }
}
