import ConciergeCore
import Foundation

/// What the model cost (`ModelUsageStore`): one document per (day, model, purpose, currency), `_id` that key.
extension MongoConciergeStore {
    /// One `findAndModify` upsert with `$inc`, atomic on the server. Two upserts racing to create the same new
    /// `_id` can make one fail with a duplicate key; the retry then finds the document and increments it.
    public func addModelUsage(_ delta: ModelUsageRecord) async throws {
        let query: BSONFields = ["_id": delta.documentID]
        let update: BSONFields = [
            "$inc": ["calls": .int(delta.calls), "promptTokens": .int(delta.promptTokens),
                     "completionTokens": .int(delta.completionTokens), "costNanos": .int64(delta.costNanos)],
            "$setOnInsert": ["day": .string(delta.day), "model": .string(delta.model),
                             "purpose": .string(delta.purpose), "currency": .string(delta.currency)],
        ]
        _ = try await run("addModelUsage", .modelUsage) { connection in
            do {
                return try connection.findAndModify(.modelUsage, query, upserting: update)
            } catch let failure as MongoFailure where failure.isDuplicateKey {
                return try connection.findAndModify(.modelUsage, query, upserting: update)
            }
        }
    }

    public func modelUsage(from: String, through: String) async throws -> [ModelUsageRecord] {
        let filter: BSONFields = ["day": ["$gte": .string(from), "$lte": .string(through)]]
        let order = FindOptions(sort: ["day": -1, "model": 1, "purpose": 1, "currency": 1])
        return try await findAll(ModelUsageRecord.self, filter, order, "modelUsage")
    }
}
