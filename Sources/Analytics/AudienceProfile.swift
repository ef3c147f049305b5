import Foundation

/// A customer's behaviour in words, for semantic ranking: what they buy and browse, colours, price tier, when they
/// shop, how they are doing as a customer.
///
/// Built only from behaviour (the inputs carry no name, e-mail, phone, address or user id; ANALYTICS.md trap 2).
/// Facts are short phrases from a small vocabulary without numbers, so the same fact has the same vector for every
/// customer (embeddings are cached per text) and a model reads words rather than percentages.
public struct AudienceProfile: Hashable, Sendable {
    public var facts: [String]

    /// The text that is embedded: the facts as one paragraph.
    public var text: String { facts.joined(separator: ". ") + "." }

    /// Thresholds, documented in docs/analytics.md.
    static let luxuryShare = 0.5, somePremiumShare = 0.25, budgetShare = 0.5, couponShare = 0.5
    static let habitShare = 0.5, weekendShare = 0.6, weekdayShare = 0.9

    public init(_ customer: AudienceCustomer, browsing: [Interest]) {
        var facts = Self.categoryFacts(customer.purchases, browsing: browsing)
        facts += Self.colourFacts(customer.purchases)
        facts += Self.tierFacts(customer)
        facts += Self.habitFacts(customer.purchases)
        facts += Self.relationshipFacts(customer)
        self.facts = facts.isEmpty ? ["no activity yet"] : facts
    }

    /// Categories by quantity bought (top two), then the top browsed category when it is not among them.
    static func categoryFacts(_ purchases: [AudiencePurchase], browsing: [Interest]) -> [String] {
        let bought = ranked(purchases.map { ($0.category, $0.quantity) })
        var facts: [String] = []
        if let first = bought.first { facts.append("buys mostly \(words(first))") }
        if bought.count > 1 { facts.append("also buys \(words(bought[1]))") }
        if let browsed = browsing.first?.category, !bought.prefix(2).contains(browsed) {
            facts.append("browses \(words(browsed))")
        }
        return facts
    }

    static func colourFacts(_ purchases: [AudiencePurchase]) -> [String] {
        let colours = ranked(purchases.compactMap { line in line.colour.map { ($0, line.quantity) } })
        return colours.first.map { ["likes \($0) items"] } ?? []
    }

    static func tierFacts(_ customer: AudienceCustomer) -> [String] {
        guard let premium = customer.premiumShare, let budget = customer.budgetShare else { return [] }
        if premium >= luxuryShare { return ["luxury shopper who buys premium items"] }
        if premium >= somePremiumShare { return ["buys some premium items"] }
        if budget >= budgetShare { return ["bargain shopper who buys budget items"] }
        return ["buys standard priced items"]
    }

    /// Time of day (by orders, local time) and weekday habits, and coupon use.
    static func habitFacts(_ purchases: [AudiencePurchase]) -> [String] {
        var firstLine: [String: AudiencePurchase] = [:]
        for line in purchases where firstLine[line.orderID] == nil { firstLine[line.orderID] = line }
        let orders = firstLine.keys.sorted().compactMap { firstLine[$0] }
        guard !orders.isEmpty else { return [] }
        let total = Double(orders.count)
        var facts: [String] = []
        let parts = ranked(orders.map { (dayPart($0.hour), 1) })
        if let top = parts.first, Double(orders.filter { dayPart($0.hour) == top }.count) / total >= habitShare {
            facts.append("shops in the \(top)")
        }
        let weekend = Double(orders.filter { $0.weekday == 1 || $0.weekday == 7 }.count) / total
        if weekend >= weekendShare { facts.append("shops at weekends") }
        if 1 - weekend >= weekdayShare && orders.count >= 3 { facts.append("shops on weekdays") }
        if Double(orders.filter(\.usedCoupon).count) / total >= couponShare {
            facts.append("uses coupons and discounts")
        }
        return facts
    }

    static func relationshipFacts(_ customer: AudienceCustomer) -> [String] {
        let row = customer.row
        var facts: [String] = []
        switch customer.score.churnBand {
        case .active: facts.append("recently active customer")
        case .cooling: facts.append("has not ordered for a few weeks")
        case .atRisk, .churned: facts.append("lapsed customer who stopped ordering")
        case .never: facts.append(row.last90Days.events > 0 ? "browses without buying" : "has never ordered")
        }
        if row.orderCount >= 10 { facts.append("frequent regular") }
        if let tenure = row.tenureDays, tenure <= 60 { facts.append("new customer") }
        if customer.score.valueTier == .high { facts.append("high spender") }
        return facts
    }

    /// Morning 5–11, afternoon 12–16, evening 17–21, night 22–4 (local hours).
    static func dayPart(_ hour: Int) -> String {
        switch hour {
        case 5...11: "morning"
        case 12...16: "afternoon"
        case 17...21: "evening"
        default: "night"
        }
    }

    /// `cold-drinks` → `cold drinks`.
    static func words(_ category: String) -> String {
        category.replacingOccurrences(of: "-", with: " ")
    }

    /// Keys by summed weight, highest first, ties by key (never by Dictionary order).
    static func ranked(_ weighted: [(String, Int)]) -> [String] {
        var totals: [String: Int] = [:]
        for (key, weight) in weighted { totals[key, default: 0] += weight }
        return totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}
