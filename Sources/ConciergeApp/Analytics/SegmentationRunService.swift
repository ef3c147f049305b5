import Analytics
import ConciergeCore
import ConciergeWeb
import Foundation

/// Runs, explains and stores segmentation runs for the web (issue 16, "Machine-learned segments").
///
/// A run reads the store's history (`SegmentationInputs`), clusters it off the cooperative pool (a run is seconds
/// of CPU: `Task.detached`), retrieves a playbook note for every accepted segment with its `playbookQuery`, writes
/// and checks the explanation (`SegmentPlay`) and stores the run as canonical JSON. Run ids come from the injected
/// clock (`seg-YYYYMMDD-HHMMSS`, then `-2`, `-3`… within one second), so tests with a fixed clock get fixed ids.
public actor SegmentationRunService {
    private let store: any AnalyticsReadStore & ShopDirectory & SegmentationRunStore
    private let workbench: AnalystWorkbench
    private let pseudonyms: CustomerPseudonyms
    private let notes: AnalystNoteLibrary
    private let clock: any WallClock
    /// Users with a run in progress: one at a time each (a run holds a core for seconds).
    private var running: Set<String> = []
    /// Ids handed to runs still in progress: two users starting within one second must not get the same id.
    private var reserved: Set<String> = []

    /// Notes retrieved per segment: the best playbook note among them is cited.
    static let notesPerSegment = 5

    public init(store: any AnalyticsReadStore & ShopDirectory & SegmentationRunStore, workbench: AnalystWorkbench,
                pseudonyms: CustomerPseudonyms, notes: AnalystNoteLibrary, clock: any WallClock) {
        self.store = store
        self.workbench = workbench
        self.pseudonyms = pseudonyms
        self.notes = notes
        self.clock = clock
    }

    public func start(_ configuration: SegmentationConfiguration, requestedBy: String) async throws
        -> SegmentationRunReport
    {
        do { try configuration.validate() } catch { throw SegmentationDeskError.invalid(error.description) }
        guard running.insert(requestedBy).inserted else { throw SegmentationDeskError.alreadyRunning }
        defer { running.remove(requestedBy) }
        let now = clock.now()
        let day = await workbench.today()
        let id = try await freeID(at: now)
        defer { reserved.remove(id) }
        let input = try await SegmentationInputs.read(store, pseudonyms: pseudonyms)
        let result = try await Task.detached(priority: .utility) {
            do { return try SegmentationRun(configuration: configuration).run(input, asOf: day, runID: id) } catch {
                throw SegmentationDeskError.invalid(String(describing: error))  // a SegmentationError: options, counts
            }
        }.value
        let report = SegmentationRunReport(id: id, createdAt: SegmentInsightService.timestamp(now), result: result,
                                           plays: try await plays(result, day: day))
        try await store.saveSegmentationRun(
            SegmentationRunRecord(id: id, createdAt: now, asOf: report.asOf, payload: try report.json()))
        return report
    }

    public func run(id: String) async throws -> SegmentationRunReport? {
        guard let record = try await store.segmentationRun(id: id) else { return nil }
        return try Self.decode(record)
    }

    public func runs(limit: Int) async throws -> [SegmentationRunReport] {
        try await store.segmentationRuns(limit: limit).map(Self.decode)
    }

    /// The newest run, whose accepted segments stand beside the rule segments.
    public func latest() async throws -> SegmentationRunReport? { try await runs(limit: 1).first }

    /// Every accepted segment's play, checked against its snapshot, the chain's on the same date and the notes.
    private func plays(_ result: SegmentationResult, day: CalendarDay) async throws -> [String: SegmentPlay] {
        let data = try await workbench.dataSet(asOf: day)
        let chain = try WorkbenchAnalystDesk.chain(of: data)
        let known = data.snapshots + result.acceptedSnapshots
        var plays: [String: SegmentPlay] = [:]
        for segment in result.accepted {
            let retrieved = try await notes.retrieve(segment.playbookQuery, top: Self.notesPerSegment)
            plays[segment.id] = SegmentPlay.make(segment: segment, retrieved: retrieved, chain: chain,
                                                 knownSegments: known)
        }
        return plays
    }

    /// `seg-YYYYMMDD-HHMMSS` on the clock, with `-2`, `-3`… when runs started within the same second.
    private func freeID(at date: Date) async throws -> String {
        let base = "seg-" + Self.stamp(date)
        var id = base
        var attempt = 1
        while true {
            if !reserved.contains(id), try await store.segmentationRun(id: id) == nil { break }
            attempt += 1
            id = "\(base)-\(attempt)"
        }
        reserved.insert(id)
        return id
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }

    static func decode(_ record: SegmentationRunRecord) throws -> SegmentationRunReport {
        do { return try SegmentationRunReport.decode(record.payload) } catch {
            throw StoreError.corrupt(collection: .segmentationRuns, detail: "run \(record.id) does not decode")
        }
    }
}
