import Foundation
import Testing

/// `concierge analytics segments` end to end: the built binary seeds a scratch SQLite store, then reads it.
@Suite("concierge analytics segments, the built binary")
struct SegmentSnapshotsCommandTests {
    @Test("a seeded store: byte-identical JSON twice, every segment listed, the features' counts, no e-mail")
    func seededStore() throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("segments-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: database) }
        let run = CustomerFeaturesCommandTests.run
        let seeded = try run(["seed", "--users", "40", "--as-of", "2026-12-01"], database)
        try #require(seeded.status == 0, "\(seeded.stderr)")
        let arguments = ["analytics", "segments", "--as-of", "2026-12-01", "--json"]
        let first = try run(arguments, database)
        let second = try run(arguments, database)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.contains("@") && !first.stdout.contains("usr_") && !first.stdout.contains("NaN"))
        struct Output: Decodable {
            var asOf: String
            var snapshots: [Snapshot]
            var valueModel: Model
            struct Snapshot: Decodable {
                var id: String
                var metrics: [Metric]
            }
            struct Metric: Decodable {
                var key: String
                var value: Double
            }
            struct Model: Decodable { var purchasers: Int }
        }
        let output = try JSONDecoder().decode(Output.self, from: Data(first.stdout.utf8))
        #expect(output.asOf == "2026-12-01" && output.snapshots.count == 17)
        #expect(output.snapshots.first?.id == "all-customers")
        func customers(_ id: String) -> Double? {
            output.snapshots.first { $0.id == id }?.metrics.first { $0.key == "customers" }?.value
        }
        let features = try run(["analytics", "features", "--as-of", "2026-12-01", "--json"], database)
        struct Counts: Decodable { var counts: [String: Int] }
        let counts = try JSONDecoder().decode(Counts.self, from: Data(features.stdout.utf8)).counts
        for (segment, count) in counts {
            #expect(customers(segment) == Double(count), "\(segment)")
        }
        #expect(output.valueModel.purchasers > 0)
        let text = try run(["analytics", "segments", "--as-of", "2026-12-01"], database)
        #expect(text.status == 0 && text.stdout.contains("rfm-cant-lose-them") && text.stdout.contains("BG/NBD"))
    }
}
