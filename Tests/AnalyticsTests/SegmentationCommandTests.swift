import Analytics
import Foundation
import Testing

/// `concierge analytics segmentation` end to end: the built binary seeds a scratch SQLite store, then reads it.
@Suite("concierge analytics segmentation, the built binary")
struct SegmentationCommandTests {
    @Test("a seeded store: byte-identical JSON twice, every cluster accepted or rejected with a reason, no e-mail")
    func seededStore() throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("segments-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: database) }
        let seeded = try CustomerFeaturesCommandTests.run(["seed", "--users", "60", "--as-of", "2026-12-01"],
                                                          database: database)
        try #require(seeded.status == 0, "\(seeded.stderr)")
        let arguments = ["analytics", "segmentation", "--as-of", "2026-12-01", "--k-min", "3", "--k-max", "5", "--json"]
        let first = try CustomerFeaturesCommandTests.run(arguments, database: database)
        let second = try CustomerFeaturesCommandTests.run(arguments, database: database)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.contains("@") && !first.stdout.contains("usr_"))
        let result = try JSONDecoder().decode(SegmentationResult.self, from: Data(first.stdout.utf8))
        #expect((3...5).contains(result.chosenK) && result.perK.map(\.k) == [3, 4, 5])
        #expect(result.segments.count == result.chosenK)
        #expect(result.segments.allSatisfy { $0.accepted == $0.rejections.isEmpty })
        #expect(result.segments.map(\.customers).reduce(0, +) == result.customersClustered)
        let text = try CustomerFeaturesCommandTests.run(Array(arguments.dropLast()), database: database)
        #expect(text.status == 0 && text.stdout.contains("chosen k = \(result.chosenK)"))
    }

    @Test("k-min above k-max is refused with the option named")
    func badRange() throws {
        let run = try CustomerFeaturesCommandTests.run(
            ["analytics", "segmentation", "--as-of", "2026-12-01", "--k-min", "6", "--k-max", "4"],
            database: "/nonexistent/x.sqlite")
        #expect(run.status == 64 && run.stderr.contains("--k-min (6) must not exceed --k-max (4)"))
    }
}
