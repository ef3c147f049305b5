/// The two-letter prefixes of every word that can open an address, so the scanner can skip the rest cheaply.
enum AddressOpeners {
    /// Bit `n` of entry `i` says letter `i` may be followed by letter `n` (26 = ".", 27 = " ").
    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 26)
        let words =
            Lexicon.unitDesignatorWords + Lexicon.frenchStreetTypeWords + MilitaryAddress.openers
            + ["po", "p.", "post", "h.", "h "]
        for word in words {
            let bytes = Array(word.utf8)
            guard bytes.count >= 2, Byte.isLower(bytes[0]) else { continue }
            table[Int(bytes[0] - 0x61)] |= 1 << bit(bytes[1])
        }
        return table
    }()

    private static func bit(_ byte: UInt8) -> UInt32 {
        if Byte.isLower(byte) { return UInt32(byte - 0x61) }
        return byte == Byte.dot ? 26 : byte == Byte.space ? 27 : 28
    }

    /// Whether a word starting with `first`, `second` (lower-cased) may open an address.
    static func mayOpen(_ first: UInt8, _ second: UInt8) -> Bool {
        guard Byte.isLower(first) else { return false }
        return table[Int(first - 0x61)] & (1 << bit(second)) != 0
    }
}
