import ConciergeCore
import Foundation
import GRDB

/// What the model cost (`ModelUsageStore`): one row per (day, model, purpose, currency).
extension SQLiteConciergeStore {
    /// One upsert statement under SQLite's write lock: concurrent additions queue up and none is lost.
    public func addModelUsage(_ delta: ModelUsageRecord) async throws {
        guard [delta.day, delta.model, delta.purpose, delta.currency].allSatisfy(SQLText.isBindable) else {
            throw StoreError.unstorableText(collection: .modelUsage)
        }
        try await database.mappedWrite { db in
            try db.execute(sql: """
                INSERT INTO model_usage
                    (day, model, purpose, currency, calls, promptTokens, completionTokens, costNanos)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (day, model, purpose, currency) DO UPDATE SET
                    calls = calls + excluded.calls,
                    promptTokens = promptTokens + excluded.promptTokens,
                    completionTokens = completionTokens + excluded.completionTokens,
                    costNanos = costNanos + excluded.costNanos
                """, arguments: [delta.day, delta.model, delta.purpose, delta.currency, delta.calls,
                                 delta.promptTokens, delta.completionTokens, delta.costNanos])
        }
    }

    public func modelUsage(from: String, through: String) async throws -> [ModelUsageRecord] {
        guard SQLText.isBindable(from), SQLText.isBindable(through) else { return [] }
        return try await database.mappedRead { db in
            try Row.fetchAll(db, sql: """
                SELECT day, model, purpose, currency, calls, promptTokens, completionTokens, costNanos
                FROM model_usage WHERE day >= ? AND day <= ?
                ORDER BY day DESC, model, purpose, currency
                """, arguments: [from, through]).map {
                ModelUsageRecord(day: $0["day"], model: $0["model"], purpose: $0["purpose"], currency: $0["currency"],
                                 calls: $0["calls"], promptTokens: $0["promptTokens"],
                                 completionTokens: $0["completionTokens"], costNanos: $0["costNanos"])
            }
        }
    }
}
