import Foundation

/// The fixtures beside these tests and scratch directories for them.
enum FixtureFiles {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    static func url(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }

    /// A new empty directory under the system's temporary directory.
    static func scratchDirectory(_ label: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("retrieval-files-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A scratch directory holding copies of the named fixtures and the given extra files (name → contents).
    static func policyDirectory(_ label: String, fixtures: [String], extra: [String: Data] = [:]) throws -> URL {
        let directory = try scratchDirectory(label)
        for name in fixtures {
            try FileManager.default.copyItem(at: url(name), to: directory.appendingPathComponent(name))
        }
        for (name, contents) in extra {
            let file = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: file)
        }
        return directory
    }

    /// A shell script standing in for `pdftotext` (`Fixtures/fake-pdftotext/`). Committed rather than written by
    /// the tests: executing a file just written races with other tests' process spawns, which can briefly
    /// inherit its write descriptor, and exec then fails with ETXTBSY.
    static func fakeTool(_ name: String) -> URL {
        url("fake-pdftotext/\(name)")
    }
}
