import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation

/// `concierge retention`: one retention sweep now (what `serve` does hourly), for cron or after changing the policy.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Expire old debug traces and delete old messages now (TRACE_RETENTION_DAYS, MESSAGE_RETENTION_DAYS).")

    func run() async throws {
        let configuration = try CommandSupport.configuration()
        let outcome = try await CommandSupport.withStore(configuration) { store in
            try await RetentionSweep(store: store, policy: configuration.retention).run(now: Date())
        }
        print("retention: \(outcome.tracesExpired) traces expired (older than \(configuration.retention.traceDays) days), "
            + "\(outcome.messagesDeleted) messages deleted (older than \(configuration.retention.messageDays) days)")
    }
}
