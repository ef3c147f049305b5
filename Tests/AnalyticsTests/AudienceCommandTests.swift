import Foundation
import Testing

/// `concierge analytics audience` end to end: the built binary seeds a scratch SQLite store, then ranks.
@Suite("concierge analytics audience, the built binary")
struct AudienceCommandTests {
    typealias Run = BuiltConcierge.Run

    static var model: String {
        URL(fileURLWithPath: BuiltConcierge.seeds).deletingLastPathComponent()
            .appendingPathComponent(".models/all-MiniLM-L6-v2").path
    }

    static func run(_ arguments: [String], database: String, model: String = Self.model) throws -> Run {
        try BuiltConcierge.run(arguments, environment: [
            "CONCIERGE_DB": database, "MONGODB_URI": nil, "ANALYTICS_PSEUDONYM_KEY": nil, "EMBEDDING_MODEL_DIR": model,
            "SEEDS_DIR": BuiltConcierge.seeds,
        ])
    }

    static func file(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("filter-\(UUID()).json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("ranked JSON twice byte-identical, pseudonyms only; a bad filter is refused before the model is needed")
    func seededStore() throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("audience-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: database) }
        let seeded = try Self.run(["seed", "--users", "40", "--as-of", "2026-12-01"], database: database)
        try #require(seeded.status == 0, "\(seeded.stderr)")
        let filter = try Self.file(#"{"all": [{"consent": "email"}, {"churnBand": ["active", "cooling"]}]}"#)
        let arguments = ["analytics", "audience", "--filter", filter, "--intent", "evening cold drinks",
                         "--as-of", "2026-12-01", "--limit", "5", "--json"]
        let first = try Self.run(arguments, database: database)
        let second = try Self.run(arguments, database: database)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.contains("@") && !first.stdout.contains("usr_"))
        struct Output: Decodable {
            var counts: [String: Int]
            var members: [Member]
            struct Member: Decodable { var customer: String; var topFacts: [String] }
        }
        let output = try JSONDecoder().decode(Output.self, from: Data(first.stdout.utf8))
        #expect(output.members.count == 5 && output.counts["returned"] == 5)
        #expect((output.counts["afterFilter"] ?? 0) < (output.counts["allCustomers"] ?? 0))

        let bad = try Self.file(#"{"all": [{"archetype": "loyal-high-spender"}]}"#)
        let refused = try Self.run(["analytics", "audience", "--filter", bad, "--intent", "x", "--as-of", "2026-12-01"],
                                   database: database, model: "off")
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains(#"clause 1: unknown field "archetype""#))
    }
}
