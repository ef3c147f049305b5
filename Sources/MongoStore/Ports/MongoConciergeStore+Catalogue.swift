import ConciergeCore
import Foundation
import Retrieval

/// Stores, orders, coupons, events and policy chunks.
extension MongoConciergeStore {
    public func allShops() async throws -> [Shop] {
        try await findAll(Shop.self, [:], FindOptions(sort: ["_id": 1]), "allShops")
    }

    public func shop(id: String) async throws -> Shop? {
        try await findOne(Shop.self, ["_id": .string(id)], "shopByID")
    }

    /// Newest first; equal `placedAt` falls back to ascending id, as in every store.
    /// Uses the `userID_1_placedAt_-1` index.
    public func orders(userID: String, limit: Int) async throws -> [Order] {
        guard limit > 0 else { return [] }  // a MongoDB limit of 0 means "no limit"
        let options = FindOptions(sort: ["placedAt": -1, "_id": 1], limit: limit)
        return try await findAll(Order.self, ["userID": .string(userID)], options, "ordersOfUser")
    }

    public func order(id: String) async throws -> Order? {
        try await findOne(Order.self, ["_id": .string(id)], "orderByID")
    }

    /// The user's own coupons and those for everyone (`ownerID` absent: `null` matches missing fields) that are
    /// not scoped to another store.
    public func coupons(availableTo userID: String, atShops shopIDs: [String]) async throws -> [Coupon] {
        let here: [BSONValue] = [["scope.kind": ["$ne": "store"]]]
            + (shopIDs.isEmpty ? [] : [["scope.value": ["$in": .array(shopIDs.map { .string($0) })]]])
        let filter: BSONFields = ["$or": [["ownerID": .string(userID)], ["ownerID": .null, "$or": .array(here)]]]
        return try await findAll(Coupon.self, filter, FindOptions(sort: ["_id": 1]), "couponsOfUser")
    }

    /// Codes are stored upper-case (`Coupon.init`), so the lookup is too.
    public func coupon(code: String) async throws -> Coupon? {
        try await findOne(Coupon.self, ["_id": .string(code.uppercased())], "couponByCode")
    }

    public func events(userID: String) async throws -> [Event] {
        let options = FindOptions(sort: ["at": 1, "_id": 1])
        return try await findAll(Event.self, ["userID": .string(userID)], options, "eventsOfUser")
    }

    /// Without a transaction the swap is not atomic for concurrent readers (they may briefly see an empty or
    /// partial corpus), but it is all-or-nothing: on failure the previous corpus is put back.
    public func replacePolicyChunks(_ chunks: [PolicyChunk]) async throws {
        let logger = logger
        try await run("replacePolicyChunks", .policyChunks) { connection in
            let batch = try EncodedBatch(chunks)
            try CompensatingWrite(connection: connection, logger: logger).replaceAll(with: batch)
        }
    }

    public func policyChunks() async throws -> [PolicyChunk] {
        let options = FindOptions(sort: ["document": 1, "position": 1, "_id": 1])
        return try await findAll(PolicyChunk.self, [:], options, "policyChunks")
    }
}
