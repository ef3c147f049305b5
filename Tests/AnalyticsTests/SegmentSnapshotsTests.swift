@testable import Analytics
import Foundation
import SeededRandom
import Testing

@Suite("Segment snapshots: metrics per segment, main currency, empty segments")
struct SegmentSnapshotsTests {
    /// A hand-made row: the snapshot only reads these fields.
    static func row(_ id: String, currency: String?, orders: Int, net: Int, repeats: Int, daysSinceLast: Int?,
                    events30: Int, segment: RuleSegment, rfm: String,
                    value: CustomerValueFigures?) -> CustomerSegmentRow {
        let features = CustomerFeatureRow(
            customer: id, orderCount: orders, repeatCount: repeats, firstPurchase: nil, lastPurchase: nil,
            daysSinceLast: daysSinceLast, tenureDays: daysSinceLast, currency: currency, grossValueMinor: net,
            refundedMinor: 0, netValueMinor: net, averageOrderValueMinor: 0,
            last30Days: Activity(sessions: 1, events: events30), last90Days: Activity(sessions: 1, events: events30),
            tX: 0, T: 0, zbar: 0, interests: [])
        let score = RFMScore(customer: id, recency: nil, frequency: nil, monetary: nil, segment: rfm,
                             churnBand: ChurnBand(daysSinceLast: daysSinceLast), valueTier: .none)
        return CustomerSegmentRow(features: features, rfm: score, segment: segment, value: value)
    }

    static func model(_ pAlive: Double, clv: Int) -> CustomerValueFigures {
        CustomerValueFigures(method: .bgnbdGammaGamma, pAlive: pAlive, expectedPurchases52w: 1, expectedSpendMinor: 1,
                             clv12mMinor: clv)
    }

    /// Five customers: three in GBP, one in INR (left out of money), one who never bought.
    static let rows = [
        row("a", currency: "GBP", orders: 3, net: 30_000, repeats: 2, daysSinceLast: 10, events30: 4,
            segment: .highValueActive, rfm: "Champions", value: model(0.9, clv: 12_000)),
        row("b", currency: "GBP", orders: 1, net: 5_001, repeats: 0, daysSinceLast: 100, events30: 0,
            segment: .other, rfm: "About To Sleep", value: model(1, clv: 1_001)),
        row("c", currency: "INR", orders: 2, net: 900_000, repeats: 1, daysSinceLast: 40, events30: 2,
            segment: .highValueActive, rfm: "Champions",
            value: CustomerValueFigures(method: .naiveTrailing12m, expectedPurchases52w: 2,
                                        expectedSpendMinor: 450_000, clv12mMinor: 900_000)),
        row("d", currency: nil, orders: 0, net: 0, repeats: 0, daysSinceLast: nil, events30: 6,
            segment: .lowEngagementNew, rfm: RFM.noPurchaseSegment, value: nil),
        row("e", currency: "GBP", orders: 2, net: 7_001, repeats: 1, daysSinceLast: 200, events30: 1,
            segment: .atRiskChurn, rfm: "At Risk", value: model(0.3333, clv: 0)),
    ]

    static func run(_ rows: [CustomerSegmentRow]) -> CustomerSegmentation {
        let summary = ValueModelSummary(expectedPurchasesWeeks: 52, clvMonths: 12, monthlyDiscountRate: 0.01,
                                        purchasers: 4, repeatCustomers: 3, bgnbd: nil, bgnbdNote: nil,
                                        bgnbdRefusal: nil, currencies: [])
        return CustomerSegmentation(asOf: "2024-06-30", rules: SegmentRules(), counts: [:], valueModel: summary,
                                    rows: rows)
    }

    static func values(_ snapshot: SegmentSnapshot) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: snapshot.metrics.map { ($0.key, $0.value) })
    }

    @Test("chain-wide totals: hand-computed means, shares and half-away rounding")
    func allCustomers() throws {
        let snapshots = SegmentSnapshots.compute(Self.run(Self.rows))
        let all = try #require(snapshots.first)
        #expect(all.id == "all-customers" && all.currency == "GBP" && all.asOf == "2024-06-30")
        #expect(all.metrics.map(\.key) == [
            "customers", "shareOfCustomers", "customersInOtherCurrencies", "netValueTotal", "netValueMean",
            "averageOrderValue", "meanOrderCount", "repeatCustomerShare", "meanDaysSinceLast", "activeShare",
            "coolingShare", "atRiskShare", "churnedShare", "noPurchaseShare", "meanPAlive", "clvTotal", "clvMean",
            "meanEvents30",
        ])
        let v = Self.values(all)
        #expect(v["customers"] == 5 && v["shareOfCustomers"] == 1 && v["customersInOtherCurrencies"] == 1)
        // Money over a, b, e and d (no purchase): 30000 + 5001 + 7001 + 0 = 42002 minor units.
        #expect(v["netValueTotal"] == 420.02)
        #expect(v["netValueMean"] == 105.01)  // 42002 / 4 = 10500.5 minor units, half away from zero
        #expect(v["averageOrderValue"] == 70)  // 42002 / 6 orders = 7000.33
        #expect(v["meanOrderCount"] == 1.6)  // 8 orders / 5
        #expect(v["repeatCustomerShare"] == 0.6)
        #expect(v["meanDaysSinceLast"] == 87.5)  // (10 + 100 + 40 + 200) / 4 purchasers
        for key in ["activeShare", "coolingShare", "atRiskShare", "churnedShare", "noPurchaseShare"] {
            #expect(v[key] == 0.2, "\(key)")
        }
        #expect(v["meanPAlive"] == 0.7444)  // (0.9 + 1 + 0.3333) / 3; c is naive, d has no figure
        #expect(v["clvTotal"] == 130.01 && v["clvMean"] == 43.34)  // 13001 / 3 = 4333.67
        #expect(v["meanEvents30"] == 2.6)
        #expect(all.metric("netValueTotal")?.label.contains("GBP customers only") == true)
    }

    @Test("every segment listed in a fixed order; empty ones have counts and totals, no means, no NaN")
    func segmentsAndEmptyOnes() throws {
        let snapshots = SegmentSnapshots.compute(Self.run(Self.rows))
        #expect(snapshots.map(\.id) == [
            "all-customers", "high-value-active", "at-risk-churn", "low-engagement-new", "other",
            "rfm-champions", "rfm-loyal-customers", "rfm-new-customers", "rfm-promising", "rfm-potential-loyalist",
            "rfm-need-attention", "rfm-about-to-sleep", "rfm-cant-lose-them", "rfm-at-risk", "rfm-lost",
            "rfm-others", "rfm-no-purchase",
        ])
        #expect(snapshots[1].name == "High-value active" && snapshots[1].source == .rule)
        #expect(snapshots[12].name == "Can't Lose Them" && snapshots[12].source == .rfm)
        let highValue = Self.values(snapshots[1])  // a (GBP) and c (INR)
        #expect(highValue["customers"] == 2 && highValue["shareOfCustomers"] == 0.4)
        #expect(highValue["customersInOtherCurrencies"] == 1 && highValue["netValueTotal"] == 300)
        #expect(highValue["meanDaysSinceLast"] == 25 && highValue["coolingShare"] == 0.5)
        #expect(highValue["meanPAlive"] == 0.9 && highValue["clvMean"] == 120)
        let empty = Self.values(try #require(snapshots.first { $0.id == "rfm-cant-lose-them" }))
        #expect(empty == ["customers": 0, "shareOfCustomers": 0, "customersInOtherCurrencies": 0,
                          "netValueTotal": 0, "clvTotal": 0])
        let newcomer = Self.values(snapshots[3])  // d: never bought
        #expect(newcomer["netValueMean"] == 0 && newcomer["noPurchaseShare"] == 1)
        #expect(newcomer["averageOrderValue"] == nil && newcomer["meanDaysSinceLast"] == nil)
        #expect(newcomer["meanPAlive"] == nil && newcomer["clvMean"] == nil)
        for snapshot in snapshots {
            #expect(snapshot.metrics.allSatisfy { $0.value.isFinite }, "\(snapshot.id)")
        }
        let nobody = SegmentSnapshots.compute(Self.run([]))
        #expect(nobody.allSatisfy { $0.metrics.map(\.key) == ["customers", "customersInOtherCurrencies",
                                                               "netValueTotal", "clvTotal"] })
    }

    @Test("the same snapshots whatever the order of the rows")
    func orderIndependence() {
        let expected = SegmentSnapshots.compute(Self.run(Self.rows))
        var random = SplitMix64(seed: 11)
        for _ in 0..<5 {
            var shuffled = Self.rows
            shuffled.shuffle(using: &random)
            #expect(SegmentSnapshots.compute(Self.run(shuffled)) == expected)
        }
    }

    @Test("main currency: most purchasers, ties by code, mixed never counts; slugs")
    func mainCurrencyAndSlugs() {
        func buyer(_ id: String, _ currency: String) -> CustomerSegmentRow {
            Self.row(id, currency: currency, orders: 1, net: 1, repeats: 0, daysSinceLast: 1, events30: 0,
                     segment: .other, rfm: "Others", value: nil)
        }
        #expect(SegmentSnapshots.mainCurrency([buyer("1", "USD"), buyer("2", "EUR")]) == "EUR")
        #expect(SegmentSnapshots.mainCurrency([buyer("1", "USD"), buyer("2", "EUR"), buyer("3", "USD")]) == "USD")
        #expect(SegmentSnapshots.mainCurrency([buyer("1", "mixed"), buyer("2", "mixed"), buyer("3", "INR")]) == "INR")
        #expect(SegmentSnapshots.mainCurrency([]) == "")
        #expect(SegmentSnapshots.slug("Can't Lose Them") == "cant-lose-them")
        #expect(SegmentSnapshots.slug("  At  Risk ") == "at-risk")
        #expect(SegmentSnapshots.slug("No purchase") == "no-purchase")
    }
}
