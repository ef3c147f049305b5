import Analytics
import Foundation
import SeededRandom
import Testing

@Suite("Customer features on an as-of date")
struct CustomerFeaturesTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }
    static let asOf = day("2024-06-30")

    /// What a caller holds before pseudonymising: the test's stand-in for the domain's user.
    struct Person {
        var userID, name, email, pseudonym: String
    }

    static let people = [
        Person(userID: "u-alice", name: "Alice Example", email: "alice@example.com", pseudonym: "p1"),
        Person(userID: "u-bruno", name: "Bruno Sample", email: "bruno@example.org", pseudonym: "p2"),
        Person(userID: "u-chloe", name: "Chloe Fixture", email: "chloe@example.net", pseudonym: "p3"),
        Person(userID: "u-dario", name: "Dario Testcase", email: "dario@example.com", pseudonym: "p4"),
    ]

    static let orders = [
        FeatureOrder(customer: "p1", orderID: "O1", day: day("2024-01-01"), totalMinor: 10_000),
        FeatureOrder(customer: "p1", orderID: "O2", day: day("2024-01-01"), totalMinor: 5_000),  // same day
        FeatureOrder(customer: "p1", orderID: "O3", day: day("2024-03-01"), totalMinor: 20_000),
        FeatureOrder(customer: "p1", orderID: "O4", day: day("2024-06-01"), totalMinor: 8_000, cancelled: true),
        FeatureOrder(customer: "p1", orderID: "O5", day: day("2024-07-05"), totalMinor: 9_999),  // after as-of
        FeatureOrder(customer: "p3", orderID: "O6", day: day("2024-08-01"), totalMinor: 4_000),  // after as-of
        FeatureOrder(customer: "p4", orderID: "O7", day: day("2024-06-30"), totalMinor: 3_000),
    ]

    static let refunds = [
        FeatureRefund(orderID: "O3", day: day("2024-03-05"), amountMinor: 5_000),
        FeatureRefund(orderID: "O4", day: day("2024-06-02"), amountMinor: 8_000),  // cancelled order: ignored
        FeatureRefund(orderID: "O1", day: day("2024-07-02"), amountMinor: 1_000),  // after as-of: ignored
        FeatureRefund(orderID: "O7", day: day("2024-06-30"), amountMinor: 5_000),  // capped at the total
    ]

    static let events = [
        FeatureEvent(customer: "p2", sessionID: "s1", kind: .sessionStart, day: day("2024-06-30")),
        FeatureEvent(customer: "p2", sessionID: "s1", kind: .view, category: "tea", day: day("2024-06-30")),
        FeatureEvent(customer: "p2", sessionID: "s1", kind: .cart, category: "tea", day: day("2024-06-30")),
        FeatureEvent(customer: "p2", sessionID: "s2", kind: .view, category: "cake", day: day("2024-06-01")),
        FeatureEvent(customer: "p2", sessionID: "s3", kind: .view, category: "bread", day: day("2024-04-02")),
        FeatureEvent(customer: "p2", sessionID: "s4", kind: .purchase, category: "bread", day: day("2024-04-01")),
        FeatureEvent(customer: "p2", sessionID: "s4", kind: .view, category: "apple", day: day("2024-04-01")),
        FeatureEvent(customer: "p2", sessionID: "s5", kind: .view, category: "zzz", day: day("2024-07-01")),
    ]

    static func rows() -> [String: CustomerFeatureRow] {
        let rows = CustomerFeatures.compute(customers: people.map(\.pseudonym), orders: orders, refunds: refunds,
                                            events: events, asOf: asOf)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.customer, $0) })
    }

    @Test("orders, same-day purchases, refunds and cancelled orders: known answers")
    func purchaseFeatures() throws {
        let p1 = try #require(Self.rows()["p1"])
        #expect(p1.orderCount == 3)  // O4 cancelled, O5 after the as-of date
        #expect(p1.repeatCount == 1)  // 2024-01-01 (two orders) and 2024-03-01
        #expect(p1.firstPurchase == "2024-01-01")
        #expect(p1.lastPurchase == "2024-03-01")
        #expect(p1.daysSinceLast == 121)
        #expect(p1.tenureDays == 181)
        #expect(p1.grossValueMinor == 35_000)
        #expect(p1.refundedMinor == 5_000)
        #expect(p1.netValueMinor == 30_000)
        #expect(p1.averageOrderValueMinor == 10_000)
        #expect(abs(p1.tX - 60.0 / 7) < 1e-12)
        #expect(abs(p1.T - 181.0 / 7) < 1e-12)
        #expect(abs(p1.zbar - 150) < 1e-12)  // the repeat day's net spend, major units
    }

    @Test("a refund larger than its order is capped; a purchase on the as-of date is 0 days ago")
    func refundCap() throws {
        let p4 = try #require(Self.rows()["p4"])
        #expect(p4.orderCount == 1 && p4.repeatCount == 0)
        #expect(p4.daysSinceLast == 0 && p4.tenureDays == 0)
        #expect(p4.refundedMinor == 3_000 && p4.netValueMinor == 0 && p4.averageOrderValueMinor == 0)
        #expect(p4.tX == 0 && p4.T == 0 && p4.zbar == 0)
    }

    @Test("no purchases, and an as-of date before the first purchase")
    func noPurchases() throws {
        let rows = Self.rows()
        for id in ["p2", "p3"] {
            let row = try #require(rows[id])
            #expect(row.orderCount == 0 && row.repeatCount == 0 && row.netValueMinor == 0, "\(id)")
            #expect(row.firstPurchase == nil && row.lastPurchase == nil, "\(id)")
            #expect(row.daysSinceLast == nil && row.tenureDays == nil, "\(id)")
        }
        #expect(rows["p3"]?.last90Days == Activity(sessions: 0, events: 0))
    }

    @Test("activity windows end on the as-of date and include it; interests weigh purchase 3, cart 2, view 1")
    func activityAndInterests() throws {
        let p2 = try #require(Self.rows()["p2"])
        #expect(p2.last30Days == Activity(sessions: 2, events: 4))  // 2024-06-01 … 06-30
        #expect(p2.last90Days == Activity(sessions: 3, events: 5))  // 2024-04-02 … 06-30
        // bread 1 + 3, tea 1 + 2, then apple and cake tie at 1: by name; zzz is after the as-of date.
        #expect(p2.interests == [Interest(category: "bread", score: 4), Interest(category: "tea", score: 3),
                                 Interest(category: "apple", score: 1)])
    }

    @Test("recomputing on the same as-of date gives byte-identical JSON, whatever the input order")
    func determinism() throws {
        let first = try CustomerSegmentation.run(customers: Self.people.map(\.pseudonym), orders: Self.orders,
                                                 refunds: Self.refunds, events: Self.events, asOf: Self.asOf).json()
        var random = SplitMix64(seed: 15)
        let second = try CustomerSegmentation.run(
            customers: Self.people.map(\.pseudonym).shuffled(using: &random),
            orders: Self.orders.shuffled(using: &random), refunds: Self.refunds.shuffled(using: &random),
            events: Self.events.shuffled(using: &random), asOf: Self.asOf
        ).json()
        #expect(first == second)
        #expect(first.contains("\"asOf\":\"2024-06-30\""))
    }

    @Test("a feature row holds no name, e-mail or user id: only the pseudonym")
    func noPII() throws {
        let json = try CustomerSegmentation.run(customers: Self.people.map(\.pseudonym), orders: Self.orders,
                                                refunds: Self.refunds, events: Self.events, asOf: Self.asOf).json()
        for person in Self.people {
            for value in [person.userID, person.name, person.email, "example."] {
                #expect(!json.contains(value), "\(value)")
            }
            #expect(json.contains("\"customer\":\"\(person.pseudonym)\""))
        }
        let keys = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.rows()["p1"]!))
            as? [String: Any]).keys
        for forbidden in ["name", "email", "phone", "address", "userID"] { #expect(!keys.contains(forbidden)) }
    }
}
