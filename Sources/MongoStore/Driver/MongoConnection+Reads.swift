import CMongoC
import ConciergeCore
import Foundation

/// What a `find` asks for besides its filter.
struct FindOptions: Sendable {
    var sort: BSONFields?
    var limit: Int?
    var projection: BSONFields?

    static let none = FindOptions()

    var fields: BSONFields {
        var options: BSONFields = [:]
        if let sort { options.append("sort", .document(sort)) }
        if let limit { options.append("limit", .int(limit)) }
        if let projection { options.append("projection", .document(projection)) }
        return options
    }
}

extension MongoConnection {
    /// Matching documents as relaxed JSON (see `ExtendedJSON`).
    func find(_ collection: DataCollection, _ filter: BSONFields, _ options: FindOptions = .none) throws
        -> [Data]
    {
        try withFindCursor(collection, filter, options) { cursor throws(MongoFailure) in
            try drain(cursor, "find", on: collection)
        }
    }

    /// Matching documents as owned BSON copies: exact snapshots for compensating a failed multi-write.
    func findDocuments(_ collection: DataCollection, _ filter: BSONFields) throws -> [BSONDocument] {
        try withFindCursor(collection, filter, .none) { cursor throws(MongoFailure) in
            var copies: [BSONDocument] = []
            try drain(cursor, "find", on: collection) { copies.append(BSONDocument(copying: $0)) }
            return copies
        }
    }

    /// `count_documents` (an `aggregate` with `$group` on the wire), exact unlike the estimated count.
    func count(_ collection: DataCollection, _ filter: BSONFields = [:]) throws -> Int {
        let filterDocument = try BSONDocument(filter)
        return try withCollection(collection) { handle in
            let error = BSONErrorBox()
            let count = mongoc_collection_count_documents(handle, filterDocument.pointer, nil, nil, nil, error.pointer)
            guard count >= 0 else {
                throw MongoFailure.driver(error, reply: nil, operation: "count", collection: collection)
            }
            return Int(count)
        }
    }

    /// Runs an aggregation pipeline; results as relaxed JSON.
    func aggregate(_ collection: DataCollection, _ pipeline: [BSONValue]) throws -> [Data] {
        let pipelineDocument = try BSONDocument(["pipeline": .array(pipeline)])
        return try withCollection(collection) { handle in
            guard
                let cursor = mongoc_collection_aggregate(
                    handle, MONGOC_QUERY_NONE, pipelineDocument.pointer, nil, nil)
            else { throw MongoFailure.configuration("cannot start aggregation") }
            return try drain(cursor, "aggregate", on: collection)
        }
    }

    /// The collection's indexes, keys in order (read with a BSON iterator: JSON objects lose key order once
    /// decoded into a dictionary).
    func listIndexes(_ collection: DataCollection) throws -> [MongoIndex] {
        try withCollection(collection) { handle in
            guard let cursor = mongoc_collection_find_indexes_with_opts(handle, nil) else {
                throw MongoFailure.configuration("cannot list indexes")
            }
            var indexes: [MongoIndex] = []
            try drain(cursor, "listIndexes", on: collection) { (document) throws(MongoFailure) in
                indexes.append(try MongoIndex(document))
            }
            return indexes
        }
    }

    private func withFindCursor<Value>(
        _ collection: DataCollection, _ filter: BSONFields, _ options: FindOptions,
        _ body: (OpaquePointer) throws(MongoFailure) -> Value
    ) throws -> Value {
        let filterDocument = try BSONDocument(filter)
        let optionsDocument = try BSONDocument(options.fields)
        return try withCollection(collection) { handle in
            guard
                let cursor = mongoc_collection_find_with_opts(
                    handle, filterDocument.pointer, optionsDocument.pointer, nil)
            else { throw MongoFailure.configuration("cannot start find") }
            return try body(cursor)
        }
    }
}
