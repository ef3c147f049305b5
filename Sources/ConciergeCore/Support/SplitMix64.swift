/// A tiny, fast, seedable generator (Steele, Lea & Flood 2014). Same seed, same sequence, on every platform,
/// which Swift's `SystemRandomNumberGenerator` cannot give: all synthetic data flows from one of these.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent stream for a named purpose, so adding draws in one part of the generator does not shift
    /// every value generated after it.
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
