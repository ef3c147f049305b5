import ConciergeCore
import Foundation

/// Throttle counters (`ThrottleStore`): one document per key, `{_id: key, key, count, expiresAt}`. Expiry is decided
/// by the `now` callers pass; the TTL index only collects garbage.
extension MongoConciergeStore {
    /// Atomic steps, each one `findAndModify`:
    /// 1. `$inc` the counter if its window is open at `now`, or insert it (`upsert`, `$setOnInsert` the window's end);
    /// 2. if it exists with a closed window, step 1's insert fails on the `_id` (duplicate key): start that window
    ///    again at 1, on the condition that it is still closed;
    /// 3. if another caller restarted it (or a purge removed it) in between, go back to 1, which now finds it open.
    /// No increment is lost and a closed window restarts once, whatever the interleaving (the contract tests race
    /// 50 callers at a closed window).
    public func incrementThrottle(key: String, now: Date, window: TimeInterval) async throws -> ThrottleWindow {
        let closes = BSONValue.date(now.addingTimeInterval(window))
        let open: BSONFields = ["_id": .string(key), "expiresAt": ["$gt": .date(now)]]
        let bump: BSONFields = ["$inc": ["count": 1], "$setOnInsert": ["key": .string(key), "expiresAt": closes]]
        let closed: BSONFields = ["_id": .string(key), "expiresAt": ["$lte": .date(now)]]
        let restart: BSONFields = ["$set": ["count": 1, "expiresAt": closes]]
        let reply = try await run("incrementThrottle", .throttles) { connection -> Data in
            for _ in 0..<8 {
                do {
                    return try connection.findAndModify(.throttles, open, upserting: bump)
                } catch let failure as MongoFailure where failure.isDuplicateKey {
                    let restarted = try connection.findAndModify(.throttles, closed, update: restart, upsert: false)
                    if try MongoDecoding.decode(ThrottleReply.self, from: restarted, in: .throttles).value != nil {
                        return restarted
                    }
                }
            }
            throw StoreError.unavailable("incrementThrottle: the counter kept changing")
        }
        guard let counter = try MongoDecoding.decode(ThrottleReply.self, from: reply, in: .throttles).value else {
            throw StoreError.corrupt(collection: .throttles, detail: "findAndModify returned no document")
        }
        return counter
    }

    public func throttle(key: String, now: Date) async throws -> ThrottleWindow? {
        try await findOne(ThrottleWindow.self, ["_id": .string(key), "expiresAt": ["$gt": .date(now)]], "throttleByKey")
    }

    public func clearThrottle(key: String) async throws {
        try await run("clearThrottle", .throttles) { _ = try $0.delete(.throttles, ["_id": .string(key)], many: false) }
    }

    @discardableResult
    public func purgeExpiredThrottles(now: Date) async throws -> Int {
        try await run("purgeExpiredThrottles", .throttles) {
            try $0.delete(.throttles, ["expiresAt": ["$lte": .date(now)]])
        }
    }
}

/// The part of a `findAndModify` reply the increment reads.
private struct ThrottleReply: Decodable {
    var value: ThrottleWindow?
}
