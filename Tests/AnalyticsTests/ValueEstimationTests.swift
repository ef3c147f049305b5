import Analytics
import Foundation
import SeededRandom
import Testing

@Suite("Customer value in the segmentation run: models per currency, fallbacks, no NaN")
struct ValueEstimationTests {
    static let asOf = CalendarDay(iso: "2024-06-30")!

    /// 80 GBP customers drawn from a BG/NBD-like process (a rate per customer, a drop-out chance after each
    /// purchase), three INR repeat customers (too few for a rupee Gamma-Gamma), one customer who paid in both
    /// currencies, and one who never bought.
    static func inputs(seed: UInt64 = 3, visitSpread: Double = 0.6)
        -> (customers: [String], orders: [FeatureOrder], refunds: [FeatureRefund])
    {
        var random = SplitMix64(seed: seed)
        var orders: [FeatureOrder] = []
        for index in 0..<80 {
            let weeklyRate = 0.05 + 0.6 * random.unit()
            let dropOut = 0.05 + 0.4 * random.unit()
            // Baskets differ a lot between customers and by ±60 % between one customer's visits (Gamma-Gamma's p).
            let basket = 800 + 3_000 * random.unit()
            var day = -100 - Int(random.next() % 500)
            var purchase = 0
            while day <= 0 {
                orders.append(FeatureOrder(customer: "g\(index)", orderID: "g\(index)-\(purchase)",
                                           day: asOf.adding(days: day),
                                           totalMinor: Int(basket * (1 + visitSpread * (2 * random.unit() - 1))),
                                           currency: "GBP"))
                purchase += 1
                if random.chance(dropOut) { break }
                day += 1 + Int(-log(1 - random.unit()) / weeklyRate * 7)
            }
        }
        for index in 0..<2 {
            for purchase in 0..<3 {
                orders.append(FeatureOrder(customer: "i\(index)", orderID: "i\(index)-\(purchase)",
                                           day: asOf.adding(days: -50 * purchase - 7), totalMinor: 200_000,
                                           currency: "INR"))
            }
        }
        func order(_ customer: String, _ id: String, daysAgo: Int, _ total: Int, _ currency: String,
                   cancelled: Bool = false) -> FeatureOrder {
            FeatureOrder(customer: customer, orderID: id, day: asOf.adding(days: -daysAgo), totalMinor: total,
                         currency: currency, cancelled: cancelled)
        }
        orders += [
            // i9: one day outside the trailing year, two orders on one day inside it, a refunded and a cancelled one.
            order("i9", "I1", daysAgo: 365, 70_000, "INR"), order("i9", "I2", daysAgo: 364, 10_000, "INR"),
            order("i9", "I3", daysAgo: 364, 5_000, "INR"), order("i9", "I4", daysAgo: 10, 20_000, "INR"),
            order("i9", "I5", daysAgo: 3, 9_000, "INR", cancelled: true),
            order("m1", "M1", daysAgo: 30, 1_000, "GBP"), order("m1", "M2", daysAgo: 20, 1_000, "USD"),
        ]
        let refunds = [FeatureRefund(orderID: "I4", day: asOf.adding(days: -5), amountMinor: 5_000)]
        return (["never"], orders, refunds)
    }

    static func run(seed: UInt64 = 3) -> CustomerSegmentation {
        let data = inputs(seed: seed)
        return CustomerSegmentation.run(customers: data.customers, orders: data.orders, refunds: data.refunds,
                                        events: [], asOf: asOf)
    }

    @Test("BG/NBD on everyone, Gamma-Gamma on GBP only; the same numbers as the models called directly")
    func modelsPerCurrency() throws {
        let run = Self.run()
        let model = run.valueModel
        #expect(model.purchasers == 84 && model.bgnbdRefusal == nil)
        #expect(model.currencies.map(\.currency) == ["GBP", "INR", "mixed"])
        #expect(model.currencies.map(\.method) == [.bgnbdGammaGamma, .naiveTrailing12m, .none])
        #expect(model.currencies[1].reason == "Gamma-Gamma refused: 3 repeat customers with spend in INR, "
                + "at least 10 needed")
        let purchasers = run.rows.filter { $0.features.orderCount > 0 }.map { row in
            CustomerSummary(id: row.features.customer, repeatCount: row.features.repeatCount, tX: row.features.tX,
                            T: row.features.T, meanRepeatSpend: row.features.zbar)
        }
        let bgnbd = BGNBD.fit(purchasers).parameters
        #expect(abs(try #require(model.bgnbd).r - bgnbd.r) < 1e-6)
        let pounds = purchasers.filter { $0.id.hasPrefix("g") }
        let gammaGamma = GammaGamma.fit(pounds).parameters
        #expect(abs(try #require(model.currencies[0].gammaGamma).p - gammaGamma.p) < 1e-6)
        // One customer's figures by hand from the fitted parameters.
        let row = try #require(run.rows.first { $0.features.customer == "g1" })
        let summary = try #require(pounds.first { $0.id == "g1" })
        let value = try #require(row.value)
        let alive = BGNBD.probabilityAlive(bgnbd, x: summary.repeatCount, tX: summary.tX, T: summary.T)
        let spend = try #require(GammaGamma.expectedMeanSpend(gammaGamma, x: summary.repeatCount,
                                                              meanSpend: summary.meanRepeatSpend))
        let clv = try #require(CustomerValue.lifetimeValue(bgnbd, summary, expectedSpend: spend,
                                                           horizonWeeks: 12 * 4.345, monthlyDiscountRate: 0.01))
        #expect(abs(try #require(value.pAlive) - alive) <= 0.00005)
        #expect(value.expectedSpendMinor == Int((spend * 100).rounded()))
        #expect(value.clv12mMinor == Int((clv * 100).rounded()))
        let expected = try #require(BGNBD.expectedPurchases(bgnbd, weeks: 52, x: summary.repeatCount,
                                                            tX: summary.tX, T: summary.T))
        #expect(abs(try #require(value.expectedPurchases52w) - expected) <= 0.00005)
    }

    @Test("Gamma-Gamma with p held: p exactly there, the other two fitted, never a better likelihood than free")
    func heldShapeFit() throws {
        let run = Self.run()
        let summaries = run.rows.filter { $0.features.customer.hasPrefix("g") }.map { row in
            CustomerSummary(id: row.features.customer, repeatCount: row.features.repeatCount, tX: row.features.tX,
                            T: row.features.T, meanRepeatSpend: row.features.zbar)
        }
        let free = GammaGamma.fit(summaries)
        try #require(free.converged)
        // Held at the free optimum's p, the search finds the free optimum's q and γ again.
        let atOptimum = GammaGamma.fit(summaries, fixedShape: free.parameters.p)
        #expect(atOptimum.converged && atOptimum.parameters.p == free.parameters.p)
        #expect(abs(atOptimum.parameters.q / free.parameters.q - 1) < 1e-4)
        #expect(abs(atOptimum.parameters.gamma / free.parameters.gamma - 1) < 1e-4)
        // Held elsewhere, the likelihood can only be lower.
        let held = GammaGamma.fit(summaries, fixedShape: ValueEstimation.maximumShape)
        #expect(held.converged && held.parameters.p == ValueEstimation.maximumShape)
        #expect(held.logLikelihood < free.logLikelihood)
    }

    @Test("the naive fallback by hand; mixed currencies get none; no purchase, no figures; nothing NaN")
    func fallbacks() throws {
        let rows = Dictionary(uniqueKeysWithValues: Self.run().rows.map { ($0.features.customer, $0) })
        // i9 in the trailing year (asOf − 364 … asOf): two purchase-days, 10000 + 5000 + (20000 − 5000) net.
        #expect(rows["i9"]?.value == CustomerValueFigures(method: .naiveTrailing12m, expectedPurchases52w: 2,
                                                          expectedSpendMinor: 15_000, clv12mMinor: 30_000))
        #expect(rows["m1"]?.value == CustomerValueFigures(method: .none))
        #expect(rows["never"]?.value == nil)
        for row in rows.values {
            guard let value = row.value else { continue }
            let numbers = [value.pAlive, value.expectedPurchases52w].compactMap { $0 }
            #expect(numbers.allSatisfy { $0.isFinite })
            if let alive = value.pAlive { #expect(alive >= 0 && alive <= 1) }  // 4 decimals: a long-gone buyer rounds to 0
            #expect((value.clv12mMinor ?? 0) >= 0)
        }
    }

    @Test("too few repeat customers: BG/NBD refused, everyone naive, and the run says why")
    func refusedModel() throws {
        let orders = (0..<12).flatMap { index in
            (0..<(index < 4 ? 2 : 1)).map { purchase in
                FeatureOrder(customer: "c\(index)", orderID: "c\(index)-\(purchase)",
                             day: Self.asOf.adding(days: -100 * purchase - index), totalMinor: 1_000, currency: "EUR")
            }
        }
        let run = CustomerSegmentation.run(customers: [], orders: orders, refunds: [], events: [], asOf: Self.asOf)
        #expect(run.valueModel.bgnbd == nil)
        #expect(run.valueModel.bgnbdRefusal == "BG/NBD refused: 4 repeat customers, at least 10 needed")
        #expect(run.valueModel.currencies.map(\.method) == [.naiveTrailing12m])
        #expect(run.valueModel.currencies.first?.reason == run.valueModel.bgnbdRefusal)
        #expect(run.rows.allSatisfy { $0.value?.method == .naiveTrailing12m })
        #expect(try run.json().contains("\"method\":\"naive-trailing-12m\""))
    }

    @Test("byte-identical JSON with every input shuffled")
    func shuffledInputs() throws {
        let data = Self.inputs()
        let expected = try Self.run().json()
        var random = SplitMix64(seed: 5)
        for _ in 0..<3 {
            var orders = data.orders
            orders.shuffle(using: &random)
            let run = CustomerSegmentation.run(customers: data.customers, orders: orders, refunds: data.refunds,
                                               events: [], asOf: Self.asOf)
            #expect(try run.json() == expected)
        }
        #expect(!expected.contains("nan") && !expected.contains("NaN"))
    }
}
