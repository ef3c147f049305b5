/// One purchase: who, which day, how much (in the file's currency, never negative).
public struct Transaction: Hashable, Sendable {
    public var customerID: String
    public var day: CalendarDay
    public var amount: Double

    public init(customerID: String, day: CalendarDay, amount: Double) {
        self.customerID = customerID
        self.day = day
        self.amount = amount
    }
}

/// A customer's calibration-period history in the BTYD models' terms (Fader, Hardie & Lee 2005), in weeks.
///
/// These are *not* marketing RFM figures: `repeatCount` leaves out the first purchase-day, and `tX`/`T` count
/// from the first purchase, not back from the as-of date.
public struct CustomerSummary: Hashable, Sendable {
    public var id: String
    /// x: purchase-days after the first one, up to the calibration end (same-day purchases are one).
    public var repeatCount: Int
    /// t_x: weeks from the first purchase-day to the last (0 when `repeatCount` is 0).
    public var tX: Double
    /// T: weeks from the first purchase-day to the calibration end.
    public var T: Double
    /// z̄: mean spend per repeat purchase-day (the amounts of one day summed first); the first day's spend is left
    /// out, and it is 0 when there are no repeat purchases — as lifetimes' `summary_data_from_transaction_data`.
    public var meanRepeatSpend: Double

    public init(id: String, repeatCount: Int, tX: Double, T: Double, meanRepeatSpend: Double) {
        self.id = id
        self.repeatCount = repeatCount
        self.tX = tX
        self.T = T
        self.meanRepeatSpend = meanRepeatSpend
    }
}

/// Calibration summaries from a transaction log.
public enum TransactionSummary {
    /// Weeks are 7 days; tX and T are day counts divided by 7 (not rounded: display rounds them).
    public static let daysPerWeek = 7.0

    /// One summary per customer whose first purchase is on or before `calibrationEnd`, sorted by id
    /// (`CustomerIDOrder`).
    ///
    /// Transactions after `calibrationEnd` are ignored; the end day itself is included, and T is counted to it
    /// (a first purchase on the last day has T = 0). Same-day transactions of a customer are one purchase-day whose
    /// spend is their sum (so an exact duplicate row doubles that day's spend; two identical orders on a day are
    /// legitimate and the file cannot tell them apart).
    public static func summarize(_ transactions: [Transaction], calibrationEnd: CalendarDay) -> [CustomerSummary] {
        purchaseDays(transactions, through: calibrationEnd)
            .map { id, days in summary(id: id, days: days, calibrationEnd: calibrationEnd) }
            .sorted { CustomerIDOrder.areInIncreasingOrder($0.id, $1.id) }
    }

    /// Purchase-days strictly after `calibrationEnd` and on or before `observationEnd`, per customer whose first
    /// purchase is on or before `calibrationEnd` (the holdout of the calibration cohort). Customers with none are
    /// absent.
    public static func holdoutPurchaseDays(
        _ transactions: [Transaction], calibrationEnd: CalendarDay, observationEnd: CalendarDay
    ) -> [String: Int] {
        let cohort = Set(purchaseDays(transactions, through: calibrationEnd).keys)
        var days: [String: Set<CalendarDay>] = [:]
        for transaction in transactions
        where transaction.day > calibrationEnd && transaction.day <= observationEnd
            && cohort.contains(transaction.customerID)
        {
            days[transaction.customerID, default: []].insert(transaction.day)
        }
        return days.mapValues(\.count)
    }

    /// Each customer's spend per purchase-day, up to and including `end`.
    private static func purchaseDays(_ transactions: [Transaction], through end: CalendarDay)
        -> [String: [CalendarDay: Double]]
    {
        var days: [String: [CalendarDay: Double]] = [:]
        for transaction in transactions where transaction.day <= end {
            days[transaction.customerID, default: [:]][transaction.day, default: 0] += transaction.amount
        }
        return days
    }

    private static func summary(id: String, days: [CalendarDay: Double], calibrationEnd: CalendarDay)
        -> CustomerSummary
    {
        let ordered = days.keys.sorted()
        let first = ordered[0]
        let repeatDays = ordered.dropFirst()
        // Summed in day order so the result does not depend on dictionary order.
        let repeatSpend = repeatDays.reduce(0.0) { $0 + days[$1, default: 0] }
        return CustomerSummary(
            id: id,
            repeatCount: repeatDays.count,
            tX: Double(CalendarDay.days(from: first, to: ordered[ordered.count - 1])) / daysPerWeek,
            T: Double(CalendarDay.days(from: first, to: calibrationEnd)) / daysPerWeek,
            meanRepeatSpend: repeatDays.isEmpty ? 0 : repeatSpend / Double(repeatDays.count)
        )
    }
}

/// The order customers are listed in: decimal ids by value ("2" before "10"; "007" after "7"), then every other id
/// by its Unicode scalars. Total and independent of input order.
public enum CustomerIDOrder {
    public static func areInIncreasingOrder(_ lhs: String, _ rhs: String) -> Bool {
        switch (isDecimal(lhs), isDecimal(rhs)) {
        case (true, false): return true
        case (false, true): return false
        case (true, true):
            let left = lhs.drop { $0 == "0" }
            let right = rhs.drop { $0 == "0" }
            if left.count != right.count { return left.count < right.count }
            if left != right { return left.unicodeScalars.lexicographicallyPrecedes(right.unicodeScalars) }
            return lhs.count < rhs.count
        case (false, false):
            return lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
        }
    }

    private static func isDecimal(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
