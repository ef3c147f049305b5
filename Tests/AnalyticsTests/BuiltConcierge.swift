import Foundation
import Testing

/// The `concierge` binary `swift test` built beside the test bundle, run as a child process that exits by itself
/// (never signalled: see STACK-NOTES on child processes from tests). Output goes to files, not pipes: the JSON is
/// larger than a pipe's buffer, and nothing has to read while it runs. It runs in a scratch directory, so no `.env`
/// of the developer's is read.
enum BuiltConcierge {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `environment` is laid over the test process's own (a `nil` value removes the variable).
    static func run(_ arguments: [String], environment overrides: [String: String?] = [:]) throws -> Run {
        let directory = try #require(Bundle.main.executableURL).deletingLastPathComponent()
        let binary = directory.appendingPathComponent("concierge")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                     "no concierge binary at \(binary.path): `swift test` builds it; run `swift build` first")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("concierge-run-\(UUID().uuidString)")
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
        for (key, value) in overrides { environment[key] = value }
        process.environment = environment
        process.currentDirectoryURL = scratch
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// The repository's Seeds directory.
    static var seeds: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Seeds").path
    }
}
