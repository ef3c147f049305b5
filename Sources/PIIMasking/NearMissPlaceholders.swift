/// Puts placeholders a model mangled back into the one form the output guard and un-masking read, `<TYPE_N>`.
///
/// A small model copies `<ORDER_ID_1>` as `ORDER_ID_1`, `<Order_ID_1>`, `[ORDER_ID_1]` or `<order_id_1>` (seen with
/// SmolLM2-135M, see STACK-NOTES). None of these is a placeholder to `OutputGuard` or `MaskingSession.unmask`, so
/// without this step the shopper would read the bare token. Canonicalised first, each is judged like any placeholder:
/// this conversation's is un-masked to the shopper's own value, any other is removed by the guard (and the answer
/// regenerated, then replaced by the deterministic one).
///
/// Only our own type names count (`EMAIL`, `ORDER_ID`...), in any letter case, with `_` and a number `1`–`999999`,
/// optionally inside `<>`, `[]` or `{}`; the token must stand alone (not inside a word, an e-mail address, a path or
/// a hyphenated name), so `card_1@example.com` stays an e-mail address for the guard to judge.
public enum NearMissPlaceholders {
    /// `text` with every near-miss placeholder rewritten as `<TYPE_N>`, and how many were rewritten.
    public static func canonicalize(_ text: String) -> (text: String, repaired: Int) {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var copied = 0
        var repaired = 0
        var index = 0
        while index < bytes.count {
            guard isLetter(bytes[index]), index == 0 || !isGlued(bytes[index - 1]),
                let found = token(in: bytes, at: index)
            else {
                index += 1
                continue
            }
            let closer = index > 0 ? opening(bytes[index - 1]) : nil
            let next: UInt8? = found.end < bytes.count ? bytes[found.end] : nil
            // A lone closing bracket ("ORDER_ID_1>") is part of the mangled token too.
            let closes = next.map { next in closer.map { $0 == next } ?? closers.contains(next) } ?? false
            let start = closer != nil ? index - 1 : index
            let end = closes ? found.end + 1 : found.end
            let canonical = Array(("<" + found.type.rawValue + "_" + String(found.number) + ">").utf8)
            if Array(bytes[start..<end]) != canonical {
                output.append(contentsOf: bytes[copied..<start])
                output.append(contentsOf: canonical)
                copied = end
                repaired += 1
            }
            index = end
        }
        guard repaired > 0 else { return (text, 0) }
        output.append(contentsOf: bytes[copied...])
        return (String(decoding: output, as: UTF8.self), repaired)
    }

    /// A type name, `_` and a number starting at `start`, ending where a word would end.
    private static func token(in bytes: [UInt8], at start: Int) -> (type: PIIType, number: Int, end: Int)? {
        // Longest name first, so no shorter name can claim the start of a longer one.
        for type in typesLongestFirst {
            let name = Array(type.rawValue.utf8)
            let underscore = start + name.count
            guard underscore < bytes.count, bytes[underscore] == UInt8(ascii: "_"),
                zip(bytes[start..<underscore], name).allSatisfy({ upper($0) == $1 })
            else { continue }
            var end = underscore + 1
            var number = 0
            while end < bytes.count, isDigit(bytes[end]), end - underscore <= 6 {
                number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            guard end > underscore + 1, bytes[underscore + 1] != UInt8(ascii: "0"), !continuesWord(bytes, at: end)
            else { return nil }
            return (type, number, end)
        }
        return nil
    }

    private static let closers: [UInt8] = [UInt8(ascii: ">"), UInt8(ascii: "]"), UInt8(ascii: "}")]
    private static let typesLongestFirst = PIIType.allCases.sorted { $0.rawValue.count > $1.rawValue.count }

    /// The closing bracket for an opening one that may wrap a placeholder.
    private static func opening(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "<"): UInt8(ascii: ">")
        case UInt8(ascii: "["): UInt8(ascii: "]")
        case UInt8(ascii: "{"): UInt8(ascii: "}")
        default: nil
        }
    }

    /// A byte before the token that makes it part of something else (a word, an address, a path).
    private static func isGlued(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte >= 0x80 || "_@.-/".utf8.contains(byte)
    }

    /// Whether the token at `end` runs on into a longer word, number, address or hyphenated name.
    private static func continuesWord(_ bytes: [UInt8], at end: Int) -> Bool {
        guard end < bytes.count else { return false }
        let byte = bytes[end]
        if isLetter(byte) || isDigit(byte) || byte >= 0x80 || "_@-".utf8.contains(byte) { return true }
        // "ORDER_ID_1." ends a sentence; "name_1.smith" or "name_1.example" does not.
        return byte == UInt8(ascii: ".") && end + 1 < bytes.count && (isLetter(bytes[end + 1]) || isDigit(bytes[end + 1]))
    }

    private static func isLetter(_ byte: UInt8) -> Bool { upper(byte) >= 0x41 && upper(byte) <= 0x5A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
}
