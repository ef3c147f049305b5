import ConciergeCore
import Foundation

/// What the account page reads and erases (`PersonalDataStore`) and password-reset tokens (`PasswordResetStore`).
extension MongoConciergeStore {
    public func handoffs(userID: String) async throws -> [HandoffRequest] {
        let options = FindOptions(sort: ["createdAt": 1, "_id": 1])
        return try await findAll(HandoffRequest.self, ["userID": .string(userID)], options, "handoffsOfUser")
    }

    public func usageCounters(userID: String) async throws -> [DailyUsage] {
        try await findAll(DailyUsage.self, ["userID": .string(userID)], FindOptions(sort: ["day": 1]), "usageOfUser")
    }

    /// Without transactions (the test peer has none): one delete per collection, sessions first (signed out at
    /// once) and the user last, so an erasure that fails half-way leaves an account that can be erased again, and
    /// a second run finishes the job (every step is idempotent).
    @discardableResult
    public func eraseAccount(userID: String) async throws -> AccountErasure {
        let owner = BSONValue.string(userID)
        let keyed: [(DataCollection, String)] = [
            (.sessions, "userID"), (.messages, "userID"), (.handoffs, "userID"), (.usage, "userID"),
            (.events, "userID"), (.coupons, "ownerID"), (.passwordResets, "userID"), (.secondFactors, "userID"),
        ]
        var erasure = AccountErasure()
        for (collection, field) in keyed {
            erasure.removed[collection] = try await run("eraseAccount", collection) {
                try $0.delete(collection, [field: owner])
            }
        }
        // The sales record stays for tax law; the owner and the card's last four digits go.
        let anonymise: BSONFields = [
            "$set": ["userID": .string(AccountErasure.anonymousOwner)], "$unset": ["payment.last4": ""],
        ]
        erasure.anonymisedOrders = try await run("eraseAccount", .orders) {
            try $0.updateMany(.orders, ["userID": owner], anonymise)
        }
        erasure.removed[.users] = try await run("eraseAccount", .users) { try $0.delete(.users, ["_id": owner]) }
        return erasure
    }

    public func insertPasswordReset(_ reset: PasswordReset) async throws {
        try await run("insertPasswordReset", .passwordResets) {
            try $0.insertOne(.passwordResets, EncodedRecord(reset))
        }
    }

    public func passwordReset(tokenHash: String, now: Date) async throws -> PasswordReset? {
        try await findOne(PasswordReset.self, Self.usableReset(tokenHash, now: now), "passwordResetByToken")
    }

    /// An unused token whose hour has not run out at `now`. (`usedAt: null` also matches a missing field.)
    private static func usableReset(_ tokenHash: String, now: Date) -> BSONFields {
        ["_id": .string(tokenHash), "usedAt": .null, "expiresAt": ["$gt": .date(now)]]
    }

    /// The TTL index collects expired tokens too, but only once a minute and never used ones: this is exact at `now`.
    @discardableResult
    public func purgeUnusablePasswordResets(now: Date) async throws -> Int {
        try await run("purgeUnusablePasswordResets", .passwordResets) {
            try $0.delete(.passwordResets, ["$or": [["expiresAt": ["$lte": .date(now)]], ["usedAt": ["$ne": .null]]]])
        }
    }

    /// One `findAndModify` that matches only an unused, unexpired token: of two concurrent calls, the server gives
    /// the token to one and the other matches nothing.
    public func consumePasswordReset(tokenHash: String, now: Date) async throws -> PasswordReset? {
        let query = Self.usableReset(tokenHash, now: now)
        let update: BSONFields = ["$set": ["usedAt": .date(now)]]
        let reply = try await run("consumePasswordReset", .passwordResets) {
            try $0.findAndModify(.passwordResets, query, update: update, upsert: false)
        }
        return try MongoDecoding.decode(ResetReply.self, from: reply, in: .passwordResets).value
    }
}

/// The part of a `findAndModify` reply the reset reads.
private struct ResetReply: Decodable {
    var value: PasswordReset?
}

extension PasswordReset: MongoStored {
    static var collection: DataCollection { .passwordResets }
    /// Only the hash of the link's token is ever stored.
    var documentID: BSONValue { .string(tokenHash) }
}
