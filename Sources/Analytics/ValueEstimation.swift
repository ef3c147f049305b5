import Foundation

/// Per-customer value figures for a segmentation run, fitted on the run's own feature rows at the as-of date.
///
/// Currency rule: BG/NBD counts purchase-days only, so it is fitted once on every purchaser whatever their currency;
/// Gamma-Gamma models money, so it is fitted separately per currency on that currency's purchasers and never sees
/// another currency's amounts. Customers who paid in several currencies (`mixed`) get method `none`.
///
/// Fallback: when BG/NBD is refused (fewer than `CustomerValueSettings.minimumRepeatCustomers` repeat customers, no
/// convergence, a parameter at the edge) every purchaser falls back to `naive-trailing-12m`; when a currency's
/// Gamma-Gamma is refused (the same tests, or q ≤ 1) or a figure is not finite, that currency's purchasers do. The
/// reason is written in the summary; a figure is never NaN.
public enum ValueEstimation {
    /// 52 weeks ahead for expected purchases; CLV over 12 months of 4.345 weeks (lifetimes' weekly month).
    public static let expectedPurchasesWeeks = 52.0
    public static let clvMonths = 12
    /// The trailing window of the naive method: the 365 days ending on the as-of date.
    public static let trailingDays = 365

    /// The summary and the figures by customer id (purchasers only).
    public static func estimate(rows: [CustomerFeatureRow], orders: [FeatureOrder], refunds: [FeatureRefund],
                                asOf: CalendarDay,
                                monthlyDiscountRate: Double = CustomerValueSettings.defaultMonthlyDiscountRate)
        -> (summary: ValueModelSummary, figures: [String: CustomerValueFigures])
    {
        let purchasers = rows.filter { $0.orderCount > 0 }
        let summaries = purchasers.map(summary)
        let repeatCustomers = summaries.count { $0.repeatCount > 0 }
        let bgnbd = fitBGNBD(summaries, repeatCustomers: repeatCustomers)
        let trailing = TrailingYear.compute(orders: orders, refunds: refunds, asOf: asOf)
        var figures: [String: CustomerValueFigures] = [:]
        var currencies: [CurrencyValueModel] = []
        let groups = Dictionary(grouping: purchasers) { $0.currency ?? "" }
        for code in groups.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
            let group = groups[code]!
            let model = CurrencyGroup(currency: code, rows: group, bgnbd: bgnbd,
                                      monthlyDiscountRate: monthlyDiscountRate)
            let (entry, groupFigures) = model.estimate(trailing: trailing)
            currencies.append(entry)
            figures.merge(groupFigures) { $1 }
        }
        let summary = ValueModelSummary(
            expectedPurchasesWeeks: expectedPurchasesWeeks, clvMonths: clvMonths,
            monthlyDiscountRate: monthlyDiscountRate, purchasers: purchasers.count, repeatCustomers: repeatCustomers,
            bgnbd: bgnbd.fit.map(ValueFormat.reported), bgnbdNote: bgnbd.note, bgnbdRefusal: bgnbd.refusal,
            currencies: currencies)
        return (summary, figures)
    }

    static func summary(_ row: CustomerFeatureRow) -> CustomerSummary {
        CustomerSummary(id: row.customer, repeatCount: row.repeatCount, tX: row.tX, T: row.T, meanRepeatSpend: row.zbar)
    }

    /// The shape bound of a re-fit: BG/NBD's a and b are bounded by it, Gamma-Gamma's p is held at it (see `fitBGNBD`,
    /// `CurrencyGroup.model`).
    public static let maximumShape = 1_000.0

    /// The BG/NBD fit on every purchaser, a note when it had to be bounded, or why it was refused.
    ///
    /// When the unbounded fit fails or a or b passes `maximumShape`, it is repeated with a, b ≤ `maximumShape`: on the
    /// demo seed a and b run off together (the seed gives every shopper about the same drop-out chance) and the
    /// bounded fit is 0.1 below the unbounded supremum of the log-likelihood. The bound is written in the summary,
    /// never applied silently.
    static func fitBGNBD(_ summaries: [CustomerSummary], repeatCustomers: Int)
        -> (fit: BGNBDFit?, note: String?, refusal: String?)
    {
        let needed = CustomerValueSettings.minimumRepeatCustomers
        guard repeatCustomers >= needed else {
            return (nil, nil, "BG/NBD refused: \(repeatCustomers) repeat customers, at least \(needed) needed")
        }
        let free = BGNBD.fit(summaries)
        let freeProblem = problem(free)
            ?? (max(free.parameters.a, free.parameters.b) > maximumShape ? "a or b above \(Int(maximumShape))" : nil)
        guard let freeProblem else { return (free, nil, nil) }
        let bounded = BGNBD.fit(summaries, maximumBetaShape: maximumShape)
        if let boundedProblem = problem(bounded) {
            return (nil, nil, "BG/NBD refused: \(freeProblem); with a, b ≤ \(Int(maximumShape)): \(boundedProblem)")
        }
        let p = bounded.parameters
        let note = "the unbounded fit failed (\(freeProblem)); refitted with a, b ≤ \(Int(maximumShape)), "
            + "where the drop-out probability after a purchase is nearly the same for everyone: "
            + "a/(a+b) = \(ValueFormat.fixed(p.a / (p.a + p.b), 4))"
        return (bounded, note, nil)
    }

    private static func problem(_ fit: BGNBDFit) -> String? {
        let p = fit.parameters
        return ValueFormat.fitProblem(converged: fit.converged, names: ["r", "alpha", "a", "b"],
                                      values: [p.r, p.alpha, p.a, p.b])
    }
}

/// The purchasers of one currency and how their figures are made.
private struct CurrencyGroup {
    let currency: String
    let rows: [CustomerFeatureRow]
    let bgnbd: (fit: BGNBDFit?, note: String?, refusal: String?)
    let monthlyDiscountRate: Double

    func estimate(trailing: [String: TrailingYear]) -> (CurrencyValueModel, [String: CustomerValueFigures]) {
        let summaries = rows.map(ValueEstimation.summary)
        let spendCustomers = GammaGamma.fittable(summaries).count
        func entry(_ method: ValueMethod, _ gammaGamma: FittedGammaGamma?, _ reason: String?) -> CurrencyValueModel {
            CurrencyValueModel(currency: currency, customers: rows.count, spendCustomers: spendCustomers,
                               method: method, gammaGamma: gammaGamma, reason: reason)
        }
        if currency == "mixed" {
            let none = Dictionary(uniqueKeysWithValues: rows.map { ($0.customer, CustomerValueFigures(method: .none)) })
            return (entry(.none, nil, "orders in several currencies: money cannot be added up"), none)
        }
        let modelled: Result<(FittedGammaGamma, [String: CustomerValueFigures]), Refusal>
        if let fit = bgnbd.fit {
            modelled = model(summaries, bgnbd: fit.parameters, spendCustomers: spendCustomers)
        } else {
            modelled = .failure(Refusal(reason: bgnbd.refusal ?? "BG/NBD refused"))
        }
        switch modelled {
        case .success(let (gammaGamma, figures)):
            return (entry(.bgnbdGammaGamma, gammaGamma, nil), figures)
        case .failure(let refusal):
            let naive = Dictionary(uniqueKeysWithValues: rows.map { row in
                (row.customer, (trailing[row.customer] ?? TrailingYear()).figures)
            })
            return (entry(.naiveTrailing12m, nil, refusal.reason), naive)
        }
    }

    struct Refusal: Error { var reason: String }

    /// Gamma-Gamma on this currency, then every customer's figures; refused rather than partial.
    private func model(_ summaries: [CustomerSummary], bgnbd p: BGNBDParameters, spendCustomers: Int)
        -> Result<(FittedGammaGamma, [String: CustomerValueFigures]), Refusal>
    {
        let needed = CustomerValueSettings.minimumRepeatCustomers
        guard spendCustomers >= needed else {
            return .failure(Refusal(reason: "Gamma-Gamma refused: \(spendCustomers) repeat customers with spend in "
                                    + "\(currency), at least \(needed) needed"))
        }
        // As for BG/NBD: when the unbounded fit fails or p passes the bound, p is held at the bound (and it says so).
        var fit = GammaGamma.fit(summaries)
        var bounded = false
        if problem(fit) != nil || fit.parameters.p > ValueEstimation.maximumShape {
            fit = GammaGamma.fit(summaries, fixedShape: ValueEstimation.maximumShape)
            bounded = true
        }
        let g = fit.parameters
        if let problem = problem(fit) {
            return .failure(Refusal(reason: "Gamma-Gamma refused: " + problem))
        }
        guard g.q > 1 else {
            return .failure(Refusal(reason: "Gamma-Gamma refused: q = \(ValueFormat.fixed(g.q, 4)) ≤ 1, "
                                    + "so spend has no finite mean"))
        }
        var figures: [String: CustomerValueFigures] = [:]
        for summary in summaries {
            guard let value = figure(summary, p, g) else {
                return .failure(Refusal(reason: "a figure is not a finite number (customer \(summary.id))"))
            }
            figures[summary.id] = value
        }
        let correlation = GammaGamma.frequencySpendCorrelation(summaries)
        return .success((ValueFormat.reported(fit, correlation: correlation, bounded: bounded), figures))
    }

    private func problem(_ fit: GammaGammaFit) -> String? {
        let g = fit.parameters
        return ValueFormat.fitProblem(converged: fit.converged, names: ["p", "q", "gamma"], values: [g.p, g.q, g.gamma])
    }

    private func figure(_ s: CustomerSummary, _ p: BGNBDParameters, _ g: GammaGammaParameters)
        -> CustomerValueFigures?
    {
        let alive = BGNBD.probabilityAlive(p, x: s.repeatCount, tX: s.tX, T: s.T)
        guard let expected = BGNBD.expectedPurchases(p, weeks: ValueEstimation.expectedPurchasesWeeks,
                                                     x: s.repeatCount, tX: s.tX, T: s.T),
              let spend = GammaGamma.expectedMeanSpend(g, x: s.repeatCount, meanSpend: s.meanRepeatSpend),
              let clv = CustomerValue.lifetimeValue(
                p, s, expectedSpend: spend,
                horizonWeeks: Double(ValueEstimation.clvMonths) * CustomerValueSettings.weeksPerMonth,
                monthlyDiscountRate: monthlyDiscountRate),
              [alive, expected, spend, clv].allSatisfy(\.isFinite)
        else { return nil }
        return CustomerValueFigures(
            method: .bgnbdGammaGamma, pAlive: ValueFormat.rounded(alive, 4),
            expectedPurchases52w: ValueFormat.rounded(expected, 4),
            expectedSpendMinor: ValueFormat.minorUnits(spend), clv12mMinor: ValueFormat.minorUnits(clv))
    }
}
