import ConciergeCore
import Foundation
import Testing
import TestSupport

/// Issue 16: segmentation runs are stored as opaque JSON, found by id and listed newest first, on every store.
@Suite("Store contract: segmentation runs")
struct SegmentationRunContractTests {
    static func record(_ id: String, minutes: Double, payload: String = #"{"chosenK":5}"#) -> SegmentationRunRecord {
        SegmentationRunRecord(id: id, createdAt: Fixtures.asOf.addingTimeInterval(minutes * 60), asOf: "2026-11-21",
                              payload: payload)
    }

    @Test(arguments: Backend.allCases)
    func savesFindsByIDAndListsNewestFirst(backend: Backend) async throws {
        try await withStore(backend) { store in
            #expect(try await store.segmentationRuns(limit: 10).isEmpty)
            #expect(try await store.segmentationRun(id: "run-1") == nil)
            let first = Self.record("run-1", minutes: 0, payload: #"{"labels":{"cus_1":0},"é":"ü"}"#)
            let second = Self.record("run-2", minutes: 5)
            // Same instant as run-2: the id breaks the tie, so the order never depends on the store's whims.
            let third = Self.record("run-3", minutes: 5)
            for record in [second, first, third] { try await store.saveSegmentationRun(record) }
            #expect(try await store.segmentationRun(id: "run-1") == first, "payload and dates come back as written")
            #expect(try await store.segmentationRuns(limit: 10) == [third, second, first])
            #expect(try await store.segmentationRuns(limit: 2) == [third, second])
            #expect(try await store.segmentationRuns(limit: 0).isEmpty)
            #expect(try await store.counts()[.segmentationRuns] == 3)
        }
    }

    @Test(arguments: Backend.allCases)
    func aRunIsWrittenOnceAndResetEmptiesThem(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.saveSegmentationRun(Self.record("run-1", minutes: 0))
            await #expect(throws: StoreError.self) {
                try await store.saveSegmentationRun(Self.record("run-1", minutes: 1, payload: "{}"))
            }
            #expect(try await store.segmentationRun(id: "run-1")?.payload == #"{"chosenK":5}"#, "the first is kept")
            #expect(try await store.exportAll().isEmpty, "runs are derived: not exported")
            try await store.reset()
            #expect(try await store.segmentationRun(id: "run-1") == nil)
        }
    }
}
