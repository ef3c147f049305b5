import Foundation

/// How long conversations are kept. Storage limitation is a privacy promise (`Seeds/policies/privacy.md` says chat
/// messages are deleted after 90 days), and traces are the bulk of what a turn stores (~10 KB of the ~11 KB), so
/// they go first: the debug view is for recent turns.
public struct RetentionPolicy: Sendable, Hashable {
    /// Days a turn's debug trace is kept; then the message stays without it.
    public var traceDays: Int
    /// Days a message (as typed and as the model saw it) is kept; then it is deleted.
    public var messageDays: Int

    public init(traceDays: Int = 30, messageDays: Int = 90) {
        self.traceDays = traceDays
        self.messageDays = messageDays
    }
}

/// One pass of the retention rules over the store, for an explicit `now` (the scheduler passes the clock's time;
/// tests pass a fixed one). Idempotent: a second pass at the same time removes nothing.
public struct RetentionSweep: Sendable {
    public struct Outcome: Sendable, Hashable {
        public var tracesExpired: Int
        public var messagesDeleted: Int

        public init(tracesExpired: Int, messagesDeleted: Int) {
            self.tracesExpired = tracesExpired
            self.messagesDeleted = messagesDeleted
        }
    }

    let store: any RetentionStore
    let policy: RetentionPolicy

    public init(store: any RetentionStore, policy: RetentionPolicy) {
        self.store = store
        self.policy = policy
    }

    /// Deletes old messages first, so a trace is not rewritten just before its message goes.
    public func run(now: Date) async throws -> Outcome {
        let deleted = try await store.deleteMessages(createdBefore: Self.cutoff(now, days: policy.messageDays))
        let expired = try await store.expireTraces(createdBefore: Self.cutoff(now, days: policy.traceDays))
        return Outcome(tracesExpired: expired, messagesDeleted: deleted)
    }

    /// Exactly `days` × 24 h before `now`: a message created at the cutoff instant is kept.
    static func cutoff(_ now: Date, days: Int) -> Date { now.addingTimeInterval(-Double(days) * 86_400) }
}
