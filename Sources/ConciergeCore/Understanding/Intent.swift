/// What a shopper's message is about. A message may carry several (an offer *and* the nearest shop); the
/// intent step decides which facts are worth putting in front of the model.
public enum Intent: String, Codable, CaseIterable, Sendable, Comparable {
    case comfortCold = "comfort-cold"
    case comfortThirsty = "comfort-thirsty"
    case comfortHungry = "comfort-hungry"
    case comfortTired = "comfort-tired"
    case offers
    case orderStatus = "order-status"
    case refund
    case openNow = "open-now"
    case nearest
    case loyalty
    case dietary
    case policyQuestion = "policy-question"
    case handoff
    case ruleOverride = "rule-override"
    case greeting
    case offTopic = "off-topic"

    public static func < (lhs: Intent, rhs: Intent) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Comfort needs are answered with a nearby open shop and a fitting item.
    public var isComfort: Bool { [.comfortCold, .comfortThirsty, .comfortHungry, .comfortTired].contains(self) }
}

/// The scored outcome of intent detection: every intent that cleared the threshold, strongest first.
public struct IntentReading: Codable, Hashable, Sendable {
    public struct Score: Codable, Hashable, Sendable {
        public var intent: Intent
        public var score: Double
    }

    public var scores: [Score]

    public init(scores: [Score]) { self.scores = scores }

    /// The strongest intent, or `offTopic` when nothing cleared the threshold.
    public var primary: Intent { scores.first?.intent ?? .offTopic }
    public var intents: [Intent] { scores.isEmpty ? [.offTopic] : scores.map(\.intent) }
    public func contains(_ intent: Intent) -> Bool { intents.contains(intent) }
}
