import Foundation

/// The policy sources an answer cites. The concierge's rules make the model cite policies in square brackets
/// (`[returns-and-refunds > Refunds > How long a refund takes]`); the page lifts those out of the bubble's text and
/// lists them under the answer, so a citation is shown only when the answer really used that policy.
enum Citations {
    /// `[document-slug]` or `[document-slug > Heading > ...]`.
    private static let pattern = #"\s?\[([a-z0-9]+(?:-[a-z0-9]+)*(?: > [^\[\]\n]{1,120})*)\]"#

    /// The text without its citation brackets, and the cited sources in order of first mention, made readable
    /// ("Returns and refunds › Refunds › How long a refund takes").
    static func extract(_ text: String) -> (text: String, sources: [String]) {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return (text, []) }
        let whole = NSRange(text.startIndex..., in: text)
        var sources: [String] = []
        for match in regex.matches(in: text, range: whole) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let readable = readable(String(text[range]))
            if !sources.contains(readable) { sources.append(readable) }
        }
        let stripped = regex.stringByReplacingMatches(in: text, range: whole, withTemplate: "")
        return (stripped, sources)
    }

    private static func readable(_ source: String) -> String {
        var parts = source.components(separatedBy: " > ")
        let slug = parts[0].replacingOccurrences(of: "-", with: " ")
        parts[0] = slug.prefix(1).uppercased() + slug.dropFirst()
        return parts.joined(separator: " › ")
    }
}
