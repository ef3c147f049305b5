/// The one legacy encoding the HTML converter reads besides UTF-8: Windows-1252, which is what browsers decode a
/// page declaring `charset=iso-8859-1` (or `latin1`, `us-ascii`, `windows-1252`…) with. Old policy pages saved
/// from office software often are. Any other declared encoding stays an error that says to save as UTF-8.
enum HTMLCharset {
    /// Labels browsers decode as Windows-1252 (WHATWG Encoding Standard), lower-cased.
    static let windows1252Labels: Set<String> = [
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100",
        "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252",
        "x-cp1252",
    ]

    /// The Unicode scalars of bytes 0x80…0x9F in Windows-1252 (the rest is Latin-1: byte value = code point).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D,
        0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A,
        0x153, 0x9D, 0x17E, 0x178,
    ]

    /// How far into the page a `charset=` declaration is looked for, as browsers' pre-scan does.
    private static let prescanLength = 1_024

    /// The lower-cased value of the first `charset=` in the page's first kilobyte, if any.
    static func declared(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(prescanLength).map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }
        let key = Array("charset".utf8)
        guard head.count > key.count else { return nil }
        for start in 0...(head.count - key.count) where head[start..<start + key.count].elementsEqual(key) {
            var index = start + key.count
            while index < head.count, HTMLTokenizer.isSpace(head[index]) { index += 1 }
            guard index < head.count, head[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < head.count,
                HTMLTokenizer.isSpace(head[index]) || head[index] == UInt8(ascii: "\"")
                    || head[index] == UInt8(ascii: "'")
            {
                index += 1
            }
            let value = head[index...].prefix { byte in
                (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || "-_.:".utf8.contains(byte)
            }
            return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
        }
        return nil
    }

    /// `bytes` decoded as Windows-1252 and encoded as UTF-8.
    static func utf8(fromWindows1252 bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            output.append(contentsOf: Array(String(Character(Unicode.Scalar(value) ?? "\u{FFFD}")).utf8))
        }
        return output
    }
}
