/// One sentence under the groundedness check: its characters and which of them are already accounted for.
///
/// Each step "takes" the spans it explains (a citation, the as-of date, a known segment name or metric label) so
/// that a later step does not read them again: the 07 of `[n-07]`, the 30 of `2026-11-30` and the 90 of a metric
/// called "Orders in the last 90 days" are never mistaken for figures.
struct SentenceScan {
    let chars: [Character]
    /// `chars` lower-cased one for one (a character whose lower case is longer stays as it is).
    let lower: [Character]
    private(set) var taken: [Bool]
    private(set) var problems: [String] = []
    private(set) var citedNoteIDs: [String] = []

    init(_ sentence: String) {
        chars = Array(sentence)
        lower = chars.map { let lowered = $0.lowercased(); return lowered.count == 1 ? Character(lowered) : $0 }
        taken = Array(repeating: false, count: chars.count)
    }

    mutating func report(_ problem: String) { problems.append(problem) }

    mutating func take(_ range: Range<Int>) { for index in range { taken[index] = true } }

    func isDigit(_ index: Int) -> Bool {
        index >= 0 && index < chars.count && chars[index].isASCII && chars[index].isNumber
    }
    func isLetter(_ index: Int) -> Bool { index >= 0 && index < chars.count && chars[index].isLetter }
    func isWordCharacter(_ index: Int) -> Bool { isLetter(index) || isDigit(index) }

    /// Every `n-<digits>` standing alone (in `[n-07]`, `[n-03, n-07]` or bare) is a citation of that note.
    mutating func takeCitations(retrieved: Set<String>) {
        var index = 0
        while index + 2 < chars.count {
            defer { index += 1 }
            guard lower[index] == "n", chars[index + 1] == "-", isDigit(index + 2),
                !isWordCharacter(index - 1), index == 0 || chars[index - 1] != "-"
            else { continue }
            var end = index + 2
            while isDigit(end) { end += 1 }
            guard !isLetter(end) else { continue }
            let id = "n-" + String(chars[(index + 2)..<end])
            if !citedNoteIDs.contains(id) { citedNoteIDs.append(id) }
            if !retrieved.contains(id) { report("cites note \(id), which was not retrieved") }
            take(index..<end)
            index = end - 1
        }
    }

    /// `YYYY-MM-DD` must be an as-of date of the snapshots.
    mutating func takeISODates(allowed: [String]) {
        var index = 0
        while index + 10 <= chars.count {
            defer { index += 1 }
            let shape = (0..<10).allSatisfy { offset in
                offset == 4 || offset == 7 ? chars[index + offset] == "-" : isDigit(index + offset)
            }
            guard shape, !isDigit(index - 1), !isDigit(index + 10) else { continue }
            let date = String(chars[index..<(index + 10)])
            if !allowed.contains(date) {
                report("the date \(date) is not the as-of date (\(allowed.joined(separator: ", ")))")
            }
            take(index..<(index + 10))
            index += 9
        }
    }

    /// Phrases in double quotes ("…" or “…”) or backticks name a segment or a metric: `isKnown` says whether the
    /// quoted words exist; an unknown one is reported with `reason`. Either way the quote is taken (reported once).
    mutating func takeQuoted(opening: Character, closing: Character, isKnown: (String) -> Bool,
                             reason: (String) -> String) {
        var index = 0
        while index < chars.count {
            guard chars[index] == opening, !taken[index],
                let close = chars[(index + 1)...].firstIndex(of: closing)
            else { index += 1; continue }
            let content = String(chars[(index + 1)..<close]).trimmingSpaces
            if !content.isEmpty && !isKnown(content) { report(reason(content)) }
            take(index..<(close + 1))
            index = close + 1
        }
    }

    /// Takes every whole-word occurrence of the phrases (case-insensitive, longest first, so "Loyal Customers" is
    /// taken before "Customers").
    mutating func takePhrases(_ phrases: [String]) {
        for phrase in phrases.sorted(by: { ($0.count, $0) > ($1.count, $1) }) {
            for range in occurrences(of: phrase, caseSensitive: false) { take(range) }
        }
    }

    /// Whole-word, not-yet-taken occurrences of `phrase`.
    func occurrences(of phrase: String, caseSensitive: Bool) -> [Range<Int>] {
        let needle = caseSensitive ? Array(phrase) : Array(phrase.lowercased())
        let haystack = caseSensitive ? chars : lower
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var found: [Range<Int>] = []
        var start = 0
        while start + needle.count <= haystack.count {
            let range = start..<(start + needle.count)
            if !isWordCharacter(start - 1), !isWordCharacter(range.upperBound),
                range.allSatisfy({ !taken[$0] }), Array(haystack[range]) == needle
            {
                found.append(range)
                start = range.upperBound
            } else {
                start += 1
            }
        }
        return found
    }

    /// The index of the sentence's first letter or digit.
    var firstWordStart: Int? { chars.indices.first { isWordCharacter($0) } }
}
