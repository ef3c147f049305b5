import Foundation
import Testing

/// `concierge analytics clv` end to end: the binary `swift test` built beside the test bundle, run on files.
@Suite("concierge analytics clv, the built binary")
struct CustomerValueCommandTests {
    typealias Run = BuiltConcierge.Run

    static func run(_ arguments: [String]) throws -> Run {
        try BuiltConcierge.run(["analytics", "clv"] + arguments)
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("clv-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("the CDNOW sample as CSV: exit 0, the published fit, byte-identical JSON on a rerun")
    func runsOnCDNOW() throws {
        let path = try Self.file(try CustomerValueTests.sampleCSV())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let arguments = ["--transactions", path, "--calibration-end", "1997-09-30", "--json"]
        let first = try Self.run(arguments)
        let second = try Self.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("{\n  \"bgnbd\": {\"r\": 0.24"))
        let text = try Self.run(["--transactions", path, "--calibration-end", "1997-09-30",
            "--observation-end", "1998-06-30"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("holdout 1997-10-01…1998-06-30 (39.00 weeks): 1882 repeat purchases"))
    }

    @Test("a bad line: exit 1, the file and line on standard error, nothing on standard output")
    func badLine() throws {
        let path = try Self.file("customer_id,date,amount\n1,2024-01-01,5\n1,2024-02-01,-5\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.run(["--transactions", path, "--calibration-end", "2024-03-31"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("\(path): line 3: negative amount -5"))
    }

    @Test("one customer only: refused with the reason, exit 1")
    func oneCustomer() throws {
        let path = try Self.file("customer_id,date,amount\n1,2024-01-01,5\n1,2024-02-01,5\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.run(["--transactions", path, "--calibration-end", "2024-03-31"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("refused: too few repeat customers: 1 of 1 customers bought again"))
    }

    @Test("a bad date option or a missing file: non-zero exit and a message")
    func badOptions() throws {
        let badDate = try Self.run(["--transactions", "/nonexistent.csv", "--calibration-end", "30/09/1997"])
        #expect(badDate.status != 0)
        #expect(badDate.stderr.contains("--calibration-end must be a calendar date YYYY-MM-DD"))
        let missing = try Self.run(["--transactions", "/nonexistent.csv", "--calibration-end", "1997-09-30"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "cannot read /nonexistent.csv\n")
    }
}
