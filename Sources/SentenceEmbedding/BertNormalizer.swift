import Foundation

/// Hugging Face's `BertNormalizer` and `BertPreTokenizer`, scalar for scalar (the Rust `tokenizers` crate works on
/// `char`s, which are Unicode scalars; Swift's `Character`s would merge "e" + U+0301 and get offsets wrong).
///
/// Normalization, in the crate's order: clean text (drop U+0000, U+FFFD and control, format and private-use
/// scalars — vertical tab, form feed and U+0085 included, although they are whitespace; any other whitespace
/// becomes a space), put spaces around CJK ideographs, strip accents (NFD, then drop non-spacing marks), lowercase
/// (each scalar's full mapping, with no context: Σ is always σ). Pre-tokenization then splits on whitespace and
/// isolates every punctuation scalar. `ScalarClass` says which scalar is which, as the crate decides it.
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
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var start = 0
        for index in scalars.indices.dropFirst()
        where index - start >= 256 || (index - start >= 32 && startsSegment(scalars[index])) {
            appendStripped(scalars[start..<index], to: &result)
            start = index
        }
        appendStripped(scalars[start...], to: &result)
        return result
    }

    /// NFD of one piece, without its non-spacing marks. Foundation's NFD (CoreFoundation on Linux) is quadratic
    /// in the string's length — 6 s for a 1 MB word — so long runs are decomposed piece by piece.
    private static func appendStripped(_ piece: ArraySlice<Unicode.Scalar>, to result: inout [Unicode.Scalar]) {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: piece)
        let decomposed = String(text).decomposedStringWithCanonicalMapping
        let kept = decomposed.unicodeScalars.lazy.filter { !ScalarClass.of($0).contains(.nonspacingMark) }
        result.append(contentsOf: kept)
    }

    /// Whether NFD can restart at `scalar`: canonical reordering never moves a mark across a scalar of combining
    /// class 0 whose decomposition also starts with one (all but three Tibetan vowel signs), so decomposing the
    /// pieces on either side separately gives the same result. A piece is also cut after 256 scalars without such
    /// a point: only a run of that many combining marks could come out in a different order.
    private static func startsSegment(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.canonicalCombiningClass == .notReordered
            && scalar.value != 0x0F73 && scalar.value != 0x0F75 && scalar.value != 0x0F81
    }

    private static func lowercase(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                let value = scalar.value
                result.append((65...90).contains(value) ? Unicode.Scalar(UInt8(value + 32)) : scalar)
            } else if scalar.properties.changesWhenLowercased {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)  // most scalars: no String built for the mapping
            }
        }
        return result
    }

    // MARK: - Character classes (see `ScalarClass`)

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.of(scalar).contains(.whitespace) }
    static func isControl(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.of(scalar).contains(.control) }
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.of(scalar).contains(.punctuation) }
    static func isChinese(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.of(scalar).contains(.chinese) }

    /// A whitespace scalar that separates words; the whitespace controls clean text removes do not, so
    /// "a\u{0B}b" is one word, "ab".
    func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        let classes = ScalarClass.of(scalar)
        return classes.contains(.whitespace) && !(cleanText && classes.contains(.control))
    }
}
