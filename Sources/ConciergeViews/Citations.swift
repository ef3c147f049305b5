import Foundation

/// The policy sources an answer cites. The concierge's rules make the model cite policies in square brackets
/// (`[returns-and-refunds > Refunds > How long a refund takes]`); the page lifts those out of the bubble's text and
/// lists them under the answer, so a citation is shown only when the answer really used that policy.
///
/// A citation is `[slug]` or `[slug > Heading > …]`: a slug of lower-case letters and digits in hyphen-joined runs,
/// then any number of ` > ` parts of 1 to 120 characters without brackets or line breaks; one white-space character
/// before the bracket goes with it. (This is what the regular expression
/// `\s?\[([a-z0-9]+(?:-[a-z0-9]+)*(?: > [^\[\]\n]{1,120})*)\]` matched; its nested unbounded quantifiers
/// backtracked exponentially on an unclosed `[a > b > b > …`, and answers carry the shopper's own name.)
///
/// The scanner below reads each character a bounded number of times: the outer loop once, and the content scan of
/// the nearest `[` before it once, because a content scan stops at the next `[`. Splitting the parts is a
/// reachability question over the ` > ` positions (can the text be cut into parts of 1–120 characters?), answered
/// with a sliding window in which each position enters and leaves once. Linear in the length, whatever the input.
enum Citations {
    /// The longest part after the slug, in Unicode scalars (the regular expression counted code points).
    static let maximumPartLength = 120

    /// The text without its citation brackets, and the cited sources in order of first mention, made readable
    /// ("Returns and refunds › Refunds › How long a refund takes").
    static func extract(_ text: String) -> (text: String, sources: [String]) {
        var steps = 0
        return extract(text, steps: &steps)
    }

    /// `extract(_:)`, adding to `steps` one for every character look and window move: the tests bound it by the
    /// input's length instead of timing the scan.
    static func extract(_ text: String, steps: inout Int) -> (text: String, sources: [String]) {
        guard text.utf8.contains(UInt8(ascii: "[")) else { return (text, []) }
        let s = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var sources: [String] = []
        var copied = 0
        var index = 0
        while index < s.count {
            steps += 1
            guard s[index] == "[" else {
                index += 1
                continue
            }
            guard let close = closingBracket(s, open: index, steps: &steps) else {
                index += 1
                continue
            }
            let start = index > copied && s[index - 1].properties.isWhitespace ? index - 1 : index
            output.append(contentsOf: s[copied..<start])
            let readable = readable(String(String.UnicodeScalarView(s[(index + 1)..<close])))
            if !sources.contains(readable) { sources.append(readable) }
            copied = close + 1
            index = close + 1
        }
        guard copied > 0 else { return (text, sources) }
        output.append(contentsOf: s[copied...])
        return (String(output), sources)
    }

    /// The index of the `]` that closes a valid citation opened at `open`, or nil.
    private static func closingBracket(_ s: [Unicode.Scalar], open: Int, steps: inout Int) -> Int? {
        var index = open + 1
        guard let slugEnd = slugEnd(s, from: index, steps: &steps) else { return nil }
        index = slugEnd
        while index < s.count, s[index] != "]", s[index] != "[", s[index] != "\n" {
            steps += 1
            index += 1
        }
        guard index < s.count, s[index] == "]" else { return nil }
        return partsAreValid(s, slugEnd..<index, steps: &steps) ? index : nil
    }

    /// The end of a slug starting at `start` (`[a-z0-9]+(?:-[a-z0-9]+)*`) when what follows may go on with a part or
    /// close the citation, else nil.
    private static func slugEnd(_ s: [Unicode.Scalar], from start: Int, steps: inout Int) -> Int? {
        func isSlugCharacter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        var index = start
        var previous: Unicode.Scalar = "-"  // the slug may not start with a hyphen
        while index < s.count, isSlugCharacter(s[index]) || s[index] == "-" {
            steps += 1
            if s[index] == "-", previous == "-" { return nil }
            previous = s[index]
            index += 1
        }
        guard index > start, previous != "-", index < s.count, s[index] == "]" || s[index] == " " else { return nil }
        return index
    }

    /// Whether `range` (after the slug, before `]`; no brackets or line breaks in it) is empty or splits into
    /// ` > part` pieces with every part 1–120 scalars long. Parts may themselves hold ` > `, so this asks which
    /// ` > ` positions can start a piece: one can if a piece that can start lies 4–123 scalars before it; the end
    /// can if one lies the same distance before the end. The starts that can still reach are kept in a window.
    private static func partsAreValid(_ s: [Unicode.Scalar], _ range: Range<Int>, steps: inout Int) -> Bool {
        guard !range.isEmpty else { return true }
        let shortest = 4  // " > " and one character
        let longest = 3 + maximumPartLength
        var window: [Int] = []
        var head = 0
        func reachable(_ position: Int) -> Bool {
            while head < window.count, window[head] < position - longest {
                steps += 1
                head += 1
            }
            return head < window.count && window[head] <= position - shortest
        }
        var position = range.lowerBound
        while position + 3 <= range.upperBound {
            steps += 1
            if s[position] == " ", s[position + 1] == ">", s[position + 2] == " ",
                position == range.lowerBound || reachable(position)
            {
                window.append(position)
            } else if position == range.lowerBound {
                return false  // the first piece must start right after the slug
            }
            position += 1
        }
        return reachable(range.upperBound)
    }

    private static func readable(_ source: String) -> String {
        var parts = source.components(separatedBy: " > ")
        let slug = parts[0].replacingOccurrences(of: "-", with: " ")
        parts[0] = slug.prefix(1).uppercased() + slug.dropFirst()
        return parts.joined(separator: " › ")
    }
}
