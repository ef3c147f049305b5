/// What a real model is given to phrase an answer: the figures, already computed and formatted, and the mock's
/// draft. It is asked only to phrase, never to compute, and the same groundedness check runs on what it writes.
/// Refusals and clarifications are not sent to a model (their wording is fixed).
public struct AnalystPrompt: Codable, Hashable, Sendable {
    public static let version = "analyst-chat-v1"

    public var system: String
    public var user: String

    public static let instructions = """
        You phrase answers for a retail chain's marketing analyst. Use only the figures listed, written exactly as \
        given (same rounding, same currency sign); name segments exactly as listed; add no other numbers, segments, \
        causes or customer details. Keep the draft's meaning and order, at most four sentences.
        """

    /// `nil` for refusals and clarifications.
    public static func build(question: String, answer: AnalystAnswer, snapshots: [SegmentSnapshot]) -> AnalystPrompt? {
        guard answer.kind == .answer else { return nil }
        let byID = Dictionary(snapshots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let figures = answer.facts.compactMap { fact -> String? in
            guard let snapshot = byID[fact.segmentID], let metric = snapshot.metric(fact.metricKey) else { return nil }
            return "- \(snapshot.name) · \(metric.label) = \(MetricDisplay.format(metric, currency: snapshot.currency))"
        }
        let user = """
            Question: \(question)
            Figures:
            \(figures.joined(separator: "\n"))
            Draft: \(answer.text)
            Rewrite the draft in plain words for the analyst.
            """
        return AnalystPrompt(system: instructions, user: user)
    }
}
