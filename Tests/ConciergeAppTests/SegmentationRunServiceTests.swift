import Analytics
import ConciergeApp
import ConciergeCore
import ConciergeWeb
import Foundation
import Testing

/// One segmentation run at a time per analyst, decided by the service, not by timing: the first run is held inside
/// its store read while the second asks.
@Suite("Segmentation run service: one run at a time per analyst")
struct SegmentationRunServiceTests {
    /// Lets the test know a read has begun and decide when it ends.
    actor Gate {
        private var isOpen = false
        private var hasArrived = false
        private var waiting: [CheckedContinuation<Void, Never>] = []
        private var watching: [CheckedContinuation<Void, Never>] = []

        func pass() async {
            hasArrived = true
            watching.forEach { $0.resume() }
            watching = []
            if isOpen { return }
            await withCheckedContinuation { waiting.append($0) }
        }

        func arrival() async {
            if hasArrived { return }
            await withCheckedContinuation { watching.append($0) }
        }

        func open() {
            isOpen = true
            waiting.forEach { $0.resume() }
            waiting = []
        }
    }

    /// A shop without buyers whose order read waits at the gate; nothing may be stored (a run without buyers fails).
    struct GatedStore: AnalyticsReadStore, ShopDirectory, SegmentationRunStore {
        let gate: Gate
        func shopperIDs() async throws -> [String] { [] }
        func allOrders() async throws -> [Order] {
            await gate.pass()
            return []
        }
        func allEvents() async throws -> [Event] { [] }
        func allShops() async throws -> [Shop] { [] }
        func shop(id: String) async throws -> Shop? { nil }
        func saveSegmentationRun(_ record: SegmentationRunRecord) async throws {
            Issue.record("a run without buyers must not be stored")
        }
        func segmentationRun(id: String) async throws -> SegmentationRunRecord? { nil }
        func segmentationRuns(limit: Int) async throws -> [SegmentationRunRecord] { [] }
    }

    @Test func aSecondRunOfTheSameAnalystIsRefusedWhileTheFirstIsGoing() async throws {
        let gate = Gate()
        let store = GatedStore(gate: gate)
        let clock = FixedWallClock(Date(timeIntervalSince1970: 1_795_269_600))
        let pseudonyms = CustomerPseudonyms(key: nil)
        let service = SegmentationRunService(
            store: store, workbench: AnalystWorkbench(store: store, pseudonyms: pseudonyms, clock: clock),
            pseudonyms: pseudonyms, notes: try await AnalystNoteLibrary(notes: []), clock: clock)
        let first = Task { try await service.start(SegmentationConfiguration(), requestedBy: "usr_analyst") }
        await gate.arrival()
        await #expect(throws: SegmentationDeskError.alreadyRunning) {
            try await service.start(SegmentationConfiguration(), requestedBy: "usr_analyst")
        }
        await gate.open()
        await #expect(throws: SegmentationDeskError.self, "no buyers: refused with the reason") {
            try await first.value
        }
        // The slot is free again: the same analyst is refused for the data now, not for a run in progress.
        do {
            _ = try await service.start(SegmentationConfiguration(), requestedBy: "usr_analyst")
            Issue.record("a run without buyers cannot succeed")
        } catch let error as SegmentationDeskError {
            guard case .invalid(let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains("0 customers with a purchase"), "\(reason)")
        }
    }
}
