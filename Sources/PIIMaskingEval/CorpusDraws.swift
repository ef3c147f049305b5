import SeededRandom

/// The corpus generator's draws. Bounded integers use multiply-shift on the top 32 bits (bias below 2⁻³² for our
/// bounds), not the seeder's Lemire method: the corpus of a given seed, and so every figure measured on it, is
/// fixed by this recipe. Public for the property tests, which draw their random texts the same way.
extension SplitMix64 {
    /// A uniform integer in `0..<bound`.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(((next() >> 32) &* UInt64(bound)) >> 32)
    }

    /// A uniform integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A uniformly chosen element.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// `count` random decimal digits as a string.
    public mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(below(10))) })
    }
}
