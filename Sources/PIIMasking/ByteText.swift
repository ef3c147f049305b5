/// A read-only view of UTF-8 bytes with reads that are safe past either end.
///
/// Every detector is a hand-written scanner over this view: no `Character` iteration, no regex engine. Reads
/// outside `0..<count` return 0 so parsers can peek ahead or behind without their own bounds checks; NUL is
/// not a word byte, so it behaves like the edge of the text.
struct ByteText {
    let base: UnsafePointer<UInt8>
    let count: Int

    @inline(__always)
    subscript(_ index: Int) -> UInt8 {
        (index >= 0 && index < count) ? base[index] : 0
    }

    /// Case-insensitive comparison of `self[start..<end]` with an ASCII word given in lower case.
    func equalsLower(_ start: Int, _ end: Int, _ lowerWord: StaticString) -> Bool {
        guard end - start == lowerWord.utf8CodeUnitCount else { return false }
        let word = lowerWord.utf8Start
        for offset in 0..<(end - start) where Byte.lower(self[start + offset]) != word[offset] {
            return false
        }
        return true
    }

    /// Case-sensitive comparison with an ASCII string (used for placeholder type names).
    func equals(_ start: Int, _ end: Int, ascii: String) -> Bool {
        guard end - start == ascii.utf8.count else { return false }
        var index = start
        for byte in ascii.utf8 {
            if self[index] != byte { return false }
            index += 1
        }
        return true
    }

    /// The bytes `start..<end` as a String (only for accepted spans, never in the scanning loop).
    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }
}

extension ByteText {
    /// Runs `body` over the UTF-8 bytes of `text`, copying only if the string is not contiguous (bridged).
    static func with<R>(_ text: String, _ body: (ByteText) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable({ buffer -> R in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return withUnsafePointer(to: UInt8(0)) { body(ByteText(base: $0, count: 0)) }
            }
            return body(ByteText(base: base, count: buffer.count))
        }) {
            return result
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return withUnsafePointer(to: UInt8(0)) { body(ByteText(base: $0, count: 0)) }
            }
            return body(ByteText(base: base, count: buffer.count))
        }
    }
}

/// Byte classification on ASCII; bytes ≥ 0x80 (UTF-8 lead and continuation bytes) are in no ASCII class.
enum Byte {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { isLower(b) ? b & 0xDF : b }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }
    /// Letters of any script: ASCII letters or any byte of a multi-byte UTF-8 sequence.
    @inline(__always) static func isWordLetter(_ b: UInt8) -> Bool { isAlpha(b) || b >= 0x80 }
    /// Bytes that may appear inside a name or street word: letters, digits, apostrophe, hyphen, non-ASCII.
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        isAlnum(b) || b >= 0x80 || b == UInt8(ascii: "'") || b == UInt8(ascii: "-")
    }

    static let space = UInt8(ascii: " ")
    static let dash = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let comma = UInt8(ascii: ",")
    static let slash = UInt8(ascii: "/")
    static let plus = UInt8(ascii: "+")
    static let colon = UInt8(ascii: ":")
    static let hash = UInt8(ascii: "#")
    static let at = UInt8(ascii: "@")
    static let lt = UInt8(ascii: "<")
    static let gt = UInt8(ascii: ">")
    static let lparen = UInt8(ascii: "(")
    static let rparen = UInt8(ascii: ")")
    static let underscore = UInt8(ascii: "_")
    static let apostrophe = UInt8(ascii: "'")
}
