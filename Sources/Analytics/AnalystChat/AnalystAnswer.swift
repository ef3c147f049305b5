/// One figure an answer uses: which segment's which metric.
public struct AnalystFact: Codable, Hashable, Sendable {
    public var segmentID: String
    public var metricKey: String

    public init(segmentID: String, metricKey: String) {
        self.segmentID = segmentID
        self.metricKey = metricKey
    }
}

/// The answer to one question.
public struct AnalystAnswer: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// Figures computed in code and written out.
        case answer
        /// A question back: which of two readings, which segment, which metric.
        case clarification
        /// Out of scope or personal data.
        case refusal
    }

    public var kind: Kind
    /// The deterministic (mock) wording: every number a snapshot figure in display rounding, every segment name a
    /// snapshot's own name.
    public var text: String
    /// The figures used, in the order written.
    public var facts: [AnalystFact]
    /// What the next question's follow-up resolves against.
    public var context: AnalystContext

    public init(kind: Kind, text: String, facts: [AnalystFact], context: AnalystContext) {
        self.kind = kind
        self.text = text
        self.facts = facts
        self.context = context
    }
}
