import Foundation

/// The recommended play of an accepted machine-learned segment: the playbook note retrieved for it (cited as
/// `[n-07]`), a short explanation (who they are, their traits, the play) and the groundedness check of that
/// explanation against the segment's snapshot, the chain's snapshot and the retrieved note ids.
public struct SegmentPlay: Codable, Hashable, Sendable {
    /// The cited note; `nil` when no note cleared the retrieval gate.
    public var noteID: String?
    public var noteTitle: String?
    /// The note's one-sentence play (playbook notes only).
    public var play: String?
    /// Every note retrieved for the segment's `playbookQuery`, best first: what a citation may name.
    public var retrievedNoteIDs: [String]
    public var explanation: String
    public var groundedness: GroundednessReport

    /// Picks the note (the best playbook note, else the best note of any kind), writes the explanation and checks it.
    public static func make(segment: MLSegment, retrieved: [AnalystNote], chain: SegmentSnapshot,
                            knownSegments: [SegmentSnapshot]) -> SegmentPlay {
        let note = retrieved.first { $0.kind == .playbook } ?? retrieved.first
        let explanation = explain(segment, note: note)
        let context = GroundingContext(snapshots: [segment.snapshot, chain], retrievedNoteIDs: retrieved.map(\.id),
                                       knownSegments: knownSegments)
        return SegmentPlay(noteID: note?.id, noteTitle: note?.title, play: note?.play,
                           retrievedNoteIDs: retrieved.map(\.id), explanation: explanation,
                           groundedness: GroundednessChecker.check(explanation, context: context))
    }

    /// Who / traits / the play, one sentence each. Grounded by construction — the size is the snapshot's
    /// `customers` metric as shown, every trait's numbers are snapshot metrics (`SegmentTrait.metricKeys`), and a
    /// play is written without figures (`AnalystNote`) — so a score below 1 means the check or a trait is wrong.
    static func explain(_ segment: MLSegment, note: AnalystNote?) -> String {
        let snapshot = segment.snapshot
        let size = snapshot.metric("customers").map { " of \(MetricDisplay.format($0, currency: snapshot.currency))" }
            ?? ""
        var sentences = ["\(segment.name) is a clustered segment\(size) customers as of \(snapshot.asOf)."]
        // Traits are verb phrases about the typical member ("orders 2.1× as often as…"): one sentence lists them.
        let traits = segment.traits.map { withoutStop($0.text) }
        if !traits.isEmpty { sentences.append("Each of them typically " + traits.joined(separator: "; ") + ".") }
        switch (note, note?.play) {
        case (let note?, let play?):
            sentences.append("Recommended play: \(MockInsightWriter.lowercasedFirst(withoutStop(play))) [\(note.id)].")
        case (let note?, nil):
            sentences.append("No playbook note matched; a related note: "
                + "\(MockInsightWriter.lowercasedFirst(withoutStop(note.title))) [\(note.id)].")
        default:
            sentences.append("No playbook note matched this segment: review its figures with the team before acting.")
        }
        return sentences.joined(separator: " ")
    }

    private static func withoutStop(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        while let last = text.last, ".!".contains(last) { text.removeLast() }
        return text
    }
}
