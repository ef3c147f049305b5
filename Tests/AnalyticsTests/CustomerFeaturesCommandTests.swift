import Foundation
import Testing

/// `concierge analytics features` end to end: the built binary seeds a scratch SQLite store, then reads it.
/// The children exit by themselves; they are never signalled (see STACK-NOTES on child processes from tests).
@Suite("concierge analytics features, the built binary")
struct CustomerFeaturesCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], database: String) throws -> Run {
        let directory = try #require(Bundle.main.executableURL).deletingLastPathComponent()
        let binary = directory.appendingPathComponent("concierge")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "swift test builds concierge")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("features-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CONCIERGE_DB"] = database
        environment["MONGODB_URI"] = nil
        environment["ANALYTICS_PSEUDONYM_KEY"] = nil
        environment["EMBEDDING_MODEL_DIR"] = "off"
        environment["SEEDS_DIR"] = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Seeds").path
        process.environment = environment
        process.currentDirectoryURL = scratch  // no `.env` of the developer's
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8))
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
