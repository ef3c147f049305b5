import ConciergeCore
import Foundation

/// The audience filter's store half as MongoDB query documents. Values are BSON values built in code, never parsed
/// from text, so nothing a filter (or a model) wrote can become an operator. Operators used: `$and`, `$in`, `$gte`,
/// `$lt` in a `find`, and `$match` + `$group` in an aggregation — all supported by the wire-protocol test peer.
extension MongoConciergeStore {
    public func audienceCandidates(_ query: AudienceStoreQuery) async throws -> [String] {
        let options = FindOptions(sort: ["_id": 1], projection: ["_id": 1])
        let filter = Self.audienceUserFilter(query)
        let users = try await run("audienceCandidates", .users) { try $0.find(.users, filter, options) }
        let ids = try MongoDecoding.decodeAll(DocumentID.self, from: users, in: .users).map(\.id)
        guard let window = query.seenWindow else { return ids }
        // "Seen" lives in another collection: the ids of users with an event in the window, grouped on the server so
        // only one short document per user comes back, then intersected here.
        let pipeline: [BSONValue] = [
            ["$match": ["at": ["$gte": .date(window.from), "$lt": .date(window.before)]]],
            ["$group": ["_id": "$userID"]],
        ]
        let seen = try await run("audienceSeenUsers", .events) { try $0.aggregate(.events, pipeline) }
        let seenIDs = Set(try MongoDecoding.decodeAll(DocumentID.self, from: seen, in: .events).map(\.id))
        return ids.filter(seenIDs.contains)
    }

    /// `{"$and": [{"role": "shopper"}, {"address.city": {"$in": […]}}, …, {"consent.email": true}]}`.
    static func audienceUserFilter(_ query: AudienceStoreQuery) -> BSONFields {
        var conditions: [BSONValue] = [["role": .string(Role.shopper.rawValue)]]
        for clause in query.cityClauses {
            conditions.append(["address.city": .isIn(clause.map(BSONValue.string))])
        }
        for clause in query.countryClauses {
            conditions.append(["address.country": .isIn(clause.map(BSONValue.string))])
        }
        if query.requireEmailConsent { conditions.append(["consent.email": true]) }
        if query.requireSMSConsent { conditions.append(["consent.sms": true]) }
        return ["$and": .array(conditions)]
    }
}

extension AudienceAuditRecord: MongoStored {
    static var collection: DataCollection { .audienceAudits }
    var documentID: BSONValue { .string(id) }
}

/// The export audit trail: insert-only.
extension MongoConciergeStore {
    public func appendAudienceAudit(_ record: AudienceAuditRecord) async throws {
        try await run("appendAudienceAudit", .audienceAudits) { try $0.insertOne(.audienceAudits, EncodedRecord(record)) }
    }

    public func audienceAudits(limit: Int) async throws -> [AudienceAuditRecord] {
        guard limit > 0 else { return [] }  // a MongoDB limit of 0 means "no limit"
        return try await findAll(AudienceAuditRecord.self, [:], FindOptions(sort: ["at": -1, "_id": -1], limit: limit),
                                 "audienceAudits")
    }
}
