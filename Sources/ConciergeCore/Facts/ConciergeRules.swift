import Foundation

/// The numbers the concierge decides with, from `Seeds/rules.json`, kept equal to what `Seeds/policies` says
/// (a test reads both). Decisions such as "can this order still be refunded" are made with these in code.
public struct ConciergeRules: Codable, Hashable, Sendable {
    /// Problems with fresh food and drinks must be reported within this many hours of delivery.
    public var freshIssueReportHours: Int
    /// Shops keep what a shopper left behind for this many days (contact policy, "Lost property").
    public var lostPropertyKeptDays: Int
    /// Unused packaged goods can be returned within this many days of delivery.
    public var packagedReturnDays: Int
    /// Menu categories that count as packaged goods.
    public var packagedCategories: [String]
    /// The delivery fee is refunded when an order arrives this much later than its estimate.
    public var lateDeliveryGraceMinutes: Int
    public var cancellableStatuses: [OrderStatus]
    public var addressChangeStatuses: [OrderStatus]
    public var pointsEarnedPerCurrencyUnit: Int
    /// Points worth one unit of currency (100 points = £1).
    public var pointsPerCurrencyUnitOfValue: Int
    public var pointsSpendBlock: Int
    public var nearbyRadiusMeters: Double
    public var shopsInContext: Int
    public var ordersInContext: Int
    public var policyResults: Int
    public var historyMessages: Int
    public var suggestionsInContext: Int
    /// A shop further than this on foot is given as a distance, not a walk ("176 min on foot" helps no one).
    public var walkingMinutesLimit: Int
    /// A shop closing within this many minutes is treated like a closed one for "go there now".
    public var closingSoonMinutes: Int
    /// An upper bound on the facts put before the model, in estimated tokens; the understanding step's order
    /// decides what is trimmed first.
    public var contextTokenBudget: Int
    /// Who the concierge speaks for: the chain's name and its Customer Care routes, as the policies state them.
    public var chain: ChainProfile

    /// The shipped defaults, identical to `Seeds/rules.json`.
    public static let standard = ConciergeRules(
        freshIssueReportHours: 48, lostPropertyKeptDays: 30, packagedReturnDays: 14,
        packagedCategories: ["merchandise"],
        lateDeliveryGraceMinutes: 30, cancellableStatuses: [.placed], addressChangeStatuses: [.placed],
        pointsEarnedPerCurrencyUnit: 10, pointsPerCurrencyUnitOfValue: 100, pointsSpendBlock: 100,
        nearbyRadiusMeters: 5_000, shopsInContext: 3, ordersInContext: 5, policyResults: 3, historyMessages: 8,
        suggestionsInContext: 3, walkingMinutesLimit: 30, closingSoonMinutes: 30, contextTokenBudget: 1_600,
        chain: ChainProfile(name: "Bramble & Bean", carePhone: "0800 123 4567", careEmail: "care@brambleandbean.co.uk",
                            careHours: "08:00 to 20:00 every day", careReplyWorkingDays: 2,
                            carePhones: ["AU": "1800 555 014", "CA": "+1 800 555 0143", "DE": "0800 555 0142",
                                         "FR": "0 800 55 01 42", "GB": "0800 123 4567", "IN": "1800 266 0142",
                                         "US": "+1 800 555 0142"]))
}

/// The chain as data: its name and how a shopper reaches a person. `Seeds/rules.json` holds the shipped chain's.
public struct ChainProfile: Codable, Hashable, Sendable {
    public var name: String
    public var carePhone: String
    public var careEmail: String
    /// When the phone line is staffed, in words ("08:00 to 20:00 every day").
    public var careHours: String
    /// A person of Customer Care replies to a hand-off in the conversation within this many working days.
    public var careReplyWorkingDays: Int
    /// Customer Care's number in each country the chain has shops in (ISO 3166 code → number), each staffed during
    /// `careHours` local time: a shopper in New York is given the US number, not the UK's freephone. A country not
    /// listed is given `carePhone`.
    public var carePhones: [String: String]

    public init(name: String, carePhone: String, careEmail: String, careHours: String, careReplyWorkingDays: Int,
                carePhones: [String: String] = [:]) {
        self.name = name
        self.carePhone = carePhone
        self.careEmail = careEmail
        self.careHours = careHours
        self.careReplyWorkingDays = careReplyWorkingDays
        self.carePhones = carePhones
    }

    /// Chains imported before `carePhones` existed have one number for everyone.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name),
                  carePhone: try container.decode(String.self, forKey: .carePhone),
                  careEmail: try container.decode(String.self, forKey: .careEmail),
                  careHours: try container.decode(String.self, forKey: .careHours),
                  careReplyWorkingDays: try container.decode(Int.self, forKey: .careReplyWorkingDays),
                  carePhones: try container.decodeIfPresent([String: String].self, forKey: .carePhones) ?? [:])
    }

    /// The number a shopper in `country` calls (the country of the shop nearest them, else of their address).
    public func carePhone(country: String?) -> String {
        country.flatMap { carePhones[$0] } ?? carePhone
    }

    /// Every Customer Care number, sorted: none of them is personal data.
    public var allCarePhones: [String] {
        Set([carePhone] + carePhones.values).sorted()
    }
}
