import ConciergeCore
import Foundation
import Retrieval

/// A domain type stored as one document per value: the value's own JSON (every field, under its Swift name)
/// plus `_id` holding its natural key.
///
/// Why keep the key field too (`id` next to `_id`): the document then decodes straight back into the domain
/// type with `JSONDecoder` (which ignores `_id`), the unique indexes the issue asks for can name real fields
/// (`code` on coupons), and the cost is one short string per document.
protocol MongoStored: Codable, Sendable {
    static var collection: DataCollection { get }
    /// The natural key: upserts replace by it and lookups by key hit the `_id` index.
    var documentID: BSONValue { get }
}

extension User: MongoStored {
    static var collection: DataCollection { .users }
    var documentID: BSONValue { .string(id) }
}

extension Shop: MongoStored {
    static var collection: DataCollection { .stores }
    var documentID: BSONValue { .string(id) }
}

extension Order: MongoStored {
    static var collection: DataCollection { .orders }
    var documentID: BSONValue { .string(id) }
}

extension Coupon: MongoStored {
    static var collection: DataCollection { .coupons }
    var documentID: BSONValue { .string(code) }
}

extension Event: MongoStored {
    static var collection: DataCollection { .events }
    var documentID: BSONValue { .string(id) }
}

extension PolicyChunk: MongoStored {
    static var collection: DataCollection { .policyChunks }
    var documentID: BSONValue { .string(id) }
}

extension ChatMessage: MongoStored {
    static var collection: DataCollection { .messages }
    var documentID: BSONValue { .string(id) }
}

extension HandoffRequest: MongoStored {
    static var collection: DataCollection { .handoffs }
    var documentID: BSONValue { .string(id) }
}

extension Session: MongoStored {
    static var collection: DataCollection { .sessions }
    /// Only the hash of the cookie token is ever stored (see `Session`).
    var documentID: BSONValue { .string(tokenHash) }
}

extension DailyUsage: MongoStored {
    static var collection: DataCollection { .usage }
    var documentID: BSONValue { DailyUsage.documentID(userID: userID, day: day) }

    /// `{user, day}` rather than a joined string: no separator can make two pairs collide, and the increment
    /// can upsert on an `_id` equality, which servers from 4.2 retry by themselves when two upserts race.
    static func documentID(userID: String, day: String) -> BSONValue {
        ["user": .string(userID), "day": .string(day)]
    }
}

extension ThrottleWindow: MongoStored {
    static var collection: DataCollection { .throttles }
    var documentID: BSONValue { .string(key) }
}

extension InsightRecord: MongoStored {
    static var collection: DataCollection { .insights }
    /// `{segmentID, version}`, like `DailyUsage`'s pair: the `_id` index itself refuses a second copy of a version.
    var documentID: BSONValue { ["segmentID": .string(segmentID), "version": .int(version)] }
}

extension SegmentationRunRecord: MongoStored {
    static var collection: DataCollection { .segmentationRuns }
    var documentID: BSONValue { .string(id) }
}

extension ModelUsageRecord: MongoStored {
    static var collection: DataCollection { .modelUsage }
    var documentID: BSONValue {
        ModelUsageRecord.documentID(day: day, model: model, purpose: purpose, currency: currency)
    }

    /// The counter's key as a document, like `DailyUsage`'s: no separator can make two keys collide, and the
    /// increment upserts on an `_id` equality.
    static func documentID(day: String, model: String, purpose: String, currency: String) -> BSONValue {
        ["day": .string(day), "model": .string(model), "purpose": .string(purpose), "currency": .string(currency)]
    }
}

/// One value ready to be written: its `_id` and its JSON. `Sendable`, so it is produced on the caller's task
/// and turned into a `bson_t` on the worker thread (`document()`).
struct EncodedRecord: Sendable {
    var documentID: BSONValue
    var json: Data

    init(_ value: some MongoStored) throws(MongoFailure) {
        documentID = value.documentID
        json = try ExtendedJSON.encode(value)
    }

    /// The BSON document to store: the JSON plus `_id`.
    func document() throws(MongoFailure) -> BSONDocument {
        let document = try BSONDocument(json: json)
        try document.append("_id", documentID)
        return document
    }
}

/// The records of one collection for a multi-record write.
struct EncodedBatch: Sendable {
    var collection: DataCollection
    var records: [EncodedRecord]

    init<Value: MongoStored>(_ values: [Value]) throws(MongoFailure) {
        collection = Value.collection
        records = []
        records.reserveCapacity(values.count)
        for value in values { records.append(try EncodedRecord(value)) }
    }
}

/// Decodes relaxed extended JSON documents into domain values; a failure is `StoreError.corrupt` naming the
/// field path only (never a value).
enum MongoDecoding {
    static func decode<Value: Decodable>(_ type: Value.Type, from json: Data, in collection: DataCollection)
        throws(StoreError) -> Value
    {
        do {
            return try ExtendedJSON.decoder().decode(type, from: json)
        } catch let error as DecodingError {
            throw .corrupt(collection: collection, detail: "cannot decode \(path(of: error))")
        } catch {
            throw .corrupt(collection: collection, detail: "not a JSON document")
        }
    }

    static func decodeAll<Value: Decodable>(_ type: Value.Type, from documents: [Data], in collection: DataCollection)
        throws(StoreError) -> [Value]
    {
        var values: [Value] = []
        values.reserveCapacity(documents.count)
        for json in documents { values.append(try decode(type, from: json, in: collection)) }
        return values
    }

    private static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context? = switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context
        case .keyNotFound(let key, let context):
            DecodingError.Context(codingPath: context.codingPath + [key], debugDescription: "")
        @unknown default: nil
        }
        let keys = context?.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } ?? []
        return keys.isEmpty ? "document" : "field " + keys.joined(separator: ".")
    }
}
