import ConciergeCore
import Foundation

/// Locations in the repository, found from this file so tests work from any working directory.
public enum RepositoryPaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var seeds: URL { root.appendingPathComponent("Seeds") }

    /// A fresh directory under the system's temporary directory.
    public static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("concierge-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A password hasher for tests that must not spend bcrypt time: reversible, obviously fake, never used in
/// production code.
public struct PlainTestHasher: PasswordHasher {
    public init() {}
    public func hash(_ password: String) async throws -> String { "test-hash:" + String(password.reversed()) }
    public func verify(_ password: String, against hash: String) async -> Bool {
        hash == "test-hash:" + String(password.reversed())
    }
}
