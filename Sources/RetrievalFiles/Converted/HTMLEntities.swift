/// Decodes HTML character references in text: numeric (`&#38;`, `&#x26;`) and the named ones policy pages use
/// (`&amp;`, `&nbsp;`, typographic quotes and dashes, currency, and every Latin-1 letter such as `&eacute;`).
///
/// An unknown or malformed reference stays as written. Numeric references to nothing printable (0, surrogates,
/// beyond U+10FFFF) become U+FFFD; a soft hyphen (`&shy;`) disappears; `&nbsp;` becomes a plain space.
enum HTMLEntities {
    /// Longest name or number looked at after `&`: keeps decoding linear on `&&&&…` or `&#999999…`.
    private static let maximumReferenceLength = 32

    /// Appends the decoded text of `bytes[range]` to `output`.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>, into output: inout [UInt8]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&"),
                let (scalar, length) = reference(in: bytes, at: index, end: range.upperBound)
            else {
                output.append(byte)
                index += 1
                continue
            }
            index += length
            switch scalar.value {
            case 0xAD: break  // soft hyphen
            case 0xA0: output.append(UInt8(ascii: " "))
            default: output.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
        }
    }

    /// The decoded text of `bytes[range]` as a string.
    static func decodedString(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        decode(bytes, range, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The scalar a reference starting at `start` (an `&`) stands for, and the bytes it takes.
    private static func reference(in bytes: [UInt8], at start: Int, end: Int) -> (Unicode.Scalar, Int)? {
        let limit = min(end, start + 1 + maximumReferenceLength)
        var index = start + 1
        if index < limit && bytes[index] == UInt8(ascii: "#") {
            index += 1
            var radix = 10
            if index < limit && (bytes[index] | 0x20) == UInt8(ascii: "x") {
                radix = 16
                index += 1
            }
            let digitsStart = index
            var value = 0
            while index < limit, let digit = digitValue(bytes[index], radix: radix) {
                value = min(value * radix + digit, 0x11_0000)  // saturate: no overflow on long digit runs
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < end && bytes[index] == UInt8(ascii: ";") { index += 1 }  // optional, as browsers allow
            let scalar = value == 0 ? nil : Unicode.Scalar(UInt32(value))
            return (scalar ?? "\u{FFFD}", index - start)
        }
        let nameStart = index
        while index < limit && isAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart, index < end, bytes[index] == UInt8(ascii: ";"),
            let scalar = named[String(decoding: bytes[nameStart..<index], as: UTF8.self)]
        else { return nil }
        return (scalar, index + 1 - start)
    }

    private static func digitValue(_ byte: UInt8, radix: Int) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Named references: the XML five, typography and symbols, then Latin-1 (U+00A0…U+00FF) in code-point order.
    static let named: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
            "ndash": "\u{2013}", "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
            "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bdquo": "\u{201E}",
            "hellip": "\u{2026}", "bull": "\u{2022}", "prime": "\u{2032}", "euro": "\u{20AC}",
            "trade": "\u{2122}", "larr": "\u{2190}", "rarr": "\u{2192}", "minus": "\u{2212}",
            "le": "\u{2264}", "ge": "\u{2265}", "ne": "\u{2260}", "thinsp": "\u{2009}", "ensp": "\u{2002}",
            "emsp": "\u{2003}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}",
            "dagger": "\u{2020}", "Dagger": "\u{2021}", "permil": "\u{2030}", "OElig": "\u{0152}",
            "oelig": "\u{0153}", "Scaron": "\u{0160}", "scaron": "\u{0161}", "Yuml": "\u{0178}",
            "circ": "\u{02C6}", "tilde": "\u{02DC}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}",
        ]
        let latin1 = """
            nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
            acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde \
            Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute \
            Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde \
            auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute \
            ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
            """
        for (offset, name) in latin1.split(separator: " ").enumerated() {
            table[String(name)] = Unicode.Scalar(UInt32(0xA0 + offset))
        }
        return table
    }()
}
