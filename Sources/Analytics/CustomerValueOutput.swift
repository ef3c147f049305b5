/// The report as JSON or as a text table: fixed decimals and customers in id order, so a rerun is byte-identical.
///
/// Decimals: weeks (tX, T) and money (zbar, clv) 2; pAlive and expectedPurchases 4; model parameters 6;
/// log-likelihoods 4. Rounding is half away from zero; −0 prints as 0.
extension CustomerValueReport {
    /// `{"bgnbd": {r, alpha, a, b, logLikelihood}, "gammaGamma": {p, q, gamma, logLikelihood},
    /// "customers": [{id, x, tX, T, zbar, pAlive, expectedPurchases, clv}, …]}`, one customer per line. Exactly these
    /// keys; the settings and the checks (correlation, holdout) are in the text form only.
    public func json() -> String {
        let p = bgnbd.parameters
        let g = gammaGamma.parameters
        let bgnbdObject = object([
            ("r", fixed(p.r, 6)), ("alpha", fixed(p.alpha, 6)), ("a", fixed(p.a, 6)), ("b", fixed(p.b, 6)),
            ("logLikelihood", fixed(bgnbd.logLikelihood, 4)),
        ])
        let gammaGammaObject = object([
            ("p", fixed(g.p, 6)), ("q", fixed(g.q, 6)), ("gamma", fixed(g.gamma, 6)),
            ("logLikelihood", fixed(gammaGamma.logLikelihood, 4)),
        ])
        let rows = customers.map { row in
            let s = row.summary
            return "    "
                + object([
                    ("id", jsonString(s.id)), ("x", String(s.repeatCount)), ("tX", fixed(s.tX, 2)),
                    ("T", fixed(s.T, 2)),
                    ("zbar", fixed(s.meanRepeatSpend, 2)), ("pAlive", fixed(row.probabilityAlive, 4)),
                    ("expectedPurchases", fixed(row.expectedPurchases, 4)), ("clv", fixed(row.clv, 2)),
                ])
        }
        return """
            {
              "bgnbd": \(bgnbdObject),
              "gammaGamma": \(gammaGammaObject),
              "customers": [
            \(rows.joined(separator: ",\n"))
              ]
            }

            """
    }

    /// A header with the settings, fits and checks, then one aligned row per customer.
    public func text() -> String {
        let p = bgnbd.parameters
        let g = gammaGamma.parameters
        let repeatCount = customers.count { $0.summary.repeatCount > 0 }
        var lines = [
            "customer value at calibration end \(settings.calibrationEnd): \(customers.count) customers, "
                + "\(repeatCount) of them repeat; horizon \(fixed(settings.horizonWeeks, 2)) weeks; "
                + "discount \(fixed(settings.monthlyDiscountRate * 100, 2)) % a month (months of 4.345 weeks)",
            "BG/NBD       r \(fixed(p.r, 6))  alpha \(fixed(p.alpha, 6))  a \(fixed(p.a, 6))  b \(fixed(p.b, 6))  "
                + "logLikelihood \(fixed(bgnbd.logLikelihood, 4))",
            "Gamma-Gamma  p \(fixed(g.p, 6))  q \(fixed(g.q, 6))  gamma \(fixed(g.gamma, 6))  "
                + "logLikelihood \(fixed(gammaGamma.logLikelihood, 4))  (\(gammaGamma.customerCount) customers; "
                + "corr(x, zbar) \(frequencySpendCorrelation.map { fixed($0, 3) } ?? "n/a"))",
        ]
        if let holdout, let end = settings.observationEnd {
            lines.append(
                "holdout \(settings.calibrationEnd.adding(days: 1))…\(end) (\(fixed(holdout.weeks, 2)) weeks): "
                    + "\(holdout.actualPurchases) repeat purchases; the model expected "
                    + fixed(holdout.expectedPurchases, 2))
        }
        lines.append("transactions after the calibration end (not used by the models): \(transactionsAfterCalibration)")
        lines.append("")
        lines.append(contentsOf: table())
        return lines.joined(separator: "\n") + "\n"
    }

    private func table() -> [String] {
        let header = ["id", "x", "tX", "T", "zbar", "pAlive", "expectedPurchases", "clv"]
        let rows = customers.map { row in
            let s = row.summary
            return [
                s.id, String(s.repeatCount), fixed(s.tX, 2), fixed(s.T, 2), fixed(s.meanRepeatSpend, 2),
                fixed(row.probabilityAlive, 4), fixed(row.expectedPurchases, 4), fixed(row.clv, 2),
            ]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        return ([header] + rows).map { cells in
            cells.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - cells[column].count)
                return column == 0 ? cells[column] + padding : padding + cells[column]
            }.joined(separator: "  ")
        }
    }

    private func object(_ members: [(String, String)]) -> String {
        "{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }
}

/// `value` with exactly `places` decimals, rounded half away from zero, without a locale or −0.
private func fixed(_ value: Double, _ places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
    // Beyond 2^53 a Double has no fractional digits to show; not a figure this module produces.
    guard value.isFinite, abs(scaled) < 9e15 else { return "\(value)" }
    let magnitude = UInt64(abs(scaled))
    let unit = UInt64(scale)
    let sign = scaled < 0 ? "-" : ""
    guard places > 0 else { return sign + String(magnitude) }
    let fraction = String(magnitude % unit)
    return sign + String(magnitude / unit) + "." + String(repeating: "0", count: places - fraction.count) + fraction
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
private func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
