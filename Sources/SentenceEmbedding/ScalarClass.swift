/// The character classes Hugging Face's `BertNormalizer` and `BertPreTokenizer` use, decided as the Rust crate
/// decides them.
///
/// The crate takes general categories (control, format, private use, non-spacing mark, punctuation) from the
/// `unicode_categories` crate, whose tables stop at Unicode 8.0: a scalar assigned later is in none of them there
/// (U+08E2, a format character since Unicode 9.0, is kept, not dropped; a new punctuation mark is not split off), and
/// unassigned scalars are kept too. Whitespace is Rust's `char::is_whitespace` (`White_Space`). Every scalar was
/// compared with the reference tokenizer (docs/embeddings.md): these rules and seven exceptions reproduce it.
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    /// `White_Space`, plus tab, newline and carriage return.
    static let whitespace = ScalarClass(rawValue: 1 << 0)
    /// The crate's `is_other` (Cc, Cf, Co, Cs), minus tab, newline and carriage return: removed by clean text.
    static let control = ScalarClass(rawValue: 1 << 1)
    /// ASCII punctuation (which includes symbols such as `$`, `+`, `<`, `^`, `|`) or a P* category.
    static let punctuation = ScalarClass(rawValue: 1 << 2)
    /// The CJK Unified Ideographs blocks the crate lists (not Hangul, Hiragana or Katakana: those languages put
    /// spaces between words).
    static let chinese = ScalarClass(rawValue: 1 << 3)
    /// Mn, removed when accents are stripped.
    static let nonspacingMark = ScalarClass(rawValue: 1 << 4)

    /// The classes of `scalar`. The Basic Multilingual Plane, where nearly all text is, comes from a table: the
    /// standard library's property lookups cost tens of nanoseconds each, and a 1 MB word took half a second.
    static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
        scalar.value < 0x1_0000 ? basicPlane[Int(scalar.value)] : computed(scalar)
    }

    /// Built on first use (about 20 ms); `WordPieceTokenizer.load` touches it so no request pays for it.
    static let basicPlane: [ScalarClass] = (0..<0x1_0000).map { value in
        Unicode.Scalar(UInt32(value)).map(computed) ?? []  // surrogate code points are not scalars
    }

    private static func computed(_ scalar: Unicode.Scalar) -> ScalarClass {
        var classes: ScalarClass = []
        let tabOrNewline = scalar == "\t" || scalar == "\n" || scalar == "\r"
        if tabOrNewline || scalar.properties.isWhitespace { classes.insert(.whitespace) }
        if isChineseIdeograph(scalar.value) { classes.insert(.chinese) }
        if scalar.isASCII {
            let value = scalar.value
            if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
                || (123...126).contains(value)
            {
                classes.insert(.punctuation)
            }
        }
        switch crateCategory(scalar) {
        case .control, .format, .privateUse, .surrogate:
            if !tabOrNewline { classes.insert(.control) }
        case .connectorPunctuation, .dashPunctuation, .closePunctuation, .finalPunctuation, .initialPunctuation,
            .otherPunctuation, .openPunctuation:
            classes.insert(.punctuation)
        case .nonspacingMark:
            classes.insert(.nonspacingMark)
        default:
            break
        }
        return classes
    }

    private static func isChineseIdeograph(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// The general category `unicode_categories` gives a scalar: today's, for a scalar Unicode 8.0 already had
    /// (apart from the few whose category has changed since), none for a later one.
    private static func crateCategory(_ scalar: Unicode.Scalar) -> Unicode.GeneralCategory? {
        if let changed = categoriesChangedSinceUnicode8[scalar.value] { return changed }
        guard let age = scalar.properties.age, age.major < 8 || (age.major == 8 && age.minor == 0) else {
            return nil
        }
        return scalar.properties.generalCategory
    }

    /// Scalars whose category changed after Unicode 8.0 in a way tokenization sees, with their 8.0 category
    /// (found by comparing every scalar with the reference tokenizer).
    private static let categoriesChangedSinceUnicode8: [UInt32: Unicode.GeneralCategory] = [
        0x166D: .otherPunctuation,  // CANADIAN SYLLABICS CHI SIGN, now So
        0x1734: .nonspacingMark,  // HANUNOO SIGN PAMUDPOD, now Mc
        0x1885: .otherLetter,  // MONGOLIAN LETTER ALI GALI BALUDA, now Mn
        0x1886: .otherLetter,  // MONGOLIAN LETTER ALI GALI THREE BALUDA, now Mn
        0xA9BD: .spacingMark,  // JAVANESE CONSONANT SIGN KERET, now Mn
        0x111C9: .otherPunctuation,  // SHARADA SANDHI MARK, now Mn
        0x1171E: .nonspacingMark,  // AHOM CONSONANT SIGN MEDIAL RA, now Mc
    ]
}
