import Analytics
import ConciergeCore
import ConciergeWeb
import Foundation

/// The web's analyst port over the real parts: the workbench (snapshots and customer rows for today's as-of date,
/// from the store), the insight service (notes, writer, groundedness check, versioned insight store), the
/// segmentation runs, whose newest run's accepted segments stand beside the rule and RFM segments (source `.ml`), and
/// the analyst chat (conversations in the chat store, answered from the same day's snapshots).
public struct WorkbenchAnalystDesk: AnalystDesk, SegmentationDesk {
    let workbench: AnalystWorkbench
    let insights: SegmentInsightService
    let runs: SegmentationRunService
    let chat: AnalystChatService

    public init(workbench: AnalystWorkbench, insights: SegmentInsightService, runs: SegmentationRunService,
                chat: AnalystChatService) {
        self.workbench = workbench
        self.insights = insights
        self.runs = runs
        self.chat = chat
    }

    public func overview() async throws -> AnalystOverview {
        let data = try await workbench.dataSet()
        let chain = try Self.chain(of: data)
        let ml = try await runs.latest()?.acceptedSnapshots ?? []
        let snapshots = data.snapshots + ml
        let order: [SegmentSource] = [.rule, .rfm, .ml]
        // Stable within a source: the workbench lists segments in their own order (rules, then the RFM table).
        let segments = order.flatMap { source in snapshots.filter { $0.source == source && $0.id != chain.id } }
        let bands = ChurnBand.allCases.map { band in
            ChurnBandCount(band: band, customers: data.run.rows.count { $0.rfm.churnBand == band })
        }
        return AnalystOverview(asOf: data.asOf, segments: segments, chain: chain, churnBands: bands,
                               clvHistogram: CLVHistogram.make(rows: data.run.rows, currency: chain.currency),
                               valueModel: Self.summary(data.valueModel))
    }

    public func segment(id: String) async throws -> AnalystSegmentDetail? {
        guard let snapshot = try await self.snapshot(id: id, in: workbench.dataSet()) else { return nil }
        return AnalystSegmentDetail(segment: snapshot, latestInsight: try await insights.latest(segmentID: id))
    }

    public func insights(segmentID: String) async throws -> [SegmentInsight] {
        try await insights.versions(segmentID: segmentID)
    }

    public func refreshInsight(segmentID: String, requestedBy: String) async throws -> SegmentInsight {
        let data = try await workbench.dataSet()
        guard let snapshot = try await self.snapshot(id: segmentID, in: data) else {
            throw AnalystDeskError.unknownSegment
        }
        let ml = try await runs.latest()?.acceptedSnapshots ?? []
        return try await insights.refresh(segment: snapshot, chain: try Self.chain(of: data),
                                          knownSegments: data.snapshots + ml + [snapshot])
    }

    /// A workbench segment, or an accepted segment of the run its `ml-<runID>-<label>` id names (any stored run, so
    /// a link to an older run's segment keeps working).
    private func snapshot(id: String, in data: AnalystDataSet) async throws -> SegmentSnapshot? {
        if let snapshot = data.snapshot(id: id) { return snapshot }
        guard let runID = SegmentationRunReport.runID(ofSegment: id), let run = try await runs.run(id: runID) else {
            return nil
        }
        return run.acceptedSnapshots.first { $0.id == id }
    }

    public func startSegmentationRun(_ configuration: SegmentationConfiguration, requestedBy: String) async throws
        -> SegmentationRunReport
    {
        try await runs.start(configuration, requestedBy: requestedBy)
    }

    public func segmentationRun(id: String) async throws -> SegmentationRunReport? { try await runs.run(id: id) }

    public func segmentationRuns(limit: Int) async throws -> [SegmentationRunReport] {
        try await runs.runs(limit: limit)
    }

    public func customer(id: String) async throws -> AnalystCustomerCard? {
        try await workbench.customer(pseudonym: id).map { AnalystCustomerCard(customer: $0) }
    }

    /// Answered from today's snapshots (the workbench's as-of date), like every page of the desk.
    public func ask(_ question: String, conversationID: String?, analystID: String, turnKey: TurnKey?) async throws
        -> AnalystChatTurn
    {
        let data = try await workbench.dataSet()
        return try await chat.ask(question, conversationID: conversationID, analystID: analystID,
                                  snapshots: data.snapshots, asOf: data.asOf, turnKey: turnKey)
    }

    public func chat(analystID: String, selection: AnalystChatSelection) async throws -> AnalystChatView? {
        try await chat.chat(analystID: analystID, selection: selection)
    }

    static func chain(of data: AnalystDataSet) throws -> SegmentSnapshot {
        guard let chain = data.snapshot(id: SegmentSnapshots.allCustomersID) else {
            throw AnalystDeskProblem.noChainSnapshot
        }
        return chain
    }

    /// One line for the overview: the BG/NBD fit (or why it was refused) and each currency's spend model.
    static func summary(_ model: ValueModelSummary) -> String {
        let bgnbd = model.bgnbd.map { "BG/NBD r \($0.r), α \($0.alpha), a \($0.a), b \($0.b)" }
            ?? (model.bgnbdRefusal ?? "BG/NBD refused")
        let currencies = model.currencies.map { "\($0.currency): \($0.method.rawValue)" }.joined(separator: ", ")
        return "\(bgnbd) on \(model.purchasers) purchasers (\(model.repeatCustomers) repeat); spend by currency: "
            + "\(currencies); CLV over \(model.clvMonths) months"
    }
}

enum AnalystDeskProblem: Error, CustomStringConvertible {
    case noChainSnapshot
    var description: String { "the analyst data set has no all-customers snapshot" }
}
