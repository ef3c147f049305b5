import Analytics
import Foundation
import SeededRandom
import Testing

@Suite("RFM scores, churn bands and rule segments")
struct RFMSegmentTests {
    static func values(_ numbers: [Double]) -> [(id: String, value: Double)] {
        numbers.enumerated().map { (id: "c\($0.offset)", value: $0.element) }
    }

    @Test("quintiles by rank: ten distinct values two per score; an outlier does not squash the rest")
    func quintileRanks() {
        let ten = RFM.quintiles(Self.values((1...10).map(Double.init)))
        #expect((0..<10).map { ten["c\($0)"]! } == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        let outlier = RFM.quintiles(Self.values([1, 2, 3, 4, 1_000_000]))
        #expect((0..<5).map { outlier["c\($0)"]! } == [1, 2, 3, 4, 5])
        #expect(RFM.quintiles(Self.values([7])) == ["c0": 3])
        #expect(Set(RFM.quintiles(Self.values([2, 2, 2, 2])).values) == [3])
        // Ties share their mid-rank: 1 | 5,5,5 | 9 → ranks 1, 3, 5 of 5.
        let tied = RFM.quintiles(Self.values([1, 5, 5, 5, 9]))
        #expect((0..<5).map { tied["c\($0)"]! } == [1, 3, 3, 3, 5])
    }

    @Test("tie handling does not depend on input order (shuffled with a seeded generator)")
    func tiesIndependentOfOrder() {
        var random = SplitMix64(seed: 42)
        let values = (0..<300).map { (id: "c\($0)", value: Double(random.next() % 7)) }
        let reference = RFM.quintiles(values)
        for _ in 0..<20 {
            #expect(RFM.quintiles(values.shuffled(using: &random)) == reference)
        }
        for a in values { for b in values where a.value == b.value { #expect(reference[a.id] == reference[b.id]) } }
    }

    @Test("money is ranked within its currency: rupees do not outrank pounds by their larger numbers")
    func monetaryWithinCurrency() throws {
        let asOf = CalendarDay(iso: "2024-06-30")!
        let orders = (1...5).flatMap { index in
            [FeatureOrder(customer: "gb\(index)", orderID: "G\(index)", day: asOf, totalMinor: 100 * index,
                          currency: "GBP"),
             FeatureOrder(customer: "in\(index)", orderID: "I\(index)", day: asOf, totalMinor: 100_000 * index,
                          currency: "INR")]
        }
        let run = CustomerSegmentation.run(customers: [], orders: orders, refunds: [], events: [], asOf: asOf)
        let scores = Dictionary(uniqueKeysWithValues: run.rows.map { ($0.features.customer, $0.rfm.monetary) })
        for index in 1...5 {
            #expect(scores["gb\(index)"] == index && scores["in\(index)"] == index)
        }
        #expect(run.rows.first { $0.features.customer == "gb1" }?.features.currency == "GBP")
        let mixed = CustomerFeatures.compute(
            customers: [], orders: [orders[0], FeatureOrder(customer: "gb1", orderID: "X", day: asOf, totalMinor: 1,
                                                           currency: "EUR")],
            refunds: [], events: [], asOf: asOf)
        #expect(mixed.first?.currency == "mixed")
    }

    @Test("churn bands: closed boundaries with 0 included")
    func churnBands() {
        let expected: [(Int?, ChurnBand)] = [
            (0, .active), (30, .active), (31, .cooling), (90, .cooling), (91, .atRisk), (180, .atRisk),
            (181, .churned), (5_000, .churned), (nil, .never),
        ]
        for (days, band) in expected { #expect(ChurnBand(daysSinceLast: days) == band, "\(String(describing: days))") }
    }

    @Test("RFM segment table: first match wins; no purchase and unmatched scores are named")
    func segmentTable() {
        #expect(RFM.segment(r: 5, f: 5, m: 5) == "Champions")
        #expect(RFM.segment(r: 3, f: 4, m: 4) == "Loyal Customers")
        #expect(RFM.segment(r: 5, f: 1, m: 1) == "New Customers")  // inside Potential Loyalist's ranges
        #expect(RFM.segment(r: 3, f: 1, m: 1) == "Promising")
        #expect(RFM.segment(r: 3, f: 2, m: 2) == "Potential Loyalist")  // before Need Attention
        #expect(RFM.segment(r: 2, f: 2, m: 2) == "Need Attention")
        #expect(RFM.segment(r: 1, f: 5, m: 5) == "Can't Lose Them")  // inside At Risk's ranges
        #expect(RFM.segment(r: 2, f: 5, m: 5) == "Loyal Customers")
        #expect(RFM.segment(r: 1, f: 2, m: 2) == "At Risk")
        // Every one of the ten segments is reachable from some cell of the 5×5×5 grid.
        var reached = Set<String>()
        for r in 1...5 { for f in 1...5 { for m in 1...5 { reached.insert(RFM.segment(r: r, f: f, m: m)) } } }
        #expect(reached.isSuperset(of: RFM.segments.map(\.name)))
        #expect(RFM.segment(r: 1, f: 1, m: 1) == "Lost")
        #expect(RFM.segment(r: 2, f: 1, m: 5) == RFM.otherSegment)
        #expect(RFM.segment(r: nil, f: nil, m: nil) == RFM.noPurchaseSegment)
        #expect(ValueTier(monetaryScore: 5) == .high && ValueTier(monetaryScore: 3) == .medium)
        #expect(ValueTier(monetaryScore: 2) == .low && ValueTier(monetaryScore: nil) == .none)
    }

    static func syntheticRun(seed: UInt64, rules: SegmentRules = SegmentRules()) -> CustomerSegmentation {
        var random = SplitMix64(seed: seed)
        let asOf = CalendarDay(iso: "2024-06-30")!
        var orders: [FeatureOrder] = []
        var events: [FeatureEvent] = []
        let customers = (0..<120).map { "k\($0)" }
        for customer in customers {
            for index in 0..<Int(random.next() % 6) {
                orders.append(FeatureOrder(customer: customer, orderID: "\(customer)-\(index)",
                                           day: asOf.adding(days: -Int(random.next() % 400)),
                                           totalMinor: 500 + Int(random.next() % 5_000),
                                           cancelled: random.chance(0.05)))
            }
            for index in 0..<Int(random.next() % 15) {
                events.append(FeatureEvent(customer: customer, sessionID: "\(customer)-s\(index % 4)", kind: .view,
                                           category: ["tea", "cake", "bread"][Int(random.next() % 3)],
                                           day: asOf.adding(days: -Int(random.next() % 120))))
            }
        }
        return CustomerSegmentation.run(customers: customers, orders: orders, refunds: [], events: events,
                                        asOf: asOf, rules: rules)
    }

    @Test("rule segments: exactly one per customer, counts sum to the total, every segment listed")
    func segmentCounts() {
        let run = Self.syntheticRun(seed: 7)
        #expect(run.rows.count == 120)
        #expect(run.counts.values.reduce(0, +) == run.rows.count)
        #expect(Set(run.counts.keys) == Set(RuleSegment.allCases.map(\.rawValue)))
        for segment in RuleSegment.allCases {
            #expect(run.counts[segment.rawValue] == run.rows.filter { $0.segment == segment }.count)
        }
        #expect(run.counts.values.filter { $0 > 0 }.count >= 3)
    }

    @Test("rule segments: the first matching rule wins")
    func firstMatch() throws {
        let asOf = CalendarDay(iso: "2024-06-30")!
        // One order today, the highest spend of the two buyers: high value, active, and also new with one order.
        let run = CustomerSegmentation.run(
            customers: ["new-big", "small", "nobody"],
            orders: [FeatureOrder(customer: "new-big", orderID: "A", day: asOf, totalMinor: 90_000),
                     FeatureOrder(customer: "small", orderID: "B", day: asOf, totalMinor: 100)],
            refunds: [], events: [], asOf: asOf)
        let byID = Dictionary(uniqueKeysWithValues: run.rows.map { ($0.features.customer, $0) })
        #expect(byID["new-big"]?.rfm.monetary == 4)  // mid-rank percentile 0.75 of two buyers
        #expect(byID["new-big"]?.segment == .highValueActive)
        #expect(byID["small"]?.segment == .lowEngagementNew)
        #expect(byID["nobody"]?.segment == .lowEngagementNew)
        var strict = SegmentRules()
        strict.highValueMinMonetaryScore = 5  // no longer matches: the next rule decides
        let later = CustomerSegmentation.run(
            customers: ["new-big"], orders: [FeatureOrder(customer: "new-big", orderID: "A", day: asOf,
                                                          totalMinor: 90_000)],
            refunds: [], events: [], asOf: asOf, rules: strict)
        #expect(later.rows.first?.segment == .lowEngagementNew)
    }

    @Test("the optional click limit of low-engagement new")
    func clickLimit() {
        let asOf = CalendarDay(iso: "2024-06-30")!
        let events = (0..<3).map { _ in FeatureEvent(customer: "b", sessionID: "s", kind: .view, day: asOf) }
        var rules = SegmentRules()
        #expect(CustomerSegmentation.run(customers: ["b"], orders: [], refunds: [], events: events, asOf: asOf,
                                         rules: rules).rows.first?.segment == .lowEngagementNew)
        rules.lowEngagementMaxEvents30 = 3
        #expect(CustomerSegmentation.run(customers: ["b"], orders: [], refunds: [], events: events, asOf: asOf,
                                         rules: rules).rows.first?.segment == .lowEngagementNew)
        rules.lowEngagementMaxEvents30 = 2
        #expect(CustomerSegmentation.run(customers: ["b"], orders: [], refunds: [], events: events, asOf: asOf,
                                         rules: rules).rows.first?.segment == .other)
    }

    @Test("an at-risk regular: two orders, the last 91 days ago")
    func atRisk() {
        let asOf = CalendarDay(iso: "2024-06-30")!
        let run = CustomerSegmentation.run(
            customers: ["r"],
            orders: [FeatureOrder(customer: "r", orderID: "A", day: asOf.adding(days: -200), totalMinor: 1_000),
                     FeatureOrder(customer: "r", orderID: "B", day: asOf.adding(days: -91), totalMinor: 1_000)],
            refunds: [], events: [], asOf: asOf)
        #expect(run.rows.first?.segment == .atRiskChurn)
        #expect(run.rows.first?.rfm.churnBand == .atRisk)
    }

    @Test("segment rules load from JSON; missing keys keep their defaults; they round-trip")
    func rulesFromJSON() throws {
        let rules = try JSONDecoder().decode(SegmentRules.self, from: Data(#"{"activeWithinDays": 14}"#.utf8))
        var expected = SegmentRules()
        expected.activeWithinDays = 14
        #expect(rules == expected)
        #expect(try JSONDecoder().decode(SegmentRules.self, from: JSONEncoder().encode(rules)) == rules)
        #expect(try JSONDecoder().decode(SegmentRules.self, from: Data("{}".utf8)) == SegmentRules())
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SegmentRules.self, from: Data(#"{"atRiskMinOrders": "two"}"#.utf8))
        }
    }
}
