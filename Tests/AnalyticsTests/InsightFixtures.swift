import Analytics
import Foundation

/// Hand-made snapshots for the insight tests (issue 15 takes snapshots as input; computing them is another part).
enum InsightFixtures {
    static let asOf = "2026-11-30"

    /// The hand-made snapshots, in `Fixtures/insight-snapshots.json` (the app's insight service tests read the same
    /// file): the chain, Champions, At Risk and High-value active on 2026-11-30, in GBP.
    static let snapshots: [String: SegmentSnapshot] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/insight-snapshots.json")
        return try! JSONDecoder().decode([String: SegmentSnapshot].self, from: Data(contentsOf: url))
    }()

    static let chain = snapshots["chain"]!
    static let champions = snapshots["champions"]!
    static let atRisk = snapshots["atRisk"]!
    static let highValueActive = snapshots["highValueActive"]!

    static let known = [champions, atRisk, highValueActive]

    static let notes = [
        AnalystNote(id: "n-04", kind: .pattern, title: "High spenders buy often and recently",
                    body: "The customers with the highest net value order frequently."),
        AnalystNote(id: "n-08", kind: .playbook, title: "Keep champions close",
                    play: "Invite champions to early tastings of the seasonal menu and thank them by name.",
                    body: "Recognition works better than discounts."),
        AnalystNote(id: "n-28", kind: .playbook, title: "Champions as ambassadors",
                    play: "Give champions a referral invitation.", body: "Champions are credible."),
    ]

    static func context(retrieved: [String] = ["n-04", "n-08", "n-28"]) -> GroundingContext {
        GroundingContext(snapshots: [champions, chain], retrievedNoteIDs: retrieved, knownSegments: known)
    }
}
