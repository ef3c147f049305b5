extension JSONParser {
    /// Parses a string literal at `index` (which holds the opening quote), decoding escapes and surrogate pairs.
    mutating func parseString() throws(JSONError) -> String {
        index += 1
        var output: [UInt8] = []
        var runStart = index
        while true {
            guard index < end else { throw JSONError("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                output.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: output, as: UTF8.self)
            }
            if byte < 0x20 { throw JSONError("control character in string") }
            if byte == UInt8(ascii: "\\") {
                output.append(contentsOf: bytes[runStart..<index])
                index += 1
                try appendEscape(into: &output)
                runStart = index
            } else {
                index += 1
            }
        }
    }

    private mutating func appendEscape(into output: inout [UInt8]) throws(JSONError) {
        guard index < end else { throw JSONError("unterminated escape") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"): output.append(contentsOf: try unicodeEscape())
        default: throw JSONError("invalid escape")
        }
    }

    /// `\uXXXX`, joining a surrogate pair when one follows; a lone surrogate becomes U+FFFD.
    private mutating func unicodeEscape() throws(JSONError) -> [UInt8] {
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar), index + 1 < end, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            let save = index
            index += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
                index = save
            }
        }
        let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        return Array(String(Character(value)).utf8)
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        guard index + 4 <= end else { throw JSONError("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index] | 0x20
            let digit: UInt32
            if byte &- 0x30 < 10 {
                digit = UInt32(byte - 0x30)
            } else if byte &- 0x61 < 6 {
                digit = UInt32(byte - 0x61 + 10)
            } else {
                throw JSONError("invalid \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
