/// What an analyst's question asks. Defined with examples in `Seeds/eval/analyst/README.md`.
public enum AnalystIntent: String, Codable, Sendable, CaseIterable {
    case prioritise, compare, explain, total
    case segmentMetric = "segment-metric"
    case segmentSize = "segment-size"
    case campaign, behaviour
    case listSegments = "list-segments"
    case followUp = "follow-up"
    case outOfScope = "out-of-scope"

    /// How a clarifying question names the reading ("compare segments or explain a figure?").
    var readable: String {
        switch self {
        case .prioritise: "which segment to prioritise"
        case .compare: "a comparison of segments"
        case .explain: "why a figure is high or low"
        case .total: "a chain-wide total"
        case .segmentMetric: "one figure of a segment"
        case .segmentSize: "how many customers a segment has"
        case .campaign: "what to send or do for a segment"
        case .behaviour: "what a segment buys or is interested in"
        case .listSegments: "the list of segments"
        case .followUp: "more about the previous answer"
        case .outOfScope: "something outside segments and customer value"
        }
    }
}

/// A metric as an analyst names it. Each maps to snapshot metric keys (`AnalystMetricKeys`).
public enum AnalystMetric: String, Codable, Sendable, CaseIterable {
    case size, value, clv, churn, aov, frequency, recency, palive
}

/// The conversation state one answer leaves for the next question: what it was about, resolved.
public struct AnalystContext: Codable, Hashable, Sendable {
    public var intent: AnalystIntent
    public var segments: [String]
    public var metric: AnalystMetric?
    /// The segments the answer put side by side (a comparison, or a ranking's first two), for "the other one".
    public var compared: [String]
    /// The one of `compared` the answer led with; "the other one" is the other.
    public var focus: String?

    public init(intent: AnalystIntent, segments: [String], metric: AnalystMetric?, compared: [String] = [],
                focus: String? = nil) {
        self.intent = intent
        self.segments = segments
        self.metric = metric
        self.compared = compared
        self.focus = focus
    }
}

/// The reader's result for one question.
public struct AnalystReading: Codable, Hashable, Sendable {
    /// What the question itself asks; `followUp` when it leans on the previous turn.
    public var intent: AnalystIntent
    /// 0…1: the top intent's share of the evidence (see `AnalystQuestionReader.confidence`).
    public var confidence: Double
    /// The two likeliest readings when the reader is not sure; the answer then asks instead of guessing.
    public var clarify: [AnalystIntent]?
    /// Segment ids the question names, in the order named (the whole base is `namesWholeBase`, not listed here).
    public var segments: [String]
    /// True when it says "all customers", "overall", "the whole base"…
    public var namesWholeBase: Bool
    /// A segment referred to in a way that names none ("segment 3", "the VIPs"): the answer asks which one.
    public var unresolvedReference: String?
    /// The metrics named, in order.
    public var metrics: [AnalystMetric]
    /// A request for a shopper's identity or contact details: always refused.
    public var asksForPersonalData: Bool
    /// Only a greeting or thanks ("hi", "thanks!"): answered kindly, not refused.
    public var smallTalk = false
    /// Out of scope yet about customers or segments ("which segment is growing fastest?"): the answer says what the
    /// snapshots can answer instead of calling the question off-topic.
    public var aboutCustomers = false
    /// Asks how a figure moves over time ("is churn getting worse?"): the snapshots describe one date, so the
    /// answer gives the figure and says plainly that it shows no movement.
    public var asksAboutChange = false
    /// What the question means once the previous turn is taken into account (equal to the own reading when it is
    /// not a follow-up).
    public var resolved: AnalystContext

    public var metric: AnalystMetric? { metrics.first }
}
