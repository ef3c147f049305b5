import Foundation
import Testing

/// `concierge analytics features` end to end: the built binary seeds a scratch SQLite store, then reads it.
@Suite("concierge analytics features, the built binary")
struct CustomerFeaturesCommandTests {
    typealias Run = BuiltConcierge.Run

    /// On a scratch SQLite store, the embedded model off, the development pseudonym key.
    static func run(_ arguments: [String], database: String) throws -> Run {
        try BuiltConcierge.run(arguments, environment: [
            "CONCIERGE_DB": database, "MONGODB_URI": nil, "ANALYTICS_PSEUDONYM_KEY": nil, "EMBEDDING_MODEL_DIR": "off",
            "SEEDS_DIR": BuiltConcierge.seeds,
        ])
    }

    @Test("a seeded store: byte-identical JSON twice, counts sum to the customers, no e-mail or user id in it")
    func seededStore() throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("features-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: database) }
        let seeded = try Self.run(["seed", "--users", "40", "--as-of", "2026-12-01"], database: database)
        try #require(seeded.status == 0, "\(seeded.stderr)")
        let arguments = ["analytics", "features", "--as-of", "2026-12-01", "--json"]
        let first = try Self.run(arguments, database: database)
        let second = try Self.run(arguments, database: database)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stderr.contains("development key"))
        #expect(!first.stdout.contains("@") && !first.stdout.contains("usr_"))
        struct Output: Decodable {
            var counts: [String: Int]
            var rows: [Row]
            struct Row: Decodable { var segment: String }
        }
        let output = try JSONDecoder().decode(Output.self, from: Data(first.stdout.utf8))
        #expect(output.rows.count >= 40)
        #expect(output.counts.values.reduce(0, +) == output.rows.count)
        let text = try Self.run(["analytics", "features", "--as-of", "2026-12-01"], database: database)
        #expect(text.status == 0 && text.stdout.contains("high-value-active"))
    }

    @Test("a bad as-of date is refused before the store is opened")
    func badDate() throws {
        let run = try Self.run(["analytics", "features", "--as-of", "2026-13-01"], database: "/nonexistent/x.sqlite")
        #expect(run.status != 0)
        #expect(run.stderr.contains("--as-of must be a calendar date"))
        #expect(run.stdout.isEmpty)
    }
}
