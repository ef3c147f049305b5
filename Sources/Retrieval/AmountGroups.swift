import Foundation

/// One amount written once per currency, joined by " / ": "£10 / $12 / €12 / ₹550 / A$19 / C$17", or ranges such as
/// "£10 to £24.99 / $12 to $29.99". Policies write amounts this way so that one passage serves every country.
public enum AmountGroups {
    /// "£10", "A$19", "₹1,350", "$3.49"; the two-letter dollars first, so "A$19" is not read as "$19".
    private static let amount = #"(?:A\$|C\$|[£$€₹])\d[\d,]*(?:\.\d{1,2})?"#
    /// One currency's amount or range: "£10 to £24.99".
    private static let alternative = amount + #"(?:\s+to\s+"# + amount + ")?"
    private static let group = try! NSRegularExpression(pattern: alternative + #"(?:\s*/\s*"# + alternative + ")+")

    /// Each group in `text` with its alternatives, as written ("£10", "$12", …), and where it stands.
    public static func groups(in text: String) -> [(range: Range<String.Index>, alternatives: [String])] {
        guard text.contains("/") else { return [] }
        return group.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            return (range, text[range].components(separatedBy: "/").map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    /// `text` with each group replaced by `choose(alternatives)`, or left as written where it returns `nil`.
    public static func replacing(in text: String, _ choose: ([String]) -> String?) -> String {
        var result = text
        // From the end, so the ranges still to replace keep their places.
        for found in groups(in: text).reversed() {
            if let chosen = choose(found.alternatives) { result.replaceSubrange(found.range, with: chosen) }
        }
        return result
    }

    /// The currency symbol an alternative is written in: "£", "$", "A$".
    public static func symbol(of alternative: String) -> String {
        for two in ["A$", "C$"] where alternative.hasPrefix(two) { return two }
        return alternative.first.map(String.init) ?? ""
    }
}
