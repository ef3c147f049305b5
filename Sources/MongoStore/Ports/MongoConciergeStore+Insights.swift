import ConciergeCore
import Foundation

/// Versioned insights (`InsightStore`): one document per (segment, version), `_id: {segmentID, version}`.
extension MongoConciergeStore {
    /// How many times an append reads the highest version and tries the next one before giving up. Each round
    /// some concurrent append succeeds, so this bounds the number of appends racing for one segment, not the
    /// number of versions.
    static let insightAppendRounds = 64

    /// Optimistic: read the highest version, insert the next; when a concurrent append took that version first
    /// the `_id` (and the unique index) refuse the insert, and the round starts again from the new highest. Only a
    /// plain `find` and `insert` are used, which the wire-protocol test peer runs like a server (no transaction).
    public func appendInsight(segmentID: String, createdAt: Date, payload: @escaping @Sendable (Int) throws -> String)
        async throws -> InsightRecord
    {
        let newestFirst = FindOptions(sort: ["version": -1], limit: 1)
        let ofSegment: BSONFields = ["segmentID": .string(segmentID)]
        return try await run("appendInsight", .insights) { connection in
            for _ in 0..<Self.insightAppendRounds {
                let newest = try connection.find(.insights, ofSegment, newestFirst)
                let highest = try MongoDecoding.decodeAll(InsightRecord.self, from: newest, in: .insights)
                    .first?.version ?? 0
                let record = InsightRecord(segmentID: segmentID, version: highest + 1, createdAt: createdAt,
                                           payload: try payload(highest + 1))
                do {
                    try connection.insertOne(.insights, EncodedRecord(record))
                    return record
                } catch let failure as MongoFailure where failure.isDuplicateKey {
                    continue
                }
            }
            throw StoreError.unavailable("appendInsight: versions kept changing")
        }
    }

    public func latestInsight(segmentID: String) async throws -> InsightRecord? {
        let newestFirst = FindOptions(sort: ["version": -1], limit: 1)
        return try await findAll(InsightRecord.self, ["segmentID": .string(segmentID)], newestFirst, "latestInsight")
            .first
    }

    public func insights(segmentID: String) async throws -> [InsightRecord] {
        try await findAll(InsightRecord.self, ["segmentID": .string(segmentID)], FindOptions(sort: ["version": -1]),
                          "insightVersions")
    }
}
