/// Word-boundary rules shared by the detectors.
///
/// A placeholder counts as a word on both sides: after masking, "<EMAIL_1>5551234567" must look exactly like
/// the glued text it came from, or a second pass would find new spans and masking would not be idempotent.
enum Boundary {
    /// Whether the byte before `index` continues a word (letter, digit, `_`, or the `>` closing a placeholder).
    static func wordBefore(_ t: ByteText, _ index: Int) -> Bool {
        let byte = t[index - 1]
        if Byte.isAlnum(byte) || byte == Byte.underscore { return true }
        return byte == Byte.gt && PlaceholderSyntax.endsAt(t, index - 1)
    }

    /// Whether the byte at `index` continues a word (letter, digit, `_`, or the `<` opening a placeholder).
    static func wordAfter(_ t: ByteText, _ index: Int) -> Bool {
        let byte = t[index]
        if Byte.isAlnum(byte) || byte == Byte.underscore { return true }
        return byte == Byte.lt && PlaceholderSyntax.parse(t, at: index) != nil
    }

    /// Whether a number may begin at `index`: not glued to a word, not the tail of a longer number
    /// ("1,234,5678", "12-4155552671"), not after `#` (an id). (Prices — a currency sign or code before — are
    /// ruled out once per number token by the scanner.)
    static func numberMayStart(_ t: ByteText, _ index: Int) -> Bool {
        if wordBefore(t, index) { return false }
        let before = t[index - 1]
        if before == Byte.hash || before == Byte.at || before == Byte.plus { return false }
        // "14:30" continues a time; "tel:+44…" and "Phone:0161…" are labels.
        if before == Byte.colon, Byte.isDigit(t[index - 2]) { return false }
        if before == Byte.dot || before == Byte.comma || before == Byte.dash || before == Byte.slash {
            if Byte.isAlnum(t[index - 2]) || PlaceholderSyntax.endsAt(t, index - 2) { return false }
        }
        return true
    }

    /// Whether a number may end at `index` (exclusive): not glued to a word or to more digits, not a price or a
    /// percentage.
    static func numberMayEnd(_ t: ByteText, _ index: Int) -> Bool {
        if wordAfter(t, index) { return false }
        let after = t[index]
        if after == Byte.at || after == UInt8(ascii: "%") { return false }
        if after == Byte.dot || after == Byte.comma || after == Byte.dash || after == Byte.slash
            || after == Byte.colon
        {
            if Byte.isDigit(t[index + 1]) { return false }
        }
        return !Currency.after(t, index)
    }

    /// The word (letters, digits, apostrophes, hyphens, non-ASCII) that ends at or before `index`, skipping
    /// at most `maxGap` separator bytes; nil at the start of the text or across a longer gap.
    static func previousWord(_ t: ByteText, before index: Int, maxGap: Int = 3) -> (start: Int, end: Int)? {
        var end = index
        var gap = 0
        while end > 0, !Byte.isWordByte(t[end - 1]) {
            end -= 1
            gap += 1
            if gap > maxGap || t[end] == UInt8(ascii: "\n") { return nil }
        }
        guard end > 0 else { return nil }
        var start = end
        while start > 0, Byte.isWordByte(t[start - 1]), end - start < 40 { start -= 1 }
        return (start, end)
    }

    /// The word starting at or after `index`, skipping at most `maxGap` separator bytes.
    static func nextWord(_ t: ByteText, after index: Int, maxGap: Int = 3) -> (start: Int, end: Int)? {
        var start = index
        while start < t.count, !Byte.isWordByte(t[start]) {
            start += 1
            if start - index > maxGap || t[start - 1] == UInt8(ascii: "\n") { return nil }
        }
        guard start < t.count else { return nil }
        var end = start
        while end < t.count, Byte.isWordByte(t[end]), end - start < 40 { end += 1 }
        return (start, end)
    }
}

/// Currency signs and codes around a number: a number next to one is a price, never a phone or a card.
enum Currency {
    static let codes = WordHash.set([
        "usd", "eur", "gbp", "inr", "aud", "cad", "rs", "rs.", "chf", "jpy", "rupees", "rupee", "dollars", "euros",
        "pounds", "bucks", "cents", "p",
    ])

    /// A currency sign right before `index` (one space allowed), or a currency code as the previous word
    /// ("USD 1500", "Rs. 2,499").
    static func before(_ t: ByteText, _ index: Int) -> Bool {
        var end = index
        if t[end - 1] == Byte.space { end -= 1 }
        if isSignEnding(t, end) { return true }
        if t[end - 1] == Byte.dot { end -= 1 }
        guard end < index, Byte.isAlpha(t[end - 1]) else { return false }
        var start = end - 1
        while start > 0, Byte.isAlpha(t[start - 1]), end - start < 8 { start -= 1 }
        let length = end - start
        guard length >= 2, length <= 7, !Byte.isAlnum(t[start - 1]) else { return false }
        return codes.contains(WordHash.of(t, start, end))
    }

    /// A currency sign or code right after `index` (one space allowed). "$" and "£" count only when attached
    /// ("12$"): after a space they open the next amount ("4155552671 $12.99").
    static func after(_ t: ByteText, _ index: Int) -> Bool {
        var start = index
        if isSignStarting(t, start) { return true }
        if t[start] == Byte.space { start += 1 }
        if isSignStarting(t, start), t[start] != UInt8(ascii: "$"), !(t[start] == 0xC2 && t[start + 1] == 0xA3) {
            return true
        }
        var end = start
        while Byte.isAlpha(t[end]), end - start < 8 { end += 1 }
        guard end > start, !Byte.isAlnum(t[end]) else { return false }
        return codes.contains(WordHash.of(t, start, end)) && !(end - start == 1 && t[start] != UInt8(ascii: "p"))
    }

    /// `$ £ € ₹ ¥` ending just before `end`.
    private static func isSignEnding(_ t: ByteText, _ end: Int) -> Bool {
        let last = t[end - 1]
        if last == UInt8(ascii: "$") { return true }
        if t[end - 2] == 0xC2, last == 0xA3 || last == 0xA5 { return true }  // £ ¥
        if t[end - 3] == 0xE2, t[end - 2] == 0x82, last == 0xAC || last == 0xB9 { return true }  // € ₹
        return false
    }

    /// `$ £ € ₹ ¥` starting at `start`.
    private static func isSignStarting(_ t: ByteText, _ start: Int) -> Bool {
        let first = t[start]
        if first == UInt8(ascii: "$") { return true }
        if first == 0xC2, t[start + 1] == 0xA3 || t[start + 1] == 0xA5 { return true }
        if first == 0xE2, t[start + 1] == 0x82, t[start + 2] == 0xAC || t[start + 2] == 0xB9 { return true }
        return false
    }
}
