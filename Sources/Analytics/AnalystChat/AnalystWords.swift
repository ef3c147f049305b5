import Foundation

/// A question reduced to what the reader compares: folded words (case, accents and apostrophes gone, so "Can't",
/// "cant" and "CANT" read the same; hyphens split, so the id `high-value-active` and the name "High-value active"
/// are the same three words), chat shorthand spelled out ("hw", "msg"), and a crude stem per word so plurals match
/// ("champions" is "champion"). Whether a word was capitalised is kept: "Lost" the segment is usually written so.
struct AnalystWords: Sendable {
    struct Word: Sendable, Hashable {
        var text: String
        var stem: String
        var capitalised: Bool
    }

    let words: [Word]
    var stems: [String] { words.map(\.stem) }
    var count: Int { words.count }

    init(_ text: String) {
        var spaced = text.replacingOccurrences(of: "#", with: " number ")
        spaced = spaced.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
        var result: [Word] = []
        for raw in spaced.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let original = String(raw)
            let folded = original.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                                          locale: nil)
            let capitalised = original.first?.isUppercase ?? false
            for word in (Self.shorthand[folded] ?? folded).split(separator: " ").map(String.init) {
                result.append(Word(text: word, stem: Self.stem(word), capitalised: capitalised))
            }
        }
        words = result
    }

    /// Chat shorthand analysts type, spelled out before anything is matched.
    static let shorthand: [String: String] = [
        "hw": "how", "wht": "what", "whts": "whats", "msg": "message", "msgs": "messages", "shld": "should",
        "pls": "please", "plz": "please", "r": "are", "u": "you", "ur": "your", "avg": "average", "v": "vs",
        "champs": "champions", "cust": "customers", "custs": "customers", "qty": "number", "num": "number",
        "w": "with", "thx": "thanks", "abt": "about", "btw": "by the way", "seg": "segment", "segs": "segments",
    ]

    /// Plural to singular, crudely ("categories" → "category", "champions" → "champion"); applied to cues and
    /// question alike, so its oddities ("this" → "thi") cancel out.
    static func stem(_ word: String) -> String {
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    /// A phrase as stems, split the way questions are.
    static func phrase(_ text: String) -> [String] {
        text.split(separator: " ").flatMap { part -> [String] in
            part.hasPrefix("=") ? [String(part)] : AnalystWords(String(part)).stems
        }
    }

    /// True when the question's word at `index` reads as `stem`: equal, or one typo away for words of five letters
    /// or more (analysts type fast; shorter words would match too much).
    /// A cue word written `=word` must be spelled exactly so ("=segments", the plural, asks for the list).
    func matches(_ stem: String, at index: Int) -> Bool {
        if stem.hasPrefix("=") {
            let exact = String(stem.dropFirst()), word = words[index].text
            // A typo of it still counts ("segmnts"), but not its other number ("segment" for "=segments").
            return word == exact || exact.count >= 5 && word.count >= 5 && Self.stem(word) != Self.stem(exact)
                && AnalystEditDistance.isAtMostOne(word, exact)
        }
        let word = words[index].stem
        if word == stem { return true }
        // Both five letters or more: "send" is not a typo of "spend", nor "lost" of "most".
        return stem.count >= 5 && word.count >= 5 && AnalystEditDistance.isAtMostOne(word, stem)
    }

    /// Word indices where `phrase` (stems) starts.
    func positions(of phrase: [String]) -> [Int] {
        guard !phrase.isEmpty, phrase.count <= count else { return [] }
        return (0...(count - phrase.count)).filter { start in
            phrase.indices.allSatisfy { matches(phrase[$0], at: start + $0) }
        }
    }

    func contains(_ phrase: [String]) -> Bool { !positions(of: phrase).isEmpty }
}

enum AnalystEditDistance {
    /// True when `a` becomes `b` with at most one insertion, deletion, substitution or swap of neighbours
    /// ("segmnet" is "segment").
    static func isAtMostOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x == y { return true }
        if x.count == y.count {
            let diffs = x.indices.filter { x[$0] != y[$0] }
            if diffs.count == 1 { return true }
            return diffs.count == 2 && diffs[1] == diffs[0] + 1 && x[diffs[0]] == y[diffs[1]]
                && x[diffs[1]] == y[diffs[0]]
        }
        guard abs(x.count - y.count) == 1 else { return false }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        var i = 0
        while i < short.count, long[i] == short[i] { i += 1 }
        return Array(long[(i + 1)...]) == Array(short[i...])
    }
}
