/// The prompt an insight is written from (its version is stored with every insight): the metrics with their shown
/// values, the retrieved notes with their ids, and the rules the groundedness check will apply.
public struct InsightPrompt: Hashable, Sendable {
    /// Changes whenever the wording or the answer format changes, so stored insights say which prompt made them.
    public static let version = "insight-v1"

    public var system: String
    public var user: String

    /// The prompt for `segment`, compared with `chain`, from `notes` (best first) and the segments that exist.
    public init(segment: SegmentSnapshot, chain: SegmentSnapshot, notes: [AnalystNote],
                knownSegments: [SegmentSnapshot]) {
        system = """
            You are an analyst at a retail chain. You write a short, grounded insight about one customer segment.
            Rules:
            - Use only the figures listed below, written exactly as shown (you may round money to whole units). \
            Write no other number: no counts of steps, no invented targets, no other dates.
            - Cite the notes you use by their id in square brackets, such as [\(notes.first?.id ?? "n-01")]. Cite \
            only the notes listed.
            - Name only the segments listed, in double quotes when you name one.
            - Answer with one JSON object and nothing else: \
            {"who": "...", "why": "...", "whatToDo": "...", "citations": ["n-.."]}.
            who: who these customers are (one or two sentences). why: why they behave so, from the figures and the \
            notes (two or three sentences). whatToDo: one concrete play from a playbook note, cited.
            """
        var lines: [String] = []
        lines.append(
            "Segment \"\(segment.name)\" (id \(segment.id), \(segment.source.rawValue)), as of \(segment.asOf):")
        lines += Self.metricLines(segment)
        lines.append("")
        lines.append("Whole chain \"\(chain.name)\", as of \(chain.asOf):")
        lines += Self.metricLines(chain)
        lines.append("")
        lines.append("Segments that exist: " + Self.names(knownSegments + [segment]).joined(separator: "; "))
        lines.append("")
        lines.append("Analyst notes (best match first):")
        for note in notes {
            lines.append("[\(note.id)] \(note.kind.rawValue): \(note.title)")
            if let play = note.play { lines.append("Play: \(play)") }
            lines.append(note.body)
            lines.append("")
        }
        if notes.isEmpty { lines.append("(none retrieved: cite nothing)") }
        user = lines.joined(separator: "\n").trimmingSpaces
    }

    static func metricLines(_ snapshot: SegmentSnapshot) -> [String] {
        snapshot.metrics.map { "- \($0.label) (`\($0.key)`): \(MetricDisplay.format($0, currency: snapshot.currency))" }
    }

    static func names(_ segments: [SegmentSnapshot]) -> [String] {
        var names: [String] = []
        for segment in segments where !names.contains(segment.name) { names.append(segment.name) }
        return names.sorted()
    }
}

/// The retrieval query for a segment's notes: its name, then the labels of the metrics that set it apart from
/// the chain most (`salientMetrics`), each with "high" or "low". The name finds notes written about that kind of
/// customer; the salient metrics find the behaviour.
public enum InsightQuery {
    public static func make(segment: SegmentSnapshot, chain: SegmentSnapshot, salient count: Int = 3) -> String {
        let words = salientMetrics(segment, chain: chain).prefix(count).map {
            ($0.metric.value >= $0.base.value ? "high " : "low ") + $0.metric.label.lowercased()
        }
        return ([segment.name] + words).joined(separator: " ")
    }

    /// The segment's metrics beside the chain's, furthest apart first (relative difference, ties by key). Counts
    /// are left out: a segment always has fewer customers and orders than the whole chain, which says nothing
    /// about how it behaves.
    public static func salientMetrics(_ segment: SegmentSnapshot, chain: SegmentSnapshot)
        -> [(metric: SegmentMetric, base: SegmentMetric)]
    {
        typealias Compared = (metric: SegmentMetric, base: SegmentMetric, size: Double)
        let compared = segment.metrics.compactMap { metric -> Compared? in
            guard metric.unit != .count, let base = chain.metric(metric.key), base.value != 0 else { return nil }
            return (metric, base, abs(metric.value - base.value) / abs(base.value))
        }
        return compared.sorted { ($0.size, $1.metric.key) > ($1.size, $0.metric.key) }.map { ($0.metric, $0.base) }
    }
}
