import SeededRandom
import Testing

@Suite("SplitMix64")
struct SplitMix64Tests {
    /// Reference outputs of Vigna's splitmix64.c for seed 1234567.
    @Test func matchesTheReferenceImplementation() {
        var rng = SplitMix64(seed: 1_234_567)
        #expect((0..<5).map { _ in rng.next() } == [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ])
    }

    @Test func forksAreIndependentOfLaterDraws() {
        let root = SplitMix64(seed: 42)
        var a = root.fork("users")
        var b = root.fork("users")
        var c = root.fork("stores")
        #expect(a.next() == b.next())
        #expect(a.next() != c.next())
    }
}
