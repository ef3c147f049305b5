import Analytics
import Foundation

/// How the analyst pages write numbers: the same display rounding the groundedness check accepts (`MetricUnit`),
/// in a fixed locale so a page reads the same on every server.
enum AnalystFormat {
    private static let locale = Locale(identifier: "en_GB")

    static func metric(_ metric: SegmentMetric, currency: String) -> String {
        switch metric.unit {
        case .count: count(metric.value)
        case .share, .probability: percent(metric.value)
        case .money: money(metric.value, currency: currency)
        case .days: days(metric.value)
        case .number: decimal(metric.value, digits: 1)
        }
    }

    static func count(_ value: Double) -> String { Int(value.rounded()).formatted(.number.locale(locale)) }

    static func count(_ value: Int) -> String { value.formatted(.number.locale(locale)) }

    static func percent(_ share: Double) -> String { decimal(share * 100, digits: 0) + "%" }

    static func days(_ value: Double) -> String { decimal(value, digits: 0) + " days" }

    static func decimal(_ value: Double, digits: Int) -> String {
        let rounded = value.formatted(.number.precision(.fractionLength(digits)).locale(locale))
        return rounded == "-0" ? "0" : rounded
    }

    /// `£1,234.50` for the chain's pounds, euros and dollars; otherwise the ISO code in front (`CHF 12.00`).
    static func money(_ value: Double, currency: String) -> String {
        let amount = decimal(value, digits: 2)
        switch currency.uppercased() {
        case "GBP": return "£" + amount
        case "EUR": return "€" + amount
        case "USD": return "$" + amount
        case "": return amount
        default: return currency.uppercased() + " " + amount
        }
    }

    /// Minor units (pence) as money.
    static func minor(_ value: Int, currency: String?) -> String { money(Double(value) / 100, currency: currency ?? "") }

    static func source(_ source: SegmentSource) -> String {
        switch source {
        case .rule: "Rule"
        case .rfm: "RFM"
        case .ml: "Clustering"
        }
    }

    static func band(_ band: ChurnBand) -> String {
        switch band {
        case .active: "Active (0–30 days)"
        case .cooling: "Cooling (31–90 days)"
        case .atRisk: "At risk (91–180 days)"
        case .churned: "Churned (181+ days)"
        case .never: "Never purchased"
        }
    }

    /// The groundedness badge: its words and class. 90% and above reads as grounded, 70% and above as partly.
    static func groundedness(_ score: Double) -> (text: String, cssClass: String) {
        let shown = "Groundedness " + percent(score)
        if score >= 0.9 { return (shown, "badge badge-good") }
        if score >= 0.7 { return (shown, "badge badge-warn") }
        return (shown, "badge badge-bad")
    }
}

/// Paths of the analyst pages; ids are slugs or pseudonymous ids, percent-encoded anyway.
public enum AnalystLinks {
    public static let overview = "/admin"

    public static func segment(_ id: String) -> String { overview + "/segments/" + encoded(id) }

    public static func refresh(_ id: String) -> String { segment(id) + "/refresh-insight" }

    public static func customer(_ id: String) -> String { overview + "/customers/" + encoded(id) }

    public static let chat = overview + "/chat"

    /// One analyst conversation, scrolled to its latest answer.
    public static func chat(conversation id: String, fragment: String? = nil) -> String {
        chat + "?c=" + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            + (fragment.map { "#" + $0 } ?? "")
    }

    /// The audience builder and its form-post export.
    public static let audiences = overview + "/audiences"
    public static let audienceExport = audiences + "/export"

    private static func encoded(_ id: String) -> String {
        let segment = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
        return id.addingPercentEncoding(withAllowedCharacters: segment) ?? ""
    }
}
