/// Case-insensitive 64-bit FNV-1a hashes of words, used to look words up in the lexicons without allocating.
///
/// A lookup builds no `String`: the scanner hashes the bytes it already has. ASCII letters and the Latin-1
/// accented capitals ("É", "Ö", "È", two-byte UTF-8 `C3 80`…`C3 9E`) fold to lower case, so "LEFÈVRE" and
/// "Lefèvre" hash alike. With a few hundred words per set a 64-bit collision is not a practical concern.
enum WordHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Hash of `t[start..<end]`, case-folded.
    static func of(_ t: ByteText, _ start: Int, _ end: Int) -> UInt64 {
        var hash = offset
        var previous: UInt8 = 0
        var index = start
        while index < end {
            let byte = fold(t[index], after: previous)
            hash = (hash ^ UInt64(byte)) &* prime
            previous = t[index]
            index += 1
        }
        return hash
    }

    /// Hash of a lexicon word; agrees with `of(_:_:_:)` on the same bytes.
    static func of(_ word: String) -> UInt64 {
        var hash = offset
        var previous: UInt8 = 0
        for byte in word.utf8 {
            hash = (hash ^ UInt64(fold(byte, after: previous))) &* prime
            previous = byte
        }
        return hash
    }

    /// Lower-cases ASCII letters and the continuation byte of a Latin-1 capital (`C3 80`…`C3 9E`, not `×`).
    @inline(__always)
    static func fold(_ byte: UInt8, after previous: UInt8) -> UInt8 {
        if previous == 0xC3, byte >= 0x80, byte <= 0x9E, byte != 0x97 { return byte + 0x20 }
        return Byte.lower(byte)
    }

    static func set(_ words: [String]) -> WordSet {
        WordSet(words.map { of($0) })
    }
}

/// An immutable set of word hashes: open addressing on the FNV value itself.
///
/// `Set<UInt64>` would re-hash every key with a per-process seeded SipHash; these keys are already uniform
/// 64-bit hashes, so a masked index and a linear probe are enough. The table lives in memory that is written
/// once and never freed (the sets are process-wide constants), so a lookup touches no reference count.
struct WordSet: @unchecked Sendable {
    // @unchecked: `slots` is written only in `init` and never mutated or freed afterwards.
    private let slots: UnsafePointer<UInt64>
    private let mask: Int

    init(_ hashes: [UInt64]) {
        var capacity = 8
        while capacity < hashes.count * 2 { capacity <<= 1 }
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        table.initialize(repeating: 0, count: capacity)
        for hash in hashes {
            let key = hash == 0 ? 1 : hash
            var index = Int(truncatingIfNeeded: key >> 17) & (capacity - 1)
            while table[index] != 0 && table[index] != key { index = (index + 1) & (capacity - 1) }
            table[index] = key
        }
        slots = UnsafePointer(table)
        mask = capacity - 1
    }

    @inline(__always)
    func contains(_ hash: UInt64) -> Bool {
        let key = hash == 0 ? 1 : hash
        var index = Int(truncatingIfNeeded: key >> 17) & mask
        while true {
            let slot = slots[index]
            if slot == key { return true }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }
}
