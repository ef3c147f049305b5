import SeededRandom
import Testing

@testable import Seeding

/// The seeder's own draws on the shared generator (internal to Seeding).
@Suite("Seeder draws")
struct SeederDrawTests {
    @Test func boundedDrawsStayInRangeAndCoverIt() {
        var rng = SplitMix64(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<10_000 {
            let value = rng.below(7)
            #expect((0..<7).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 7)
        #expect((0..<1_000).allSatisfy { _ in (0..<1).contains(rng.unit()) })
    }
}
