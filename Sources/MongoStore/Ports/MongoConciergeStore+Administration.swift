import ConciergeCore
import Foundation
import Retrieval

/// Whole-store operations: reset, counts, upsert, export, ping.
extension MongoConciergeStore {
    /// Deletes every document but keeps the collections and their indexes.
    public func reset() async throws {
        try await run("reset", nil) { connection in
            for collection in DataCollection.allCases { try connection.delete(collection, [:]) }
        }
    }

    public func counts() async throws -> CollectionCounts {
        let values = try await run("counts", nil) { connection in
            try DataCollection.allCases.reduce(into: [DataCollection: Int]()) { counts, collection in
                counts[collection] = try connection.count(collection)
            }
        }
        return CollectionCounts(values)
    }

    /// All-or-nothing without transactions:
    /// 1. validate what a unique index would refuse midway: e-mails repeated within the batch, or held by a
    ///    user the batch does not rewrite (`StoreError.duplicate(.users, "email")`, nothing written);
    /// 2. snapshot every document the write replaces, then write collection by collection (ordered bulk
    ///    replace-or-insert by `_id`);
    /// 3. if a write still fails (a concurrent writer, a lost connection), put the snapshots back and rethrow.
    ///
    /// Not isolated: a concurrent reader may see part of the write before it completes or is undone.
    public func upsert(_ data: DataSet) async throws {
        let users = data.users.map(\.forStorage)
        try Self.requireDistinctEmails(users)
        let logger = logger
        try await run("upsert", nil) { connection in
            let batches = try Self.batches(of: data, users: users).filter { !$0.records.isEmpty }
            try connection.requireEmailsFree(for: users)
            try CompensatingWrite(connection: connection, logger: logger).upsert(batches)
        }
    }

    /// Every collection, decoded, in `DataSet.canonical()` order.
    public func exportAll() async throws -> DataSet {
        let documents = try await run("exportAll", nil) { connection in
            try DataCollection.allCases.reduce(into: [DataCollection: [Data]]()) { all, collection in
                all[collection] = try connection.find(collection, [:])
            }
        }
        func decode<Value: MongoStored>(_ type: Value.Type) throws -> [Value] {
            try MongoDecoding.decodeAll(type, from: documents[Value.collection] ?? [], in: Value.collection)
        }
        return DataSet(
            users: try decode(User.self), shops: try decode(Shop.self), orders: try decode(Order.self),
            coupons: try decode(Coupon.self), events: try decode(Event.self),
            policyChunks: try decode(PolicyChunk.self), messages: try decode(ChatMessage.self),
            sessions: try decode(Session.self), usage: try decode(DailyUsage.self),
            handoffs: try decode(HandoffRequest.self)
        ).canonical()
    }

    public func ping() async throws {
        try await run("ping", nil) { _ = try $0.command("ping", ["ping": 1]) }
    }

    /// Two users of the batch with the same e-mail but different ids would fail on the unique index midway.
    private static func requireDistinctEmails(_ users: [User]) throws {
        var owners: [String: String] = [:]
        for user in users {
            if let owner = owners.updateValue(user.id, forKey: user.email), owner != user.id {
                throw StoreError.duplicate(collection: .users, field: "email")
            }
        }
    }

    /// One batch per collection, in `DataCollection` order (users first, so e-mail conflicts fail early).
    private static func batches(of data: DataSet, users: [User]) throws -> [EncodedBatch] {
        [
            try EncodedBatch(users), try EncodedBatch(data.shops), try EncodedBatch(data.orders),
            try EncodedBatch(data.coupons), try EncodedBatch(data.events), try EncodedBatch(data.policyChunks),
            try EncodedBatch(data.messages), try EncodedBatch(data.sessions), try EncodedBatch(data.usage),
            try EncodedBatch(data.handoffs),
        ]
    }
}

extension MongoConnection {
    /// Throws `duplicate(.users, "email")` when one of these e-mails belongs to a stored user whose id is not
    /// in `users` (a user the batch rewrites may give its address away within the same batch).
    func requireEmailsFree(for users: [User]) throws {
        let rewritten = Set(users.map(\.id))
        for emails in users.map({ BSONValue.string($0.email) }).chunks(of: 500) {
            let holders = try find(.users, ["email": .isIn(Array(emails))], FindOptions(projection: ["_id": 1]))
            for holder in try MongoDecoding.decodeAll(DocumentID.self, from: holders, in: .users)
            where !rewritten.contains(holder.id) {
                throw StoreError.duplicate(collection: .users, field: "email")
            }
        }
    }
}

/// A projection down to a string `_id`.
struct DocumentID: Decodable {
    var id: String

    enum CodingKeys: String, CodingKey {
        case id = "_id"
    }
}
