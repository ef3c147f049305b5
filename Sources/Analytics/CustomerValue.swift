import Foundation

/// What a customer-value run is asked for.
public struct CustomerValueSettings: Hashable, Sendable {
    /// lifetimes' month for weekly data (`customer_lifetime_value(..., freq="W")`): 4.345 weeks.
    public static let weeksPerMonth = 4.345
    /// The default discount rate, 1 % a month (lifetimes' default; ≈ 12.7 % a year).
    public static let defaultMonthlyDiscountRate = 0.01
    /// Both models are refused on fewer repeat customers than this: a handful of histories does not pin down four
    /// (BG/NBD) or three (Gamma-Gamma) population parameters, and the fit would be noise presented as a forecast.
    public static let minimumRepeatCustomers = 10
    /// A fitted parameter outside 1e-6…1e6 means the optimiser ran off to an edge: the data do not identify it.
    public static let parameterRange = 1e-6...1e6

    /// The last day of the calibration period (included): the models see nothing after it.
    public var calibrationEnd: CalendarDay
    /// The last day read at all (included); `nil` reads everything. The days after the calibration end and up to
    /// it are the holdout: the report counts its repeat purchases against the model's forecast for the same span.
    public var observationEnd: CalendarDay?
    /// The forecast horizon for expected purchases and CLV, in weeks (39 by default, the CDNOW holdout length).
    public var horizonWeeks: Double
    public var monthlyDiscountRate: Double

    public init(
        calibrationEnd: CalendarDay, observationEnd: CalendarDay? = nil, horizonWeeks: Double = 39,
        monthlyDiscountRate: Double = defaultMonthlyDiscountRate
    ) {
        self.calibrationEnd = calibrationEnd
        self.observationEnd = observationEnd
        self.horizonWeeks = horizonWeeks
        self.monthlyDiscountRate = monthlyDiscountRate
    }
}

/// One customer's figures.
public struct CustomerValueRow: Hashable, Sendable {
    public var summary: CustomerSummary
    public var probabilityAlive: Double
    /// E[Y(horizon)]: expected purchase-days over the horizon.
    public var expectedPurchases: Double
    /// Gamma-Gamma's E[mean spend | x, z̄].
    public var expectedSpend: Double
    /// Discounted expected spend over the horizon.
    public var clv: Double
}

/// The holdout check: repeat purchase-days of the calibration cohort after the calibration end, up to the
/// observation end, against the model's expectation for the same number of weeks.
public struct HoldoutComparison: Hashable, Sendable {
    public var weeks: Double
    public var actualPurchases: Int
    public var expectedPurchases: Double
}

/// Everything `concierge analytics clv` prints: the settings, both fits, the checks and every customer's figures.
public struct CustomerValueReport: Hashable, Sendable {
    public var settings: CustomerValueSettings
    public var bgnbd: BGNBDFit
    public var gammaGamma: GammaGammaFit
    /// corr(x, z̄) over the Gamma-Gamma customers: the model assumes it is near 0.
    public var frequencySpendCorrelation: Double?
    /// Sorted by id (`CustomerIDOrder`).
    public var customers: [CustomerValueRow]
    public var holdout: HoldoutComparison?
    /// Transactions dated after the calibration end (not used by the models).
    public var transactionsAfterCalibration: Int
}

/// Why a customer-value run refuses to answer. Never a partial or NaN result.
public enum CustomerValueError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidSettings(String)
    case tooFewRepeatCustomers(found: Int, customers: Int, needed: Int, calibrationEnd: CalendarDay)
    case fitFailed(model: String, reason: String)
    case notFinite(customerID: String, quantity: String)

    public var description: String {
        switch self {
        case .invalidSettings(let reason):
            return reason
        case .tooFewRepeatCustomers(let found, let customers, let needed, let end):
            return "too few repeat customers: \(found) of \(customers) customers bought again (with a positive amount) "
                + "by \(end); the models need at least \(needed). Move the calibration end later or add transactions."
        case .fitFailed(let model, let reason):
            return "the \(model) fit failed: \(reason)"
        case .notFinite(let id, let quantity):
            return "\(quantity) is not a finite number for customer \(id); no figures are reported"
        }
    }
}

/// Summary, both fits and the per-customer figures, in one call.
public enum CustomerValue {
    /// Summarises `transactions` up to the calibration end, fits BG/NBD and Gamma-Gamma, and scores every customer;
    /// throws instead of returning a figure that is not finite or a fit the data do not support.
    public static func analyse(_ transactions: [Transaction], settings: CustomerValueSettings)
        throws(CustomerValueError) -> CustomerValueReport
    {
        try validate(settings)
        let summaries = TransactionSummary.summarize(transactions, calibrationEnd: settings.calibrationEnd)
        let spendCustomers = GammaGamma.fittable(summaries).count
        guard spendCustomers >= CustomerValueSettings.minimumRepeatCustomers else {
            throw .tooFewRepeatCustomers(
                found: spendCustomers, customers: summaries.count, needed: CustomerValueSettings.minimumRepeatCustomers,
                calibrationEnd: settings.calibrationEnd)
        }
        let bgnbd = BGNBD.fit(summaries)
        let bgnbdValues = [bgnbd.parameters.r, bgnbd.parameters.alpha, bgnbd.parameters.a, bgnbd.parameters.b]
        try check("BG/NBD", converged: bgnbd.converged, names: ["r", "alpha", "a", "b"], values: bgnbdValues)
        let gammaGamma = GammaGamma.fit(summaries)
        let g = gammaGamma.parameters
        try check(
            "Gamma-Gamma", converged: gammaGamma.converged, names: ["p", "q", "gamma"], values: [g.p, g.q, g.gamma])
        guard g.q > 1 else {
            throw .fitFailed(model: "Gamma-Gamma", reason: "q = \(g.q) ≤ 1, so spend has no finite population mean")
        }
        let rows = try summaries.map { summary throws(CustomerValueError) in
            try row(summary, bgnbd.parameters, g, settings)
        }
        return CustomerValueReport(
            settings: settings, bgnbd: bgnbd, gammaGamma: gammaGamma,
            frequencySpendCorrelation: GammaGamma.frequencySpendCorrelation(summaries), customers: rows,
            holdout: try holdout(transactions, rows, bgnbd.parameters, settings),
            transactionsAfterCalibration: transactions.count { $0.day > settings.calibrationEnd })
    }

    /// CLV over `horizonWeeks`: Σₖ E[spend] · (E[Y(eₖ)] − E[Y(eₖ₋₁)]) / (1 + d)^(eₖ / 4.345), over months of
    /// 4.345 weeks ending at eₖ = min(k · 4.345, horizon) (the last month may be partial), d the monthly rate.
    /// On a whole number of months this is lifetimes' `customer_lifetime_value(..., freq="W")`.
    /// `nil` when an expectation does not converge.
    public static func lifetimeValue(
        _ p: BGNBDParameters, _ customer: CustomerSummary, expectedSpend: Double, horizonWeeks: Double,
        monthlyDiscountRate: Double
    ) -> Double? {
        let month = CustomerValueSettings.weeksPerMonth
        var value = 0.0
        var previous = 0.0
        var period = 1
        while true {
            let end = min(Double(period) * month, horizonWeeks)
            guard
                let cumulative = BGNBD.expectedPurchases(
                    p, weeks: end, x: customer.repeatCount, tX: customer.tX, T: customer.T)
            else { return nil }
            value += expectedSpend * (cumulative - previous) / pow(1 + monthlyDiscountRate, end / month)
            previous = cumulative
            if end >= horizonWeeks { return value }
            period += 1
        }
    }

    private static func validate(_ settings: CustomerValueSettings) throws(CustomerValueError) {
        guard settings.horizonWeeks > 0, settings.horizonWeeks <= 520 else {
            throw .invalidSettings("the horizon must be more than 0 and at most 520 weeks")
        }
        guard settings.monthlyDiscountRate >= 0, settings.monthlyDiscountRate < 1 else {
            throw .invalidSettings("the monthly discount rate must be at least 0 and below 1")
        }
        if let end = settings.observationEnd, end < settings.calibrationEnd {
            throw .invalidSettings(
                "the observation end \(end) is before the calibration end \(settings.calibrationEnd)")
        }
    }

    private static func check(_ model: String, converged: Bool, names: [String], values: [Double])
        throws(CustomerValueError)
    {
        guard converged else { throw .fitFailed(model: model, reason: "the optimiser did not converge") }
        for (name, value) in zip(names, values) where !CustomerValueSettings.parameterRange.contains(value) {
            throw .fitFailed(
                model: model, reason: "\(name) = \(value) ran off to the edge; the data do not identify the model")
        }
    }

    private static func row(
        _ summary: CustomerSummary, _ p: BGNBDParameters, _ g: GammaGammaParameters, _ settings: CustomerValueSettings
    ) throws(CustomerValueError) -> CustomerValueRow {
        let (x, tX, T) = (summary.repeatCount, summary.tX, summary.T)
        let alive = BGNBD.probabilityAlive(p, x: x, tX: tX, T: T)
        let expected = BGNBD.expectedPurchases(p, weeks: settings.horizonWeeks, x: x, tX: tX, T: T)
        let spend = GammaGamma.expectedMeanSpend(g, x: x, meanSpend: summary.meanRepeatSpend)
        let clv = spend.flatMap {
            lifetimeValue(
                p, summary, expectedSpend: $0, horizonWeeks: settings.horizonWeeks,
                monthlyDiscountRate: settings.monthlyDiscountRate)
        }
        for (name, value) in [("pAlive", alive), ("expectedPurchases", expected), ("spend", spend), ("clv", clv)] {
            guard let value, value.isFinite else { throw .notFinite(customerID: summary.id, quantity: name) }
        }
        return CustomerValueRow(
            summary: summary, probabilityAlive: alive, expectedPurchases: expected ?? 0, expectedSpend: spend ?? 0,
            clv: clv ?? 0)
    }

    private static func holdout(
        _ transactions: [Transaction], _ rows: [CustomerValueRow], _ p: BGNBDParameters,
        _ settings: CustomerValueSettings
    ) throws(CustomerValueError) -> HoldoutComparison? {
        guard let end = settings.observationEnd, end > settings.calibrationEnd else { return nil }
        let weeks = Double(CalendarDay.days(from: settings.calibrationEnd, to: end)) / TransactionSummary.daysPerWeek
        let actual = TransactionSummary.holdoutPurchaseDays(
            transactions, calibrationEnd: settings.calibrationEnd, observationEnd: end
        ).values.reduce(0, +)
        var expected = 0.0
        for row in rows {
            let s = row.summary
            guard let value = BGNBD.expectedPurchases(p, weeks: weeks, x: s.repeatCount, tX: s.tX, T: s.T) else {
                throw .notFinite(customerID: s.id, quantity: "holdout expectedPurchases")
            }
            expected += value
        }
        return HoldoutComparison(weeks: weeks, actualPurchases: actual, expectedPurchases: expected)
    }
}
