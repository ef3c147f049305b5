/// Case-insensitive 64-bit FNV-1a hashes of words, used to look words up in the lexicons without allocating.
///
/// A lookup builds no `String`: the scanner hashes the bytes it already has. With a few hundred words per set a
/// 64-bit collision is not a practical concern.
enum WordHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Hash of `t[start..<end]`, ASCII letters folded to lower case.
    static func of(_ t: ByteText, _ start: Int, _ end: Int) -> UInt64 {
        var hash = offset
        var index = start
        while index < end {
            hash = (hash ^ UInt64(Byte.lower(t[index]))) &* prime
            index += 1
        }
        return hash
    }

    /// Hash of a lexicon word; must agree with `of(_:_:_:)` on the same bytes.
    static func of(_ word: String) -> UInt64 {
        var hash = offset
        for byte in word.utf8 {
            hash = (hash ^ UInt64(Byte.lower(byte))) &* prime
        }
        return hash
    }

    static func set(_ words: [String]) -> Set<UInt64> {
        Set(words.map { of($0) })
    }
}
