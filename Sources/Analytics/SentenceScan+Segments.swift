/// Spotting segment names, deterministically and only in forms that are plainly names.
extension SentenceScan {
    /// Words that open a noun phrase but are not names: "The segment", "This segment", "Each segment".
    static let determiners: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "each", "every", "our", "its", "their", "your", "any",
        "one", "same", "other", "another", "which", "whole", "largest", "smallest", "new",
        // How a segment was made, not what it is called: "an RFM segment", "a rule-based segment".
        "rfm", "rule", "rule-based", "ml", "clustered", "k-means", "customer", "analyst",
    ]

    /// The capitalised words (or a lower-case slug such as `high-value-active`) right before "segment" or
    /// "segments": "the Big Spenders segment" names "Big Spenders". Known names were taken before this runs, so
    /// what is left is a name that does not exist.
    mutating func reportUnknownNamesBeforeSegment() {
        for keyword in ["segments", "segment"] {
            for range in occurrences(of: keyword, caseSensitive: false) {
                var words: [Range<Int>] = []
                var end = range.lowerBound
                while end > 1, chars[end - 1] == " ", let found = word(endingAt: end - 2), isNameWord(found) {
                    words.insert(found, at: 0)
                    end = found.lowerBound
                }
                guard let first = words.first, let last = words.last else { continue }
                let name = String(chars[first.lowerBound..<last.upperBound])
                report("names segment '\(name)', which does not exist")
                take(first.lowerBound..<last.upperBound)
            }
        }
    }

    /// Names every analyst knows (the RFM table, the rule segments, the usual marketing labels) that are not among
    /// the known segments. Case-sensitive, as written in those tables; a one-word name as the sentence's first word
    /// is not counted ("Lost revenue…", "Promising results…" open sentences as ordinary words).
    mutating func reportUnknownWellKnownNames(_ names: [String]) {
        for name in names.sorted(by: { ($0.count, $0) > ($1.count, $1) }) {
            for range in occurrences(of: name, caseSensitive: true) {
                let oneWord = !name.contains(" ")
                if oneWord && range.lowerBound == firstWordStart && !name.contains("-") { continue }
                report("names segment '\(name)', which does not exist")
                take(range)
            }
        }
    }

    /// The run of non-space characters ending at `index`, if none of it is taken.
    private func word(endingAt index: Int) -> Range<Int>? {
        var start = index
        while start > 0, chars[start - 1] != " " { start -= 1 }
        let range = start..<(index + 1)
        return range.isEmpty || range.contains(where: { taken[$0] }) ? nil : range
    }

    private func isNameWord(_ range: Range<Int>) -> Bool {
        let word = String(chars[range])
        guard let first = word.first, !Self.determiners.contains(word.lowercased()) else { return false }
        if first.isUppercase { return word.allSatisfy { $0.isLetter || $0.isNumber || "-'’&".contains($0) } }
        return word.contains("-") && word.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" }
    }
}

/// The segment names an analyst would recognise, whether or not this data set has them.
public enum SegmentVocabulary {
    public static let wellKnownNames: [String] =
        RFM.segments.map(\.name)
        + RuleSegment.allCases.filter { $0 != .other }.map(\.rawValue)
        + ["VIP", "VIPs", "Whales", "Hibernating", "Big Spenders", "Loyalists", "Cannot Lose Them", "High Rollers",
           "Sleepers", "Hibernators"]
}
