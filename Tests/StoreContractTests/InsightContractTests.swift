import ConciergeCore
import Foundation
import Testing
import TestSupport

/// Issue 15, item 4: insights are versioned per segment. A refresh appends a version (1, 2, 3…), never replaces
/// one, and concurrent refreshes of one segment get distinct, consecutive versions.
@Suite("Store contract: versioned insights")
struct InsightContractTests {
    @Test(arguments: Backend.allCases)
    func appendsNumberVersionsPerSegmentAndKeepTheOldOnes(backend: Backend) async throws {
        try await withStore(backend) { store in
            let day = Fixtures.asOf
            #expect(try await store.latestInsight(segmentID: "rfm-champions") == nil)
            #expect(try await store.insights(segmentID: "rfm-champions").isEmpty)
            let first = try await store.appendInsight(segmentID: "rfm-champions", createdAt: day) { #"{"v":\#($0)}"# }
            #expect(first == InsightRecord(segmentID: "rfm-champions", version: 1, createdAt: day, payload: #"{"v":1}"#))
            let other = try await store.appendInsight(segmentID: "at-risk-churn", createdAt: day) { "other \($0)" }
            #expect(other.version == 1, "versions count per segment")
            let later = day.addingTimeInterval(3_600)
            let second = try await store.appendInsight(segmentID: "rfm-champions", createdAt: later) { #"{"v":\#($0)}"# }
            #expect(second.version == 2 && second.payload == #"{"v":2}"#, "the payload is written for its version")
            #expect(try await store.latestInsight(segmentID: "rfm-champions") == second)
            #expect(try await store.insights(segmentID: "rfm-champions") == [second, first], "newest first, old kept")
            #expect(try await store.insights(segmentID: "at-risk-churn") == [other])
            #expect(try await store.counts()[.insights] == 3)
        }
    }

    /// Two analysts pressing "refresh" at once must not overwrite each other's version or skip a number.
    @Test(arguments: Backend.allCases)
    func concurrentAppendsGetDistinctConsecutiveVersions(backend: Backend) async throws {
        try await withStore(backend) { store in
            let day = Fixtures.asOf
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for task in 0..<20 {
                    group.addTask {
                        try await store.appendInsight(segmentID: "high-value-active", createdAt: day) {
                            "task \(task) as version \($0)"
                        }.version
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(versions.sorted() == Array(1...20))
            let stored = try await store.insights(segmentID: "high-value-active")
            #expect(stored.map(\.version) == Array((1...20).reversed()))
            #expect(stored.allSatisfy { $0.payload.hasSuffix("as version \($0.version)") },
                    "each stored payload was written for the version it holds")
        }
    }

    @Test(arguments: Backend.allCases)
    func resetEmptiesInsightsAndTheDataSetLeavesThemOut(backend: Backend) async throws {
        try await withStore(backend) { store in
            _ = try await store.appendInsight(segmentID: "ml-1-0", createdAt: Fixtures.asOf) { _ in "{}" }
            #expect(try await store.exportAll().isEmpty, "insights are derived: not exported")
            try await store.reset()
            #expect(try await store.latestInsight(segmentID: "ml-1-0") == nil)
        }
    }
}
