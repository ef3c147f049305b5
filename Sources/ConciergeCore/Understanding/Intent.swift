/// What a shopper's message is about. A message may carry several (an offer *and* the nearest shop); the main ask
/// comes first. The labels and what each means are in `Seeds/eval/understanding/README.md`. `allCases` lists
/// specific needs before general ones: ties go to the earlier case.
public enum Intent: String, Codable, CaseIterable, Sendable, Comparable {
    case comfortCold = "comfort-cold"
    case comfortThirsty = "comfort-thirsty"
    case comfortHungry = "comfort-hungry"
    case comfortTired = "comfort-tired"
    case offers
    case orderStatus = "order-status"
    case orderChange = "order-change"
    case refund
    case complaint
    case payment
    case receipt
    case openNow = "open-now"
    case nearest
    case loyalty
    case dietary
    case menu
    case policyQuestion = "policy-question"
    case handoff
    case ruleOverride = "rule-override"
    case greeting
    case thanks
    case offTopic = "off-topic"

    public static func < (lhs: Intent, rhs: Intent) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Comfort needs are answered with a nearby open shop and a fitting item.
    public var isComfort: Bool { [.comfortCold, .comfortThirsty, .comfortHungry, .comfortTired].contains(self) }

    /// Messages that carry no question of their own: they never need facts, and never lead a multi-intent answer.
    public var isSocial: Bool { self == .greeting || self == .thanks }

    /// How the intent reads to a shopper, for "did you mean A or B?".
    public var shopperWording: String {
        switch self {
        case .comfortCold: "something warm nearby"
        case .comfortThirsty: "something cold to drink"
        case .comfortHungry: "something to eat nearby"
        case .comfortTired: "a coffee or a pick-me-up"
        case .offers: "your offers and coupons"
        case .orderStatus: "where your order is"
        case .orderChange: "changing or cancelling an order"
        case .refund: "a refund or return"
        case .complaint: "reporting a problem with something you bought"
        case .payment: "a payment question"
        case .receipt: "a receipt"
        case .openNow: "opening hours"
        case .nearest: "the nearest shop"
        case .loyalty: "your points"
        case .dietary: "allergens or dietary options"
        case .menu: "what's on the menu"
        case .policyQuestion: "one of our policies"
        case .handoff: "talking to a person"
        case .ruleOverride: "how I work"
        case .greeting, .thanks, .offTopic: "something else"
        }
    }
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
