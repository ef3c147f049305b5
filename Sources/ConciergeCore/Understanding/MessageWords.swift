import Foundation

/// A message reduced to what the cue and slot rules compare: folded words (case, accents, apostrophes and
/// punctuation gone, so "I'm", "im" and "IM" read the same; "está" reads "esta") and the same words joined with
/// single spaces and padded, so a phrase cue is a substring test on word boundaries.
struct MessageWords: Sendable {
    let words: [String]
    let set: Set<String>
    /// " w1 w2 … wn ".
    let joined: String

    init(_ text: String) {
        words = Self.fold(text)
        set = Set(words)
        joined = " " + words.joined(separator: " ") + " "
    }

    /// Emoji shoppers send instead of words, read as the words they stand for ("☕️🥶" is "coffee freezing").
    static let emojiWords: [Character: String] = [
        "☕": "coffee", "🥶": "freezing", "🥵": "boiling", "😴": "tired", "🥱": "tired", "🍰": "cake", "🥐": "croissant",
        "🥪": "sandwich", "🍩": "snack", "🧁": "muffin", "🍪": "snack", "🥤": "cold drink", "🧊": "iced", "🍵": "tea",
        "😡": "annoyed", "😤": "annoyed", "🤬": "annoyed", "🙏": "thanks", "❤": "thanks", "👋": "hello",
    ]

    static func fold(_ text: String) -> [String] {
        let spelled = text.contains(where: { emojiWords[$0] != nil || $0.unicodeScalars.count > 1 })
            ? text.map { character -> String in
                let base = character.unicodeScalars.first.map { Character($0) } ?? character
                return emojiWords[character].map { " \($0) " } ?? emojiWords[base].map { " \($0) " } ?? String(character)
            }.joined()
            : text
        let folded = spelled.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
        return folded.split { !$0.isLetter && !$0.isNumber }.map { collapsingRepeats(String($0)) }
    }

    /// "colddd" reads "cold", "sooo" reads "so": three or more of a letter are one (two stay: "coffee").
    static func collapsingRepeats(_ word: String) -> String {
        var out = ""
        var run: Character?
        var count = 0
        for c in word {
            if c == run { count += 1 } else { run = c; count = 1 }
            out.append(c)
            if count == 3 { out.removeLast(3); out.append(c) } else if count > 3 { out.removeLast() }
        }
        return out
    }

    func contains(phrase: String) -> Bool {
        phrase.contains(" ") ? joined.contains(" \(phrase) ") : set.contains(phrase)
    }

    func containsAny(_ phrases: [String]) -> Bool { phrases.contains { contains(phrase: $0) } }

    /// A single word cue of five letters or more also matches one typo away ("refnd", "coupn"): shoppers type on
    /// phones. Shorter words would match too much ("hot" and "not").
    func containsLoosely(_ word: String) -> Bool {
        if set.contains(word) { return true }
        guard word.count >= 5 else { return false }
        return words.contains { abs($0.count - word.count) <= 1 && $0.count >= 4 && !Self.notTypos.contains($0)
            && EditDistance.isAtMostOne($0, word) }
    }

    /// Common words one letter from a cue or an item's word, never read as its typo: "which is better" is neither
    /// "bitter" (a complaint) nor the Butter Croissant.
    static let notTypos: Set<String> = ["better", "bitter", "butter", "batter", "letter", "matter", "latter", "longer",
                                        "bigger", "hotter", "colder", "cheaper", "sooner"]
}
