import ConciergeCore
import Foundation

extension MongoConciergeStore {
    public func appendMessage(_ message: ChatMessage) async throws {
        try await run("appendMessage", .messages) { try $0.insertOne(.messages, EncodedRecord(message)) }
    }

    public func message(id: String, userID: String) async throws -> ChatMessage? {
        try await findOne(ChatMessage.self, ["_id": .string(id), "userID": .string(userID)], "messageByID")
    }

    /// Reads the newest `limit` (index `userID_1_conversationID_1_createdAt_1`, walked backwards) and returns
    /// them oldest first. Filtering on the user too is what keeps another user's conversation id empty.
    public func messages(userID: String, conversationID: String, limit: Int) async throws -> [ChatMessage] {
        guard limit > 0 else { return [] }  // a MongoDB limit of 0 means "no limit"
        let filter: BSONFields = ["userID": .string(userID), "conversationID": .string(conversationID)]
        let options = FindOptions(sort: ["createdAt": -1, "_id": -1], limit: limit)
        return try await findAll(ChatMessage.self, filter, options, "messagesOfConversation").reversed()
    }

    /// Most recently active first (latest message), ties by conversation id.
    public func conversations(userID: String) async throws -> [String] {
        let pipeline: [BSONValue] = [
            ["$match": ["userID": .string(userID)]],
            ["$group": ["_id": "$conversationID", "lastAt": ["$max": "$createdAt"]]],
            ["$sort": ["lastAt": -1, "_id": 1]],
        ]
        let documents = try await run("conversationsOfUser", .messages) { try $0.aggregate(.messages, pipeline) }
        return try MongoDecoding.decodeAll(ConversationGroup.self, from: documents, in: .messages).map(\.id)
    }
}

private struct ConversationGroup: Decodable {
    var id: String

    enum CodingKeys: String, CodingKey {
        case id = "_id"
    }
}

extension MongoConciergeStore {
    /// One `updateMany` with `$unset`: the documents keep their text, only the trace field goes.
    @discardableResult
    public func expireTraces(createdBefore cutoff: Date) async throws -> Int {
        let filter: BSONFields = ["createdAt": ["$lt": .date(cutoff)], "trace": ["$exists": true]]
        return try await run("expireTraces", .messages) { try $0.updateMany(.messages, filter, ["$unset": ["trace": ""]]) }
    }

    @discardableResult
    public func deleteMessages(createdBefore cutoff: Date) async throws -> Int {
        try await run("deleteOldMessages", .messages) { try $0.delete(.messages, ["createdAt": ["$lt": .date(cutoff)]]) }
    }
}
