import Foundation

/// The numbers the concierge decides with, from `Seeds/rules.json`, kept equal to what `Seeds/policies` says
/// (a test reads both). Decisions such as "can this order still be refunded" are made with these in code.
public struct ConciergeRules: Codable, Hashable, Sendable {
    /// Problems with fresh food and drinks must be reported within this many hours of delivery.
    public var freshIssueReportHours: Int
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
    /// A person of Customer Care replies to a hand-off in the conversation within this many working days.
    public var careReplyWorkingDays: Int
    /// Customer Care's phone number, e-mail and hours, for what is urgent (the chain's, not personal data: they are
    /// allowed through the masker and the output guard).
    public var carePhone: String
    public var careEmail: String
    public var careHours: String

    /// The shipped defaults, identical to `Seeds/rules.json`.
    public static let standard = ConciergeRules(
        freshIssueReportHours: 48, packagedReturnDays: 14, packagedCategories: ["merchandise"],
        lateDeliveryGraceMinutes: 30, cancellableStatuses: [.placed], addressChangeStatuses: [.placed],
        pointsEarnedPerCurrencyUnit: 10, pointsPerCurrencyUnitOfValue: 100, pointsSpendBlock: 100,
        nearbyRadiusMeters: 5_000, shopsInContext: 3, ordersInContext: 5, policyResults: 3, historyMessages: 8,
        suggestionsInContext: 3, careReplyWorkingDays: 2, carePhone: "0800 123 4567",
        careEmail: "care@brambleandbean.co.uk", careHours: "08:00 to 20:00 every day")
}
