import Foundation

/// How a metric value is shown to an analyst and to the insight writer, and so the precision a number written
/// about it may have. The groundedness check and the writers share these rules, so a figure the prompt shows is
/// always a figure the check accepts.
extension MetricUnit {
    /// Decimals of the shown figure (for `share` and `probability`: of the percentage).
    public var displayDecimals: Int {
        switch self {
        case .count, .share, .probability, .days: 0
        case .money: 2
        case .number: 1
        }
    }

    /// Whether the value is shown as a percentage (0.42 → 42%).
    public var isPercentage: Bool { self == .share || self == .probability }

    /// The number that is shown, before formatting: ×100 for percentages.
    public func shownNumber(_ value: Double) -> Double { isPercentage ? value * 100 : value }
}

/// Formatting of metric values: `42%`, `£1,234.37`, `45 days`, `2.4`, `1,234`. Rounds half away from zero, never
/// prints `-0`, groups thousands with commas (the texts are English).
public enum MetricDisplay {
    /// The metric as shown: `1,234`, `42%`, `£12.40`, `AUD 12.40`, `45 days`, `2.4`.
    public static func format(_ metric: SegmentMetric, currency: String) -> String {
        let unit = metric.unit
        let number = grouped(unit.shownNumber(metric.value), decimals: unit.displayDecimals)
        switch unit {
        case .share, .probability: return number + "%"
        case .money: return money(number, currency: currency)
        case .days: return number + (number == "1" ? " day" : " days")
        case .count, .number: return number
        }
    }

    /// `£12.40` for the currencies with a symbol the check also reads, else `AUD 12.40`.
    static func money(_ number: String, currency: String) -> String {
        if let symbol = symbol(of: currency) { return symbol + number }
        return currency + " " + number
    }

    /// The symbols the check reads before a number, by ISO code. Only currencies whose symbol is unambiguous in
    /// the chain's markets: `$` is the US dollar here (Australian and Canadian dollars are written with their code).
    static let symbols: [(symbol: Character, code: String)] = [
        ("£", "GBP"), ("$", "USD"), ("€", "EUR"), ("₹", "INR"),
    ]

    static func symbol(of currency: String) -> String? {
        symbols.first { $0.code == currency.uppercased() }.map { String($0.symbol) }
    }

    /// `value` rounded half away from zero to `decimals`, thousands grouped: 1234.365 → "1,234.37".
    public static func grouped(_ value: Double, decimals: Int) -> String {
        let rounded = round(value, decimals: decimals)
        let scale = pow(10, Double(decimals))
        let scaled = (abs(rounded) * scale).rounded()
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        var digits = String(whole)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        var text = groups.joined(separator: ",")
        if decimals > 0 {
            let padded = String(fraction)
            text += "." + String(repeating: "0", count: decimals - padded.count) + padded
        }
        return rounded < 0 && scaled != 0 ? "-" + text : text
    }

    /// Half away from zero, as every figure of the analyst side is rounded.
    public static func round(_ value: Double, decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}
