import Foundation

/// One word of analysed text.
struct Token: Hashable, Sendable {
    /// Lower-cased, accent-folded form as written ("refunds").
    var surface: String
    /// Stemmed form used for matching ("refund").
    var stem: String
    var isStop: Bool
    /// An extra term rather than a written word: the joined form of a hyphenated pair ("e-mail" → "email") or
    /// the `price` marker of a currency amount ("£2.99"). Indexed, but not part of the word sequence lexicon
    /// phrases match against, nor of field lengths.
    var isExtra: Bool = false
}

/// Turns text into matchable terms: lower-casing, accent folding, word splitting, stop words and stemming.
///
/// The same analyser runs over documents and queries; that symmetry is what makes "Café" find "cafe" and
/// "refunded" find "refunds". Markdown punctuation (`**`, `|`, `#`, list markers) simply never forms a word.
enum TextAnalyzer {
    /// Analysed tokens of `text`, in order.
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        // An amount written once per currency ("£10 / $12 / €12 / ₹550 / A$19 / C$17") is one amount: six of them made
        // a passage longer and its `price` marker six times as frequent, and pushed it down for every other word.
        let text = AmountGroups.replacing(in: text) { $0.first }
        forEachWord(in: fold(text)) { word, isExtra in
            if isExtra {
                tokens.append(Token(surface: word, stem: Stemmer.stem(word), isStop: false, isExtra: true))
                return
            }
            let isStop = StopWords.contains(word) || (word.utf8.count == 1 && !word.utf8[word.utf8.startIndex].isDigit)
            tokens.append(Token(surface: word, stem: isStop ? word : Stemmer.stem(word), isStop: isStop))
        }
        return tokens
    }

    /// The stems of the content words of `text`, in order (stop words removed).
    static func terms(_ text: String) -> [String] {
        tokens(text).compactMap { $0.isStop ? nil : $0.stem }
    }

    /// Lower-cases and removes diacritics (é → e, ñ → n) and ligatures; plain ASCII skips the Unicode work.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        for (from, to) in [("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("ø", "o"), ("ł", "l"), ("đ", "d"), ("þ", "th")]
        where folded.contains(from) {
            folded = folded.replacingOccurrences(of: from, with: to)
        }
        // Typographic apostrophes behave like ASCII ones: "don’t" → "dont".
        return folded.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
    }

    /// Contraction endings dropped with their apostrophe ("where's" → "where", "I'd" → "i", "we'll" → "we");
    /// "n't" is kept ("don't" → "dont") because negation matters to lexicon keys such as "dont want".
    static let contractionEndings: Set<String> = ["s", "d", "ll", "m", "re", "ve"]
    /// Currency symbols whose amounts also index the word `price`, so "how much is it?" finds "£7.99 a month".
    static let currencySymbols: Set<Unicode.Scalar> = ["£", "$", "€", "¥", "₹"]

    /// Calls `body` for each word: runs of letters and digits, apostrophes handled as above. After a hyphenated
    /// pair `body` also gets the joined form with `isExtra` set ("e-mail" → "email", "check-out" → "checkout";
    /// longer compounds such as "click-and-collect" are not joined), and before a currency amount the word
    /// `price`, also as an extra.
    private static func forEachWord(in text: String, _ body: (_ word: String, _ isExtra: Bool) -> Void) {
        let scalars = Array(text.unicodeScalars)
        var word = String.UnicodeScalarView()
        var compound: [String] = []
        var index = 0
        func finishWord(compoundContinues: Bool) {
            guard !word.isEmpty else { return }
            compound.append(String(word))
            body(compound[compound.count - 1], false)
            word.removeAll(keepingCapacity: true)
            if compoundContinues { return }
            if compound.count == 2 { body(compound.joined(), true) }
            compound.removeAll(keepingCapacity: true)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                word.append(scalar)
            } else if scalar == "'" && !word.isEmpty && isWordScalar(at: index + 1, in: scalars) {
                let ending = scalars[(index + 1)...].prefix(while: isWordScalar)
                if contractionEndings.contains(String(String.UnicodeScalarView(ending))) { index += ending.count }
            } else {
                finishWord(compoundContinues: scalar == "-" && isWordScalar(at: index + 1, in: scalars))
                if currencySymbols.contains(scalar) && index + 1 < scalars.count
                    && scalars[index + 1].properties.numericType != nil
                {
                    body("price", true)
                }
            }
            index += 1
        }
        finishWord(compoundContinues: false)
    }

    private static func isWordScalar(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        index < scalars.count && isWordScalar(scalars[index])
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= 0x30 && self <= 0x39 }
}
