/// How a customer's value figures were made. Every purchaser gets a method; the reason for a fallback is in the
/// run's `ValueModelSummary` (per currency), so a fallback is never silent.
public enum ValueMethod: String, Codable, Sendable, CaseIterable {
    /// BG/NBD (fitted on every purchaser) and Gamma-Gamma (fitted on the purchasers of the customer's currency).
    case bgnbdGammaGamma = "bgnbd+gammagamma"
    /// A model was refused: the next 12 months are assumed to repeat the last 12 (no P(alive), no discounting).
    case naiveTrailing12m = "naive-trailing-12m"
    /// No money figure can be made: the customer's orders are in several currencies.
    case none
}

/// One customer's forward-looking value on the as-of date. Money is in minor units of the row's `currency`, like the
/// other money columns of `CustomerFeatureRow`, so JSON holds integers and never a long binary fraction.
public struct CustomerValueFigures: Codable, Hashable, Sendable {
    public var method: ValueMethod
    /// P(alive) from BG/NBD, 4 decimals; absent unless the method is `bgnbd+gammagamma`.
    public var pAlive: Double?
    /// Expected purchase-days in the 52 weeks after the as-of date (BG/NBD's E[Y(52)]), 4 decimals; for the naive
    /// method the purchase-days of the 365 days up to the as-of date. Absent for `none`.
    public var expectedPurchases52w: Double?
    /// Expected net spend per purchase-day: Gamma-Gamma's E[mean spend | x, z̄]; for the naive method the trailing
    /// year's net spend per purchase-day (absent when it had none). Absent for `none`.
    public var expectedSpendMinor: Int?
    /// Net spend expected over the next 12 months (of 4.345 weeks), discounted 1 % a month as `CustomerValue` does;
    /// for the naive method the trailing year's net spend, undiscounted. Absent for `none`.
    public var clv12mMinor: Int?

    public init(method: ValueMethod, pAlive: Double? = nil, expectedPurchases52w: Double? = nil,
                expectedSpendMinor: Int? = nil, clv12mMinor: Int? = nil) {
        self.method = method
        self.pAlive = pAlive
        self.expectedPurchases52w = expectedPurchases52w
        self.expectedSpendMinor = expectedSpendMinor
        self.clv12mMinor = clv12mMinor
    }
}

/// The fitted BG/NBD parameters as reported (6 decimals; the log-likelihood 4).
public struct FittedBGNBD: Codable, Hashable, Sendable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double
    public var logLikelihood: Double
}

/// The fitted Gamma-Gamma parameters of one currency as reported (6 decimals; the log-likelihood 4; the correlation
/// of x and z̄ 4, which the model assumes near 0).
public struct FittedGammaGamma: Codable, Hashable, Sendable {
    public var p: Double
    public var q: Double
    public var gamma: Double
    public var logLikelihood: Double
    public var frequencySpendCorrelation: Double?
    /// Set (to the bound) when the unbounded fit failed or p ran past `ValueEstimation.maximumShape` and p was held
    /// at it: spend then barely shrinks towards the population mean.
    public var boundedShape: Double?
}

/// What happened to the purchasers of one currency (`mixed` for customers who paid in several).
public struct CurrencyValueModel: Codable, Hashable, Sendable {
    public var currency: String
    /// Purchasers whose counted orders are all in this currency.
    public var customers: Int
    /// Of them, those Gamma-Gamma can be fitted on: a repeat purchase-day with a positive net spend.
    public var spendCustomers: Int
    public var method: ValueMethod
    public var gammaGamma: FittedGammaGamma?
    /// Why the method is not `bgnbd+gammagamma`; absent when it is.
    public var reason: String?
}

/// The value models of one run: settings, the BG/NBD fit (or why it was refused) and one entry per currency.
public struct ValueModelSummary: Codable, Hashable, Sendable {
    public var expectedPurchasesWeeks: Double
    public var clvMonths: Int
    public var monthlyDiscountRate: Double
    /// Customers with at least one counted order (everyone else has no value figures: BTYD models start at the
    /// first purchase).
    public var purchasers: Int
    /// Purchasers with at least one repeat purchase-day (x > 0): what BG/NBD needs at least
    /// `CustomerValueSettings.minimumRepeatCustomers` of.
    public var repeatCustomers: Int
    public var bgnbd: FittedBGNBD?
    /// Set when the fit needed a bound on a and b (`ValueEstimation.maximumShape`), and why.
    public var bgnbdNote: String?
    /// Why BG/NBD was refused; absent when it was fitted.
    public var bgnbdRefusal: String?
    /// Sorted by currency code.
    public var currencies: [CurrencyValueModel]
}

extension ValueModelSummary {
    /// The fits and every currency's method, for the terminal.
    public func textLines() -> [String] {
        var lines = ["value models (\(purchasers) purchasers, \(repeatCustomers) repeat; expected purchases over "
                     + "\(Int(expectedPurchasesWeeks)) weeks, CLV over \(clvMonths) months at "
                     + "\(ValueFormat.fixed(monthlyDiscountRate * 100, 2)) % a month):"]
        if let p = bgnbd {
            lines.append("  BG/NBD  r \(p.r)  alpha \(p.alpha)  a \(p.a)  b \(p.b)  logLikelihood \(p.logLikelihood)")
            if let bgnbdNote { lines.append("    " + bgnbdNote) }
        } else {
            lines.append("  " + (bgnbdRefusal ?? "BG/NBD refused"))
        }
        for entry in currencies {
            var line = "  " + entry.currency.padding(toLength: 6, withPad: " ", startingAt: 0)
                + "\(entry.customers) customers, \(entry.spendCustomers) with repeat spend: \(entry.method.rawValue)"
            if let g = entry.gammaGamma {
                line += " (Gamma-Gamma p \(g.p)  q \(g.q)  gamma \(g.gamma)"
                    + (g.boundedShape.map { ", p held at \(Int($0))" } ?? "") + ")"
            }
            if let reason = entry.reason { line += " — " + reason }
            lines.append(line)
        }
        return lines
    }
}
