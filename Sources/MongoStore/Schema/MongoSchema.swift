import ConciergeCore

/// The layout of the database: one collection per `DataCollection` (same name), the indexes created at start,
/// and which entity field each unique index guards (to name it in `StoreError.duplicate`).
enum MongoSchema {
    /// One index as `createIndexes` takes it. Names follow the server's default (`userID_1_placedAt_-1`), so
    /// an index somebody created by hand with the same keys is recognised instead of conflicting.
    struct Index: Sendable {
        var keys: [(field: String, direction: Int32)]
        var unique = false
        /// TTL: the server deletes a document once `now > field + expireAfterSeconds`. 0 means "at the instant
        /// stored in the field". Correctness never depends on it: reads filter on `expiresAt` themselves.
        var expireAfterSeconds: Int32?
        /// The entity field named in a duplicate-key error for this index.
        var guards: String?
        /// A partial index covers only the documents matching this filter (`{status: "open"}`).
        var partialFilter: BSONFields?

        var name: String { keys.map { "\($0.field)_\($0.direction)" }.joined(separator: "_") }

        var specification: BSONValue {
            var key: BSONFields = [:]
            for part in keys { key.append(part.field, .int32(part.direction)) }
            var spec: BSONFields = ["key": .document(key), "name": .string(name)]
            if unique { spec.append("unique", true) }
            if let expireAfterSeconds { spec.append("expireAfterSeconds", .int32(expireAfterSeconds)) }
            if let partialFilter { spec.append("partialFilterExpression", .document(partialFilter)) }
            return .document(spec)
        }
    }

    static func indexes(for collection: DataCollection) -> [Index] {
        switch collection {
        case .users: [Index(keys: [("email", 1)], unique: true, guards: "email")]
        case .stores, .policyChunks: []  // read whole or by `_id`
        case .orders: [Index(keys: [("userID", 1), ("placedAt", -1)])]
        case .coupons: [Index(keys: [("code", 1)], unique: true, guards: "code")]
        // Not in the list, added because every read of these collections filters on `userID`.
        case .events: [Index(keys: [("userID", 1), ("at", 1)])]
        case .messages: [Index(keys: [("userID", 1), ("conversationID", 1), ("createdAt", 1)])]
        case .sessions:
            [Index(keys: [("expiresAt", 1)], expireAfterSeconds: 0), Index(keys: [("userID", 1)])]
        case .usage:
            [Index(keys: [("userID", 1), ("day", 1)], unique: true, guards: "userID+day"),
             Index(keys: [("expiresAt", 1)], expireAfterSeconds: 0)]
        // One open request per conversation: unique among open requests only, so answered ones stay beside it.
        case .handoffs:
            [Index(keys: [("userID", 1), ("conversationID", 1)], unique: true, guards: openHandoffField,
                   partialFilter: ["status": .string(HandoffStatus.open.rawValue)]),
             Index(keys: [("userID", 1), ("conversationID", 1), ("createdAt", -1)]),
             Index(keys: [("status", 1), ("createdAt", 1)])]
        // Looked up by `_id` only; the TTL index collects counters whose window has ended.
        case .throttles: [Index(keys: [("expiresAt", 1)], expireAfterSeconds: 0)]
        // The `_id` {segmentID, version} already makes a version unique; this index serves "newest first".
        case .insights: [Index(keys: [("segmentID", 1), ("version", -1)], unique: true, guards: insightVersionField)]
        // Listed newest first.
        case .audienceAudits: [Index(keys: [("at", -1), ("_id", -1)])]
        // Listed newest first; looked up by `_id` (the run id) otherwise.
        case .segmentationRuns: [Index(keys: [("createdAt", -1), ("id", -1)])]
        // Incremented by `_id` (the key); this index serves the usage page's range of days.
        case .modelUsage: [Index(keys: [("day", -1)])]
        // Looked up by `_id` (the token's hash); erased by user; the TTL index collects expired tokens.
        case .passwordResets:
            [Index(keys: [("userID", 1)]), Index(keys: [("expiresAt", 1)], expireAfterSeconds: 0)]
        case .secondFactors: []  // looked up by `_id` (the user id) only
        }
    }

    /// What a duplicate version of a segment's insight is reported as.
    static let insightVersionField = "segmentID+version"

    /// What a duplicate on the hand-offs' partial index is reported as: the conversation already has an open request.
    static let openHandoffField = "userID+conversationID"

    /// The entity field that `_id` holds (see `MongoStored.documentID`).
    static func keyField(of collection: DataCollection) -> String {
        switch collection {
        case .coupons: "code"
        case .sessions, .passwordResets: "tokenHash"
        case .usage: "userID+day"
        case .throttles: "key"
        case .insights: insightVersionField
        case .modelUsage: "day+model+purpose+currency"
        case .secondFactors: "userID"
        case .users, .stores, .orders, .events, .policyChunks, .messages, .handoffs, .audienceAudits,
             .segmentationRuns: "id"
        }
    }

    /// The field a duplicate-key error is about: from the index name when the server gave one (every server
    /// and the test peer do), else from the key pattern, else the `_id`.
    static func field(for duplicate: MongoFailure.DuplicateKey, in collection: DataCollection) -> String {
        if let name = duplicate.indexName,
            let index = indexes(for: collection).first(where: { $0.name == name }), let guards = index.guards
        {
            return guards
        }
        if duplicate.indexName == "_id_" || duplicate.keyFields.isEmpty || duplicate.keyFields == ["_id"] {
            return keyField(of: collection)
        }
        return duplicate.keyFields.joined(separator: "+")
    }
}
