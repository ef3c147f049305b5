import Foundation

/// The insight writer of mock mode (the default): who / why / what to do composed from the same inputs a model
/// gets — the snapshot's figures formatted as shown, the most telling differences from the chain, the best pattern
/// or feedback note and the play of the best playbook note, cited. Deterministic, and grounded by construction:
/// every figure is a shown metric, every citation a retrieved note (a test checks it scores 1.0).
public enum MockInsightWriter {
    public static func write(segment: SegmentSnapshot, chain: SegmentSnapshot, notes: [AnalystNote]) -> InsightText {
        var cited: [String] = []
        let who = whoSentences(segment)
        var why = whySentence(segment, chain: chain)
        if let evidence = notes.first(where: { $0.kind != .playbook }) {
            why += " A related note: \(lowercasedFirst(evidence.title)) [\(evidence.id)]."
            cited.append(evidence.id)
        }
        let whatToDo: String
        if let playbook = notes.first(where: { $0.kind == .playbook }), let play = playbook.play {
            whatToDo = "\(withoutFinalStop(play)) [\(playbook.id)]. "
                + "Re-check the segment's figures at the next refresh to see whether the play moved them."
            cited.append(playbook.id)
        } else {
            whatToDo = "No playbook note matched this segment: review its figures with the team before acting."
        }
        return InsightText(who: who, why: why, whatToDo: whatToDo, citations: cited)
    }

    private static func whoSentences(_ segment: SegmentSnapshot) -> String {
        let kind = switch segment.source {
        case .rule: "a rule-based"
        case .rfm: "an RFM"
        case .ml: "a clustered"
        }
        let size = segment.metric("customers").map { " of \(shown($0, segment)) customers" } ?? ""
        var text = "\(segment.name) is \(kind) segment\(size) as of \(segment.asOf)."
        let described = segment.metrics.filter { $0.key != "customers" }.prefix(2)
        if !described.isEmpty {
            text += " Their " + described.map { "\(lowercasedFirst($0.label)) is \(shown($0, segment))" }
                .joined(separator: " and their ") + "."
        }
        return text
    }

    /// The two metrics furthest from the chain's (`InsightQuery.salientMetrics`), side by side.
    private static func whySentence(_ segment: SegmentSnapshot, chain: SegmentSnapshot) -> String {
        let telling = InsightQuery.salientMetrics(segment, chain: chain).prefix(2)
        guard !telling.isEmpty else {
            return "The chain-wide figures hold none of this segment's metrics, so no comparison can be made."
        }
        let parts = telling.map {
            "their \(lowercasedFirst($0.metric.label)) is \(shown($0.metric, segment)) against "
                + "\(shown($0.base, chain))"
        }
        return "Compared with \(chain.name), " + parts.joined(separator: ", and ") + "."
    }

    private static func shown(_ metric: SegmentMetric, _ snapshot: SegmentSnapshot) -> String {
        MetricDisplay.format(metric, currency: snapshot.currency)
    }

    /// "Mean days since last" → "mean days since last"; an acronym ("RFM score") stays as it is.
    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        let second = text.dropFirst().first
        if let second, second.isUppercase { return text }
        return first.lowercased() + text.dropFirst()
    }

    private static func withoutFinalStop(_ text: String) -> String {
        var text = text.trimmingSpaces
        while let last = text.last, ".!".contains(last) { text.removeLast() }
        return text
    }
}

extension SegmentSnapshot {
    /// The snapshot as JSON with sorted keys and no extra white space: what its hash is taken over, so the same
    /// figures always give the same hash whatever order a dictionary would have had.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
