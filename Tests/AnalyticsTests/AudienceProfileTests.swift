import Analytics
import Foundation
import Testing

@Suite("Audience: computed clauses and behavioural profiles")
struct AudienceProfileTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }
    static let asOf = day("2024-06-30")

    static func line(_ order: String, _ date: String, _ category: String, tier: String = "standard",
                     colour: String? = "green", hour: Int = 19, weekday: Int = 7, quantity: Int = 1,
                     coupon: Bool = false) -> AudiencePurchase {
        AudiencePurchase(customer: "p1", orderID: order, day: day(date), category: category, colour: colour,
                         priceTier: tier, quantity: quantity, hour: hour, weekday: weekday, usedCoupon: coupon)
    }

    /// p1 (GBP), one order per distinct order id, 10.00 each.
    static func customer(_ lines: [AudiencePurchase]) -> AudienceCustomer {
        let orders = Set(lines.filter { $0.day <= asOf }.map(\.orderID)).sorted().map { id in
            FeatureOrder(customer: "p1", orderID: id, day: lines.first { $0.orderID == id }!.day,
                         totalMinor: 1_000, currency: "GBP")
        }
        let rows = CustomerFeatures.compute(customers: ["p1"], orders: orders, refunds: [], events: [], asOf: asOf)
        return AudienceCustomer(row: rows[0], score: RFM.score(rows)[0], purchases: lines, asOf: asOf)
    }

    static let luxury = customer([
        line("O1", "2024-04-01", "cold-drinks", tier: "premium"),
        line("O2", "2024-06-01", "cold-drinks", tier: "premium", quantity: 2),
        line("O3", "2024-06-20", "bakery", tier: "budget", colour: "brown", hour: 20, weekday: 1),
        line("O9", "2024-07-02", "merchandise", tier: "budget"),  // after the as-of date
    ])

    @Test("purchased within N days counts the N days ending on the as-of date, lines after it never")
    func purchased() {
        #expect(Self.luxury.matches(.purchased(category: "bakery", withinDays: 11), asOf: Self.asOf))  // 06-20…06-30
        #expect(!Self.luxury.matches(.purchased(category: "bakery", withinDays: 10), asOf: Self.asOf))
        #expect(Self.luxury.matches(.purchased(category: "cold-drinks", withinDays: 30), asOf: Self.asOf))
        #expect(!Self.luxury.matches(.purchased(category: "cold-drinks", withinDays: 29), asOf: Self.asOf))
        #expect(!Self.luxury.matches(.purchased(category: "merchandise", withinDays: 3650), asOf: Self.asOf))
    }

    @Test("premium share is by quantity, net value compares within its currency only, bands and tiers as scored")
    func computedClauses() {
        let customer = Self.luxury
        #expect(customer.premiumShare == 0.75)  // 3 premium of 4 items (the line after the as-of date is out)
        #expect(customer.matches(.premiumShareAtLeast(0.75), asOf: Self.asOf))
        #expect(!customer.matches(.premiumShareAtLeast(0.76), asOf: Self.asOf))
        #expect(customer.matches(.netValueAtLeast(amount: 30, currency: "GBP"), asOf: Self.asOf))  // 3 × 10.00
        #expect(!customer.matches(.netValueAtLeast(amount: 30.01, currency: "GBP"), asOf: Self.asOf))
        #expect(!customer.matches(.netValueAtLeast(amount: 1, currency: "USD"), asOf: Self.asOf))
        #expect(customer.matches(.churnBand([.active]), asOf: Self.asOf))
        #expect(!customer.matches(.churnBand([.cooling, .never]), asOf: Self.asOf))
        #expect(customer.matches(.valueTier([.medium]), asOf: Self.asOf))  // a lone customer scores 3
        let filter = AudienceFilter(clauses: [.city(["Nowhere"]), .churnBand([.active])])
        #expect(customer.matchesFeatures(of: filter, asOf: Self.asOf))  // store clauses are the store's job
        let nobody = Self.customer([])
        #expect(!nobody.matches(.premiumShareAtLeast(0), asOf: Self.asOf))
        #expect(nobody.matches(.churnBand([.never]), asOf: Self.asOf))
    }

    @Test("the profile says what is bought, colours, tier, habits and standing, in fixed words")
    func profileFacts() {
        let profile = AudienceProfile(Self.luxury, browsing: [Interest(category: "hot-drinks", score: 9)])
        #expect(profile.facts == [
            "buys mostly cold drinks", "also buys bakery", "browses hot drinks", "likes green items",
            "luxury shopper who buys premium items", "shops in the evening", "shops at weekends",
            "recently active customer",
        ])
        #expect(profile.text.hasPrefix("buys mostly cold drinks. also buys bakery."))
        let bargain = Self.customer((1...4).map {
            Self.line("B\($0)", "2024-0\($0)-10", "hot-drinks", tier: "budget", colour: nil, hour: 8, weekday: 3,
                      coupon: true)
        })
        let facts = AudienceProfile(bargain, browsing: []).facts
        #expect(facts.contains("bargain shopper who buys budget items") && facts.contains("uses coupons and discounts"))
        #expect(facts.contains("shops in the morning") && facts.contains("shops on weekdays"))
        #expect(!facts.contains { $0.hasPrefix("likes") })
        #expect(AudienceProfile(Self.customer([]), browsing: []).facts == ["has never ordered"])
    }

    @Test("the profile does not depend on the order of its inputs")
    func orderIndependent() {
        let lines = [
            Self.line("O1", "2024-05-01", "cold-drinks", colour: "red"),
            Self.line("O2", "2024-06-01", "bakery", colour: "green"),
        ]
        let forward = AudienceProfile(Self.customer(lines), browsing: [])
        let backward = AudienceProfile(Self.customer(lines.reversed()), browsing: [])
        #expect(forward == backward)
        #expect(forward.facts.contains("buys mostly bakery"))  // a tie goes to the name first in order
        #expect(forward.facts.contains("likes green items"))
    }
}
