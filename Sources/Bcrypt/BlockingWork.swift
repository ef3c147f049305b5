import BlockingThreads
import Foundation

/// bcrypt is CPU-bound: one thread per core at most, so a burst of logins queues instead of oversubscribing the
/// machine, and never on Swift's cooperative pool, which the web server needs.
enum BlockingWork {
    private static let pool = BlockingThreadPool(
        label: "concierge.bcrypt", maxThreads: max(1, ProcessInfo.processInfo.activeProcessorCount))

    static func run<T: Sendable>(_ work: @Sendable @escaping () throws -> T) async throws -> T {
        try await pool.run(work)
    }
}
