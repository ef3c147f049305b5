import Foundation

/// Text prepared for reading claims: the answer and the facts block go through the same normalisation, so a
/// paraphrase ("fifteen percent", "1,200", "two days") compares equal to what the facts wrote ("15%", "1200",
/// "48 hours" via the duration rules).
enum ClaimText {
    /// Lower-cased, curly apostrophes straightened, number words read as digits and thousands separators dropped.
    static func normalised(_ text: String) -> String {
        var lowered = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        lowered = replace(#"(?<=\d),(?=\d{3}\b)"#, in: lowered, with: "")
        return NumberWords.digits(in: lowered)
    }

    /// Sentences of `text`: a piece ends after `.`, `!` or `?` followed by whitespace, or at a line break, so
    /// "£3.40" and "1.2 km" stay whole (the same boundary `SentenceRelease` uses).
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            if character.isNewline || (character.isWhitespace && [".", "!", "?"].contains(previous)) {
                if !current.trimmingCharacters(in: .whitespaces).isEmpty { result.append(current) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { result.append(current) }
        return result
    }

    /// Clauses of a sentence: a claim such as "is open" belongs to the shop named in its own clause (or the one named
    /// last before it), so "X is closed, but Y is open" is read as two claims.
    static func clauses(_ sentence: String) -> [String] {
        split(sentence, at: #"[,;()—–]| - | but | so | whereas | while "#)
    }

    static func split(_ text: String, at pattern: String) -> [String] {
        let regex = RegexCache.shared.regex(pattern)
        var pieces: [String] = []
        var start = text.startIndex
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            pieces.append(String(text[start..<range.lowerBound]))
            start = range.upperBound
        }
        pieces.append(String(text[start...]))
        return pieces.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Every match of `pattern`, with its capture groups (an absent group is the empty string).
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = RegexCache.shared.regex(pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    static func contains(_ pattern: String, in text: String) -> Bool {
        !matches(pattern, in: text).isEmpty
    }

    static func replace(_ pattern: String, in text: String, with template: String) -> String {
        let regex = RegexCache.shared.regex(pattern)
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                              withTemplate: template)
    }

    /// "about", "around", "roughly"…: a number hedged like this may round the fact ("about 20 minutes" for 18).
    static let hedge = #"(?:about|around|roughly|approximately|approx\.?|nearly|almost|just over|just under|under|~)"#

    /// Whether `claimed` is the fact, or close to it when the answer hedged (a quarter either way, at least 1).
    static func agrees(_ claimed: Double, _ fact: Double, hedged: Bool) -> Bool {
        if abs(claimed - fact) < 0.001 { return true }
        return hedged && abs(claimed - fact) <= max(1, fact * 0.25)
    }
}

/// "fifteen" → "15", "one hundred and twenty" → "120", "a hundred" → "100": number words as digits.
enum NumberWords {
    static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    static func digits(in text: String) -> String {
        let words = units.keys.sorted() + tens.keys.sorted() + ["hundred", "thousand", "a", "and"]
        let word = "(?:" + words.joined(separator: "|") + ")"
        // A run of number words, joined by spaces, hyphens or "and"; read as one number.
        let pattern = #"\b"# + word + #"(?:[ -]"# + word + #")*\b"#
        var result = ""
        var last = text.startIndex
        for match in ClaimText.matches(pattern, in: text) {
            guard let range = text.range(of: match[0], range: last..<text.endIndex) else { continue }
            result += text[last..<range.lowerBound]
            result += value(of: match[0]) ?? match[0]
            last = range.upperBound
        }
        return result + text[last...]
    }

    /// The number a run of words spells, keeping leading and trailing words that are not part of it ("a", "and").
    static func value(of run: String) -> String? {
        var words = run.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        var leading: [String] = []
        var trailing: [String] = []
        while let first = words.first, first == "and" || (first == "a" && words.dropFirst().first.map(isScale) != true) {
            leading.append(words.removeFirst())
        }
        while let final = words.last, final == "and" || final == "a" {
            trailing.insert(words.removeLast(), at: 0)
        }
        guard !words.isEmpty, words.contains(where: { units[$0] != nil || tens[$0] != nil || isScale($0) })
        else { return nil }
        var total = 0
        var current = 0
        for word in words {
            if let unit = units[word] {
                current += unit
            } else if let ten = tens[word] {
                current += ten
            } else if word == "hundred" {
                current = max(current, 1) * 100
            } else if word == "thousand" {
                total += max(current, 1) * 1000
                current = 0
            } else if word == "a" {
                current += 1  // "a hundred"
            }
        }
        return (leading + ["\(total + current)"] + trailing).joined(separator: " ")
    }

    static func isScale(_ word: String) -> Bool { word == "hundred" || word == "thousand" }
}

/// The claim rules' patterns, compiled once per process: a turn checks a few dozen patterns per sentence, and
/// compiling each anew was most of the check's time. The patterns are constants of this module, so one that does
/// not compile is a programming error, not input to tolerate.
///
/// `@unchecked Sendable`: `compiled` is touched only under `lock` (an `NSLock`, as in the rest of the project, so
/// ThreadSanitizer can check it on Linux); a compiled expression is immutable.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression] = [:]

    func regex(_ pattern: String) -> NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let regex = compiled[pattern] { return regex }
        do {
            let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            compiled[pattern] = regex
            return regex
        } catch {
            preconditionFailure("grounding pattern does not compile: \(pattern): \(error)")
        }
    }
}
