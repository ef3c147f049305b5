import ConciergeCore
import Foundation
import Logging

/// Runs the retention sweep when the server starts and then every `interval` until cancelled (`serve` cancels it
/// when the web application stops). A failed pass is logged and retried at the next tick: a database that is down
/// for a moment must not stop the server, and nothing is lost by sweeping an hour later.
public struct RetentionScheduler: Sendable {
    let sweep: RetentionSweep
    let clock: any WallClock
    let interval: Duration
    let logger: Logger

    public init(store: any RetentionStore, policy: RetentionPolicy, clock: any WallClock = SystemWallClock(),
                interval: Duration = .seconds(3_600), logger: Logger = Logger(label: "concierge.retention")) {
        self.sweep = RetentionSweep(store: store, policy: policy)
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// Returns when the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            await runOnce()
            try? await Task.sleep(for: interval)
        }
    }

    /// One pass, logged with its counts (never message text).
    @discardableResult
    public func runOnce() async -> RetentionSweep.Outcome? {
        do {
            let outcome = try await sweep.run(now: clock.now())
            logger.info("retention sweep", metadata: [
                "traces.expired": "\(outcome.tracesExpired)", "messages.deleted": "\(outcome.messagesDeleted)",
            ])
            return outcome
        } catch {
            logger.warning("retention sweep failed", metadata: ["error.type": "\(type(of: error))"])
            return nil
        }
    }
}
