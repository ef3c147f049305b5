/// The writing system of a letter, coarsely: enough to tell a Cyrillic `а` or a Greek `ο` among Latin letters.
///
/// Swift exposes no Unicode Script property, so this is a table of the blocks that hold the scripts people confuse
/// (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, the CJK scripts); any other letter counts as the script of its
/// 128-code-point block, which is right for the rest of the scripts in use and errs towards "mixed" when wrong.
/// Digits, punctuation and combining marks belong to no script (Unicode's Common and Inherited).
enum WritingScript: Hashable {
    case latin, greek, cyrillic, armenian, hebrew, arabic, han, hiragana, katakana, bopomofo, hangul
    case block(UInt32)

    /// Whether the letters of `text` could be one writer's: one script, or one of the combinations UTS #39 calls
    /// "highly restrictive" (Latin + Han + Hiragana + Katakana, Latin + Han + Bopomofo, Latin + Han + Hangul).
    static func areWrittenTogether(in text: some StringProtocol) -> Bool {
        let scripts = Set(text.unicodeScalars.compactMap(script(of:)))
        guard scripts.count > 1 else { return true }
        let allowed: [Set<WritingScript>] = [
            [.latin, .han, .hiragana, .katakana], [.latin, .han, .bopomofo], [.latin, .han, .hangul],
        ]
        return allowed.contains { scripts.isSubset(of: $0) }
    }

    /// `nil` for anything that is not a letter (digits, punctuation, combining marks).
    static func script(of scalar: Unicode.Scalar) -> WritingScript? {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: break
        default: return nil
        }
        let value = scalar.value
        for (range, script) in table where range.contains(value) { return script }
        return .block(value >> 7)
    }

    private static let table: [(ClosedRange<UInt32>, WritingScript)] = [
        (0x0041...0x024F, .latin), (0x0250...0x02AF, .latin), (0x1D00...0x1D7F, .latin), (0x1E00...0x1EFF, .latin),
        (0x2C60...0x2C7F, .latin), (0xA720...0xA7FF, .latin), (0xAB30...0xAB6F, .latin), (0xFF21...0xFF5A, .latin),
        (0x0370...0x03FF, .greek), (0x1F00...0x1FFF, .greek),
        (0x0400...0x052F, .cyrillic), (0x1C80...0x1C8F, .cyrillic), (0x2DE0...0x2DFF, .cyrillic),
        (0xA640...0xA69F, .cyrillic),
        (0x0530...0x058F, .armenian), (0xFB13...0xFB17, .armenian),
        (0x0590...0x05FF, .hebrew), (0xFB1D...0xFB4F, .hebrew),
        (0x0600...0x06FF, .arabic), (0x0750...0x077F, .arabic), (0x08A0...0x08FF, .arabic),
        (0xFB50...0xFDFF, .arabic), (0xFE70...0xFEFF, .arabic),
        (0x3040...0x309F, .hiragana), (0x30A0...0x30FF, .katakana), (0x31F0...0x31FF, .katakana),
        (0xFF66...0xFF9F, .katakana), (0x3100...0x312F, .bopomofo), (0x31A0...0x31BF, .bopomofo),
        (0x1100...0x11FF, .hangul), (0x3130...0x318F, .hangul), (0xAC00...0xD7AF, .hangul),
        (0x3005...0x3007, .han), (0x3400...0x4DBF, .han), (0x4E00...0x9FFF, .han), (0xF900...0xFAFF, .han),
        (0x20000...0x3FFFF, .han),
    ]
}
