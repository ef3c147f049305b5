import Analytics
import Foundation
import Testing

@Suite("Customer value: CLV, refusals, and the CSV → report pipeline")
struct CustomerValueTests {
    static let published = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
    static let example = CustomerSummary(id: "1", repeatCount: 2, tX: 30.43, T: 38.86, meanRepeatSpend: 22.35)

    @Test("on whole months CLV is lifetimes' customer_lifetime_value: monthly increments, discounted per month")
    func lifetimeValueMatchesLifetimes() throws {
        let month = CustomerValueSettings.weeksPerMonth
        var reference = 0.0
        for i in 1...12 {
            let now = try #require(
                BGNBD.expectedPurchases(Self.published, weeks: month * Double(i), x: 2, tX: 30.43, T: 38.86))
            let before = try #require(
                BGNBD.expectedPurchases(Self.published, weeks: month * Double(i - 1), x: 2, tX: 30.43, T: 38.86))
            reference += 30 * (now - before) / pow(1.01, Double(i))
        }
        let clv = try #require(CustomerValue.lifetimeValue(
            Self.published, Self.example, expectedSpend: 30, horizonWeeks: 12 * month, monthlyDiscountRate: 0.01))
        #expect(abs(clv - reference) < 1e-9, "\(clv) vs \(reference)")
    }

    @Test("without discounting CLV is spend × E[Y(horizon)], and discounting only lowers it")
    func lifetimeValueWithoutDiscount() throws {
        let expected = try #require(BGNBD.expectedPurchases(Self.published, weeks: 39, x: 2, tX: 30.43, T: 38.86))
        let plain = try #require(CustomerValue.lifetimeValue(
            Self.published, Self.example, expectedSpend: 30, horizonWeeks: 39, monthlyDiscountRate: 0))
        let discounted = try #require(CustomerValue.lifetimeValue(
            Self.published, Self.example, expectedSpend: 30, horizonWeeks: 39, monthlyDiscountRate: 0.01))
        #expect(abs(plain - 30 * expected) < 1e-9)
        #expect(discounted < plain && discounted > 0.9 * plain)
    }

    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    @Test("one customer only, or fewer than 10 repeat customers, is refused with a reason")
    func refusesTooFewRepeatCustomers() {
        let settings = CustomerValueSettings(calibrationEnd: Self.day("2024-03-31"))
        let one = [
            Transaction(customerID: "1", day: Self.day("2024-01-01"), amount: 5),
            Transaction(customerID: "1", day: Self.day("2024-02-01"), amount: 5),
        ]
        #expect(throws: CustomerValueError.tooFewRepeatCustomers(
            found: 1, customers: 1, needed: 10, calibrationEnd: Self.day("2024-03-31"))) {
            try CustomerValue.analyse(one, settings: settings)
        }
        let nine = (1...30).flatMap { id in
            [Transaction(customerID: String(id), day: Self.day("2024-01-01"), amount: 5)]
                + (id <= 9 ? [Transaction(customerID: String(id), day: Self.day("2024-02-0\(id)"), amount: 5)] : [])
        }
        do {
            _ = try CustomerValue.analyse(nine, settings: settings)
            Issue.record("nine repeat customers were not refused")
        } catch {
            #expect(error.description.hasPrefix("too few repeat customers: 9 of 30 customers bought again"))
        }
    }

    @Test("bad settings are refused")
    func refusesBadSettings() {
        let log = [Transaction(customerID: "1", day: Self.day("2024-01-01"), amount: 5)]
        for settings in [
            CustomerValueSettings(calibrationEnd: Self.day("2024-03-31"), horizonWeeks: 0),
            CustomerValueSettings(calibrationEnd: Self.day("2024-03-31"), horizonWeeks: 521),
            CustomerValueSettings(calibrationEnd: Self.day("2024-03-31"), monthlyDiscountRate: -0.1),
            CustomerValueSettings(calibrationEnd: Self.day("2024-03-31"), observationEnd: Self.day("2024-03-30")),
        ] {
            let error = #expect(throws: CustomerValueError.self) { try CustomerValue.analyse(log, settings: settings) }
            guard case .invalidSettings = error else {
                Issue.record("\(settings) gave \(String(describing: error))")
                continue
            }
        }
    }

    /// The CDNOW sample written as the command's CSV.
    static func sampleCSV() throws -> String {
        let rows = try CDNOWData.sampleTransactions().map { "\($0.customerID),\($0.day),\($0.amount)" }
        return (["customer_id,date,amount"] + rows).joined(separator: "\n") + "\n"
    }

    @Test("CSV → report on the CDNOW sample: the published fits, the holdout count, stable JSON")
    func pipelineOnCDNOW() throws {
        let settings = CustomerValueSettings(
            calibrationEnd: CDNOWData.calibrationEnd, observationEnd: Self.day("1998-06-30"))
        let report = try CustomerValue.analyse(try TransactionCSV.parse(try Self.sampleCSV()), settings: settings)
        let p = report.bgnbd.parameters
        #expect(abs(p.r - 0.243) <= 0.005 && abs(p.alpha - 4.414) <= 0.02 && abs(p.a - 0.793) <= 0.005)
        #expect(abs(p.b - 2.426) <= 0.02)
        #expect(report.customers.count == 2357)
        #expect(report.customers.map(\.summary.id) == (1...2357).map(String.init))
        let holdout = try #require(report.holdout)
        #expect(holdout.weeks == 39)
        // 1,882 purchase-days of the 2,357 customers in 1997-10-01…1998-06-30 (counted independently from the raw
        // file); the forecast over the same 39 weeks is the sum of the customers' E[Y(39)] (≈ 1,654: 12 % short).
        #expect(holdout.actualPurchases == 1882)
        let forecast = report.customers.reduce(0) { $0 + $1.expectedPurchases }
        #expect(abs(holdout.expectedPurchases - forecast) < 1e-6, "\(holdout)")
        let first = report.customers[0]
        #expect(first.summary == CustomerSummary(
            id: "1", repeatCount: 2, tX: 213.0 / 7, T: 272.0 / 7, meanRepeatSpend: (29.73 + 14.96) / 2))
        #expect(first.clv > 0 && first.probabilityAlive > 0 && first.probabilityAlive < 1)
        // A repeat customer's expected spend sits between their own mean and the population mean.
        let population = try #require(report.gammaGamma.parameters.populationMeanSpend)
        #expect(first.expectedSpend > min(population, 22.345) && first.expectedSpend < max(population, 22.345))
        try Self.checkJSON(report)
    }

    static func checkJSON(_ report: CustomerValueReport) throws {
        let json = report.json()
        #expect(json == report.json())
        #expect(!json.contains("nan") && !json.contains("inf"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["bgnbd", "gammaGamma", "customers"])
        let bgnbd = try #require(object["bgnbd"] as? [String: Any])
        #expect(Set(bgnbd.keys) == ["r", "alpha", "a", "b", "logLikelihood"])
        let gammaGamma = try #require(object["gammaGamma"] as? [String: Any])
        #expect(Set(gammaGamma.keys) == ["p", "q", "gamma", "logLikelihood"])
        let customers = try #require(object["customers"] as? [[String: Any]])
        #expect(customers.count == report.customers.count)
        #expect(Set(customers[0].keys) == ["id", "x", "tX", "T", "zbar", "pAlive", "expectedPurchases", "clv"])
        let line = try #require(json.split(separator: "\n").first { $0.contains("\"id\": \"1\"") })
        #expect(
            line.hasPrefix("    {\"id\": \"1\", \"x\": 2, \"tX\": 30.43, \"T\": 38.86, \"zbar\": 22.35, \"pAlive\": "))
        let text = report.text()
        #expect(text == report.text())
        #expect(text.contains("corr(x, zbar) 0.114"))
    }
}
