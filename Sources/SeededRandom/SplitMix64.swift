/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, seedable generator. Same seed, same sequence, on every
/// platform and Swift version, which `SystemRandomNumberGenerator` and the standard library's
/// `random(in:using:)` algorithms do not promise. Every seeded draw of the package comes from this one type:
/// the demo data, the masking corpus, the synthetic benchmark corpora and the tests that pin a sequence.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent stream for a named purpose, so adding draws in one part of a generator does not shift
    /// every value generated after it. Lives here because it reads the private state.
    public func fork(_ label: String) -> SplitMix64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a over the label, mixed with our state.
        for byte in label.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var copy = SplitMix64(seed: state ^ hash)
        _ = copy.next()
        return copy
    }
}

// Only the draws every user computes the same way live here. Bounded integers do not: the seeder uses Lemire's
// unbiased method and the masking corpus an older multiply-shift, and each recipe is part of the output its
// seeds are pinned to (export bytes, corpus figures), so each stays with its user.
extension SplitMix64 {
    /// Uniform in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool { unit() < probability }
}
