/// A word inside an address: letters (any script), digits, inner apostrophes and hyphens.
struct AddressWord {
    var start: Int
    var end: Int
    var hash: UInt64
    /// First byte is an upper-case ASCII letter or a Latin non-ASCII letter ("Élysées").
    var capitalized: Bool
    /// Every ASCII letter is upper case ("MG", "NW", "SW1A").
    var allCaps: Bool
    /// Starts with a lower-case ASCII letter.
    var lowercase: Bool
    /// Starts with a digit.
    var numeric: Bool
    /// An ordinal such as "46th", "1st", "2nd", "3rd".
    var ordinal: Bool

    var length: Int { end - start }

    /// Reads the word starting exactly at `start`, or nil if no word starts there.
    static func read(_ t: ByteText, at start: Int) -> AddressWord? {
        let first = t[start]
        guard Byte.isAlnum(first) || first >= 0xC0 else { return nil }
        var end = start
        var allCaps = true
        var digits = 0
        while end - start < 40 {
            let byte = t[end]
            if Byte.isAlnum(byte) || byte >= 0x80 {
                if Byte.isLower(byte) { allCaps = false }
                if Byte.isDigit(byte) { digits += 1 }
                end += 1
            } else if byte == Byte.apostrophe || byte == Byte.dash, Byte.isAlnum(t[end + 1]) || t[end + 1] >= 0xC0 {
                end += 1  // "John's", "Champs-Élysées", "Stratford-upon-Avon"
            } else {
                break
            }
        }
        let numeric = Byte.isDigit(first)
        return AddressWord(
            start: start, end: end, hash: WordHash.of(t, start, end),
            capitalized: Byte.isUpper(first) || isLatin(first),
            allCaps: allCaps && !numeric, lowercase: Byte.isLower(first), numeric: numeric,
            ordinal: numeric && isOrdinal(t, start, end, digits: digits))
    }

    /// A lead byte of Latin-1 or Latin Extended-A ("É", "Ł"): a name word, where a word of another script after a
    /// street ("…Champs-Élysées नमस्ते") is the sentence going on in another language.
    private static func isLatin(_ byte: UInt8) -> Bool { byte >= 0xC3 && byte <= 0xC5 }

    /// Reads the word after a single space at `index` (or after ". " when `afterAbbreviation`).
    static func after(_ t: ByteText, _ index: Int, afterAbbreviation: Bool = false) -> AddressWord? {
        var position = index
        if afterAbbreviation, t[position] == Byte.dot { position += 1 }
        guard t[position] == Byte.space else { return nil }
        return read(t, at: position + 1)
    }

    private static func isOrdinal(_ t: ByteText, _ start: Int, _ end: Int, digits: Int) -> Bool {
        guard end - start == digits + 2, digits >= 1, digits <= 3 else { return false }
        let a = Byte.lower(t[end - 2])
        let b = Byte.lower(t[end - 1])
        return (a == UInt8(ascii: "s") && b == UInt8(ascii: "t")) || (a == UInt8(ascii: "n") && b == UInt8(ascii: "d"))
            || (a == UInt8(ascii: "r") && b == UInt8(ascii: "d")) || (a == UInt8(ascii: "t") && b == UInt8(ascii: "h"))
    }
}

/// House numbers: "221B", "12a", "12-14", "1600".
enum HouseNumber {
    /// The end of a house number starting at `start`, with whether it carries a letter ("221B").
    static func read(_ t: ByteText, at start: Int) -> (end: Int, lettered: Bool)? {
        guard Byte.isDigit(t[start]) else { return nil }
        var index = digitsEnd(t, start, max: 5)
        guard index > start, index - start <= 5, !Byte.isDigit(t[index]) else { return nil }
        var lettered = false
        if Byte.isAlpha(t[index]), !Byte.isAlnum(t[index + 1]) {
            index += 1
            lettered = true
        } else if t[index] == Byte.slash, Byte.isDigit(t[index + 1]) {
            // Australian unit/house "3/15 Smith St".
            let houseEnd = digitsEnd(t, index + 1, max: 5)
            guard houseEnd - index <= 5, !Byte.isDigit(t[houseEnd]) else { return nil }
            index = houseEnd
            lettered = true
        }
        if t[index] == Byte.dash, Byte.isDigit(t[index + 1]) {
            let rangeEnd = digitsEnd(t, index + 1, max: 5)
            guard !Byte.isDigit(t[rangeEnd]) else { return nil }
            index = rangeEnd
            if Byte.isAlpha(t[index]), !Byte.isAlnum(t[index + 1]) { index += 1 }
        }
        guard !Byte.isAlnum(t[index]) else { return nil }
        return (index, lettered)
    }

    private static func digitsEnd(_ t: ByteText, _ start: Int, max: Int) -> Int {
        var index = start
        while Byte.isDigit(t[index]), index - start <= max { index += 1 }
        return index
    }
}
