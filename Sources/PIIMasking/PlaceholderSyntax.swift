/// The placeholder grammar `<TYPE_N>`: TYPE is `[A-Z][A-Z_]*` (not ending in `_`), N is `[1-9][0-9]{0,5}`.
///
/// Any token of this shape is a placeholder to the masker (it is never re-masked, which makes masking
/// idempotent) and to the output guard (which removes the ones this conversation did not issue). The type may
/// be one the masker never issues (`<PERSON_1>`): a model can invent those, and the guard must catch them.
enum PlaceholderSyntax {
    static let maxBodyLength = 28

    /// A parsed placeholder: `start..<end` covers `<` to `>`, `typeEnd` is where the `_N` suffix begins.
    struct Token {
        var start: Int
        var end: Int
        var typeEnd: Int
        var number: Int
    }

    /// Parses a placeholder that opens at `start` (which must hold `<`).
    static func parse(_ t: ByteText, at start: Int) -> Token? {
        guard t[start] == Byte.lt, Byte.isUpper(t[start + 1]) else { return nil }
        var index = start + 1
        var lastUnderscore = -1
        while index - start <= maxBodyLength {
            let byte = t[index]
            if byte == Byte.underscore {
                lastUnderscore = index
            } else if byte == Byte.gt {
                break
            } else if !(Byte.isUpper(byte) || Byte.isDigit(byte)) {
                return nil
            }
            index += 1
        }
        guard t[index] == Byte.gt, lastUnderscore > start + 1, t[lastUnderscore - 1] != Byte.underscore else {
            return nil
        }
        return token(t, start: start, underscore: lastUnderscore, close: index)
    }

    private static func token(_ t: ByteText, start: Int, underscore: Int, close: Int) -> Token? {
        // Digits only after the last underscore, letters and underscores only before it.
        let digitsStart = underscore + 1
        guard close > digitsStart, close - digitsStart <= 6, t[digitsStart] != UInt8(ascii: "0") else { return nil }
        var number = 0
        for index in digitsStart..<close {
            guard Byte.isDigit(t[index]) else { return nil }
            number = number * 10 + Int(t[index] - 0x30)
        }
        for index in (start + 1)..<underscore where Byte.isDigit(t[index]) {
            return nil
        }
        return Token(start: start, end: close + 1, typeEnd: underscore, number: number)
    }

    /// Whether a placeholder ends exactly at `closeIndex` (which holds `>`).
    static func endsAt(_ t: ByteText, _ closeIndex: Int) -> Bool {
        guard t[closeIndex] == Byte.gt else { return false }
        var index = closeIndex - 1
        while closeIndex - index <= maxBodyLength + 1, index >= 0 {
            let byte = t[index]
            if byte == Byte.lt { return parse(t, at: index)?.end == closeIndex + 1 }
            guard Byte.isUpper(byte) || Byte.isDigit(byte) || byte == Byte.underscore else { return false }
            index -= 1
        }
        return false
    }

    /// The placeholder text for a type and number.
    static func format(_ type: PIIType, _ number: Int) -> String {
        if number < cachedNumbers { return cache[type.ordinal * cachedNumbers + number] }
        return "<" + type.rawValue + "_" + String(number) + ">"
    }

    /// The first placeholders of every type, built once: formatting an Int is surprisingly costly per message.
    private static let cachedNumbers = 64
    private static let cache: [String] = PIIType.allCases.flatMap { type in
        (0..<cachedNumbers).map { "<" + type.rawValue + "_" + String($0) + ">" }
    }
}
