import ConciergeCore
import Foundation

/// Sessions and daily usage. Expiry is decided by the `now` callers pass; the TTL indexes only collect
/// garbage (the server's TTL monitor runs about once a minute).
extension MongoConciergeStore {
    public func insertSession(_ session: Session) async throws {
        try await run("insertSession", .sessions) { try $0.insertOne(.sessions, EncodedRecord(session)) }
    }

    /// Valid while `now < expiresAt`.
    public func session(tokenHash: String, now: Date) async throws -> Session? {
        let filter: BSONFields = ["_id": .string(tokenHash), "expiresAt": ["$gt": .date(now)]]
        return try await findOne(Session.self, filter, "sessionByToken")
    }

    public func touchSession(tokenHash: String, lastSeenAt: Date, expiresAt: Date) async throws {
        let update: BSONFields = ["$set": ["lastSeenAt": .date(lastSeenAt), "expiresAt": .date(expiresAt)]]
        try await run("touchSession", .sessions) {
            _ = try $0.updateOne(.sessions, ["_id": .string(tokenHash)], update)
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await run("deleteSession", .sessions) {
            _ = try $0.delete(.sessions, ["_id": .string(tokenHash)], many: false)
        }
    }

    public func deleteSessions(userID: String) async throws {
        try await run("deleteSessionsOfUser", .sessions) { _ = try $0.delete(.sessions, ["userID": .string(userID)]) }
    }

    @discardableResult
    public func purgeExpiredSessions(now: Date) async throws -> Int {
        try await run("purgeExpiredSessions", .sessions) {
            try $0.delete(.sessions, ["expiresAt": ["$lte": .date(now)]])
        }
    }

    /// One atomic `findAndModify`: `$inc` the counter, upsert, return the new document. `$max` keeps the
    /// latest expiry when callers disagree. A duplicate-key error means another upsert of the same new
    /// counter won the race (servers before 4.2 do not retry that themselves): the retry then finds it.
    public func incrementUsage(userID: String, day: String, expiresAt: Date) async throws -> Int {
        let query: BSONFields = ["_id": DailyUsage.documentID(userID: userID, day: day)]
        let update: BSONFields = [
            "$inc": ["count": 1],
            "$max": ["expiresAt": .date(expiresAt)],
            "$setOnInsert": ["userID": .string(userID), "day": .string(day)],
        ]
        let reply = try await run("incrementUsage", .usage) { connection in
            do {
                return try connection.findAndModify(.usage, query, upserting: update)
            } catch let failure as MongoFailure where failure.isDuplicateKey {
                return try connection.findAndModify(.usage, query, upserting: update)
            }
        }
        guard let usage = try MongoDecoding.decode(UsageReply.self, from: reply, in: .usage).value else {
            throw StoreError.corrupt(collection: .usage, detail: "findAndModify returned no document")
        }
        return usage.count
    }

    public func usage(userID: String, day: String) async throws -> Int {
        let filter: BSONFields = ["_id": DailyUsage.documentID(userID: userID, day: day)]
        return try await findOne(DailyUsage.self, filter, "usageOfDay")?.count ?? 0
    }
}

/// The part of a `findAndModify` reply the increment reads.
private struct UsageReply: Decodable {
    var value: DailyUsage?
}
