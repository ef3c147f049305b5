import Analytics
import Foundation
import Testing

/// Issue 16: every accepted ML segment gets a play retrieved from the playbook notes, cited as `[n-07]`, and the
/// groundedness check of its explanation.
@Suite("segment plays: the cited note and the grounded explanation")
struct SegmentPlayTests {
    static let notes = [
        AnalystNote(id: "n-05", kind: .pattern, title: "Lapsing regulars slow down before they stop",
                    body: "Pattern."),
        AnalystNote(id: "n-07", kind: .playbook, title: "Win back lapsing regulars",
                    play: "Send lapsing regulars a personal note with a small reward on their usual order.",
                    body: "Play."),
    ]

    static func segments() throws -> [MLSegment] {
        try SegmentationRunTests.run([SegmentationFixture.loyal, SegmentationFixture.weekendEvening,
                                      SegmentationFixture.lapsed]).segments
    }

    /// The chain as the workbench would give it on the same date (other metric keys: only the date is shared).
    static let chain = SegmentSnapshot(id: "all-customers", name: "All customers", source: .rule,
                                       asOf: SegmentationFixture.asOf.description, currency: "GBP",
                                       metrics: [SegmentMetric(key: "customers", label: "Customers", value: 120,
                                                               unit: .count)])

    @Test func thePlaybookNoteIsPreferredCitedAndTheExplanationIsGrounded() throws {
        let segments = try Self.segments()
        for segment in segments {
            let play = SegmentPlay.make(segment: segment, retrieved: Self.notes, chain: Self.chain,
                                        knownSegments: segments.map(\.snapshot))
            #expect(play.noteID == "n-07", "a playbook note beats a better-ranked pattern note")
            #expect(play.explanation.contains("[n-07]") && play.explanation.contains(segment.name))
            #expect(play.explanation.contains("Recommended play: send lapsing regulars"))
            #expect(play.groundedness.score == 1, "\(play.explanation) \(play.groundedness.unsupported)")
        }
    }

    @Test func aPlantedWrongNumberAndAnUnretrievedCitationAreFlagged() throws {
        let segments = try Self.segments()
        let segment = try #require(segments.first)
        let play = SegmentPlay.make(segment: segment, retrieved: Self.notes, chain: Self.chain,
                                    knownSegments: segments.map(\.snapshot))
        let context = GroundingContext(snapshots: [segment.snapshot, Self.chain], retrievedNoteIDs: ["n-05", "n-07"],
                                       knownSegments: segments.map(\.snapshot))
        let customers = try #require(segment.snapshot.metric("customers")).value
        let planted = play.explanation.replacingOccurrences(of: "of \(Int(customers)) customers",
                                                            with: "of \(Int(customers) + 17) customers")
        #expect(planted != play.explanation, "the size sentence is there to plant a number in")
        let report = GroundednessChecker.check(planted, context: context)
        #expect(report.score < 1)
        #expect(report.unsupported.count == 1 && report.unsupported[0].text.contains("\(Int(customers) + 17)"))
        let miscited = GroundednessChecker.check(play.explanation.replacingOccurrences(of: "[n-07]", with: "[n-31]"),
                                                 context: context)
        #expect(miscited.unsupported.contains { $0.problems.contains { $0.contains("n-31") } })
    }

    @Test func withoutANoteTheExplanationSaysSoAndCitesNothing() throws {
        let segments = try Self.segments()
        let segment = try #require(segments.first)
        let play = SegmentPlay.make(segment: segment, retrieved: [], chain: Self.chain,
                                    knownSegments: segments.map(\.snapshot))
        #expect(play.noteID == nil && play.play == nil && !play.explanation.contains("[n-"))
        #expect(play.explanation.hasSuffix("review its figures with the team before acting."))
        #expect(play.groundedness.score == 1)
    }

    @Test func mlSegmentIDsNameTheirRun() {
        #expect(SegmentationRunReport.runID(ofSegment: "ml-seg-20261121-150000-2-3") == "seg-20261121-150000-2")
        #expect(SegmentationRunReport.runID(ofSegment: "ml-20261201-s7-0") == "20261201-s7")
        #expect(SegmentationRunReport.runID(ofSegment: "high-value-active") == nil)
        #expect(SegmentationRunReport.runID(ofSegment: "ml-x-") == nil)
        #expect(SegmentationRunReport.runID(ofSegment: "ml--1") == nil)
    }
}
