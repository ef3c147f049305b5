import Foundation

/// Hugging Face's `BertNormalizer` and `BertPreTokenizer`, scalar for scalar (the Rust `tokenizers` crate works on
/// `char`s, which are Unicode scalars; Swift's `Character`s would merge "e" + U+0301 and get offsets wrong).
///
/// Normalization, in the crate's order: clean text (drop U+0000, U+FFFD and control/format/unassigned/private-use
/// scalars; any whitespace becomes a space), put spaces around CJK ideographs, strip accents (NFD, then drop
/// non-spacing marks), lowercase (each scalar's full mapping, with no context: Σ is always σ). Pre-tokenization
/// then splits on whitespace and isolates every punctuation scalar.
struct BertNormalizer: Equatable {
    var cleanText = true
    var handleChineseChars = true
    var stripAccents = true
    var lowercase = true

    /// Appends the pre-tokenized words of `raw` (a run of text with no whitespace in it) to `words`.
    func appendWords(of raw: [Unicode.Scalar], to words: inout [[Unicode.Scalar]]) {
        var current: [Unicode.Scalar] = []
        for scalar in normalize(raw) {
            if Self.isWhitespace(scalar) {
                if !current.isEmpty { words.append(current) }
                current = []
            } else if Self.isPunctuation(scalar) {
                if !current.isEmpty { words.append(current) }
                current = []
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
    }

    func normalize(_ raw: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(raw.count)
        for scalar in raw {
            if cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
                if Self.isWhitespace(scalar) {
                    scalars.append(" ")
                    continue
                }
            }
            if handleChineseChars, Self.isChinese(scalar) {
                scalars.append(contentsOf: [" ", scalar, " "])
            } else {
                scalars.append(scalar)
            }
        }
        if stripAccents { scalars = Self.stripAccents(scalars) }
        if lowercase { scalars = Self.lowercase(scalars) }
        return scalars
    }

    // MARK: - Steps

    private static func stripAccents(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        if scalars.allSatisfy(\.isASCII) { return scalars }  // ASCII is its own NFD and has no marks.
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        let decomposed = String(text).decomposedStringWithCanonicalMapping
        return decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
    }

    private static func lowercase(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                let value = scalar.value
                result.append((65...90).contains(value) ? Unicode.Scalar(UInt8(value + 32)) : scalar)
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return result
    }

    // MARK: - Character classes (as the crate defines them)

    /// Tab, newline and carriage return count as whitespace, as does every `White_Space` scalar.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }

    /// The crate's `is_other`: categories Cc, Cf, Cn, Co and Cs, except the three whitespace controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate: return true
        default: return false
        }
    }

    /// ASCII punctuation (which includes symbols such as `$`, `+`, `<`, `^`, `|`) or any Unicode P* category.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
                || (123...126).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .closePunctuation, .finalPunctuation, .initialPunctuation,
            .otherPunctuation, .openPunctuation:
            return true
        default:
            return false
        }
    }

    /// The CJK Unified Ideographs blocks the crate lists (not Hangul, Hiragana or Katakana: those languages put
    /// spaces between words).
    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
