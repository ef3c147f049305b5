import ConciergeCore
import Foundation

/// Hand-off requests. "One open request per conversation" is the partial unique index of `MongoSchema`; opening
/// reads first (the common case: one is open already), inserts otherwise, and if a concurrent call inserted in
/// between, the index refuses this insert and the other call's request is returned.
extension MongoConciergeStore {
    public func openHandoff(_ request: HandoffRequest) async throws -> HandoffOpening {
        var request = request
        request.status = .open
        request.answeredAt = nil
        request.answeredBy = nil
        if let open = try await openHandoff(userID: request.userID, conversationID: request.conversationID) {
            return HandoffOpening(request: open, isNew: false)
        }
        do {
            try await run("openHandoff", .handoffs) { [request] in
                try $0.insertOne(.handoffs, EncodedRecord(request))
            }
            return HandoffOpening(request: request, isNew: true)
        } catch StoreError.duplicate(collection: .handoffs, field: MongoSchema.openHandoffField) {
            guard let open = try await openHandoff(userID: request.userID, conversationID: request.conversationID)
            else { throw StoreError.unavailable("openHandoff: the open request went away") }
            return HandoffOpening(request: open, isNew: false)
        }
    }

    /// Oldest first on `status_1_createdAt_1`, ties by `_id`.
    public func openHandoffs(limit: Int) async throws -> [HandoffRequest] {
        guard limit > 0 else { return [] }  // a MongoDB limit of 0 means "no limit"
        let options = FindOptions(sort: ["createdAt": 1, "_id": 1], limit: limit)
        return try await findAll(HandoffRequest.self, ["status": .string(HandoffStatus.open.rawValue)], options,
                                 "openHandoffs")
    }

    public func handoff(id: String) async throws -> HandoffRequest? {
        try await findOne(HandoffRequest.self, ["_id": .string(id)], "handoffByID")
    }

    /// Filtering on the user too is what keeps another user's conversation id empty.
    public func handoff(userID: String, conversationID: String) async throws -> HandoffRequest? {
        let filter: BSONFields = ["userID": .string(userID), "conversationID": .string(conversationID)]
        let options = FindOptions(sort: ["createdAt": -1, "_id": -1], limit: 1)
        return try await findAll(HandoffRequest.self, filter, options, "handoffOfConversation").first
    }

    /// One `updateOne` matching the id *and* `status: open`: of two concurrent replies, only the first marks it.
    @discardableResult
    public func markHandoffAnswered(id: String, by staffID: String, at: Date) async throws -> Bool {
        let filter: BSONFields = ["_id": .string(id), "status": .string(HandoffStatus.open.rawValue)]
        let update: BSONFields = [
            "$set": ["status": .string(HandoffStatus.answered.rawValue), "answeredAt": .date(at),
                     "answeredBy": .string(staffID)],
        ]
        return try await run("markHandoffAnswered", .handoffs) { try $0.updateOne(.handoffs, filter, update) } > 0
    }

    private func openHandoff(userID: String, conversationID: String) async throws -> HandoffRequest? {
        let filter: BSONFields = [
            "userID": .string(userID), "conversationID": .string(conversationID),
            "status": .string(HandoffStatus.open.rawValue),
        ]
        return try await findOne(HandoffRequest.self, filter, "openHandoffOfConversation")
    }
}
