import Analytics
import SeededRandom
import Testing

@Suite("Calendar days and transaction summaries")
struct TransactionSummaryTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    @Test("calendar days: the epoch, leap years, round trips and bad dates")
    func calendarDays() {
        #expect(Self.day("1970-01-01").daysSinceEpoch == 0)
        #expect(Self.day("2000-03-01").daysSinceEpoch - Self.day("2000-02-28").daysSinceEpoch == 2)
        #expect(Self.day("1900-03-01").daysSinceEpoch - Self.day("1900-02-28").daysSinceEpoch == 1)
        #expect(CalendarDay(compact: "19970930") == Self.day("1997-09-30"))
        for text in ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024/01/01", "24-01-01", "2024-1-01",
            "2024-01-01T00:00:00", "", "０２０２-01-01"]
        {
            #expect(CalendarDay(iso: text) == nil, "\(text)")
        }
        for days in stride(from: -719_162, through: 2_932_896, by: 997) {
            let day = CalendarDay(daysSinceEpoch: days)
            #expect(CalendarDay(iso: day.description) == day, "\(days)")
        }
    }

    static let calibrationEnd = day("2024-02-26")  // 8 weeks after 2024-01-01

    static let log = [
        Transaction(customerID: "a", day: day("2024-01-01"), amount: 10),
        Transaction(customerID: "a", day: day("2024-01-01"), amount: 5),  // same day: one purchase
        Transaction(customerID: "a", day: day("2024-01-15"), amount: 20),
        Transaction(customerID: "a", day: day("2024-01-29"), amount: 30),
        Transaction(customerID: "a", day: day("2024-01-29"), amount: 10),
        Transaction(customerID: "a", day: day("2024-03-01"), amount: 99),  // after the calibration end
        // A first purchase after the calibration end: not a customer yet.
        Transaction(customerID: "late", day: day("2024-02-27"), amount: 50),
        Transaction(customerID: "last-day", day: day("2024-02-26"), amount: 7),
    ]

    @Test("x counts repeat purchase-days; tX and T are weeks from the first; z̄ averages repeat days, summed per day")
    func summary() {
        let summaries = TransactionSummary.summarize(Self.log, calibrationEnd: Self.calibrationEnd)
        #expect(summaries.map(\.id) == ["a", "last-day"])
        #expect(summaries[0] == CustomerSummary(id: "a", repeatCount: 2, tX: 4, T: 8, meanRepeatSpend: 30))
        #expect(summaries[1] == CustomerSummary(id: "last-day", repeatCount: 0, tX: 0, T: 0, meanRepeatSpend: 0))
    }

    @Test("the summary does not depend on the order of the transactions")
    func orderIndependence() {
        var random = SplitMix64(seed: 7)
        let reference = TransactionSummary.summarize(Self.log, calibrationEnd: Self.calibrationEnd)
        for _ in 0..<20 {
            let shuffled = Self.log.shuffled(using: &random)
            #expect(TransactionSummary.summarize(shuffled, calibrationEnd: Self.calibrationEnd) == reference)
        }
    }

    @Test("the holdout counts purchase-days after the calibration end, for the calibration cohort only")
    func holdout() {
        var log = Self.log
        log.append(Transaction(customerID: "a", day: Self.day("2024-03-01"), amount: 1))  // same day as the 99
        log.append(Transaction(customerID: "a", day: Self.day("2024-04-01"), amount: 1))  // after the observation end
        let holdout = TransactionSummary.holdoutPurchaseDays(
            log, calibrationEnd: Self.calibrationEnd, observationEnd: Self.day("2024-03-31"))
        #expect(holdout == ["a": 1])
    }

    @Test("customers are ordered by decimal value, then by text, whatever the input order")
    func idOrder() {
        let ids = ["b", "10", "007", "A", "9", "7", "x1"]
        #expect(ids.sorted(by: CustomerIDOrder.areInIncreasingOrder) == ["7", "007", "9", "10", "A", "b", "x1"])
        #expect(ids.reversed().sorted(by: CustomerIDOrder.areInIncreasingOrder)
            == ids.sorted(by: CustomerIDOrder.areInIncreasingOrder))
    }
}
