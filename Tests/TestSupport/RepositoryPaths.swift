import ConciergeCore
import Foundation

/// Locations in the repository, found from this file so tests work from any working directory.
public enum RepositoryPaths {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var seeds: URL { root.appendingPathComponent("Seeds") }

    /// A fresh directory inside this test process's scratch directory (`scratch`), removed when the process exits.
    public static func temporaryDirectory(_ label: String) throws -> URL {
        let url = scratch.appendingPathComponent("concierge-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `concierge-tests-<pid>` under the system's temporary directory: every test directory of this process lives in
    /// it, it is removed at exit, and directories left by test processes that no longer run (a crash, a kill) are
    /// swept when the next one starts. Without this, each run left about 2 GB behind and a shared disk filled up.
    public static let scratch: URL = {
        let base = FileManager.default.temporaryDirectory
        let pid = getpid()
        sweepAbandonedScratch(in: base, except: pid)
        let url = base.appendingPathComponent("concierge-tests-\(pid)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: RepositoryPaths.scratchAtExit) }
        return url
    }()

    /// The same URL for the exit handler, which may not touch the lazily initialised `scratch` again.
    private static let scratchAtExit = FileManager.default.temporaryDirectory
        .appendingPathComponent("concierge-tests-\(getpid())")

    private static func sweepAbandonedScratch(in base: URL, except own: Int32) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        for name in names where name.hasPrefix("concierge-tests-") {
            guard let pid = Int32(name.dropFirst("concierge-tests-".count)), pid != own else { continue }
            // A live process of that id (kill with signal 0 only checks) may be a concurrent test run: leave it.
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
        }
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
