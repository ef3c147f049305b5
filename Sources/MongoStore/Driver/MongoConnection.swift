import CMongoC
import ConciergeCore
import Foundation

/// A pooled client lent to one job, and the database the store lives in.
///
/// Not `Sendable` (it holds a raw pointer): a libmongoc client is not thread-safe, so a connection never
/// leaves the worker thread that popped it. Every method blocks.
struct MongoConnection {
    let client: OpaquePointer
    let database: String

    /// Lends the collection handle to `body`, destroying it afterwards.
    func withCollection<Value>(_ collection: DataCollection, _ body: (OpaquePointer) throws -> Value) throws
        -> Value
    {
        guard let handle = mongoc_client_get_collection(client, database, collection.rawValue) else {
            throw MongoFailure.configuration("cannot open collection")
        }
        defer { mongoc_collection_destroy(handle) }
        return try body(handle)
    }

    /// Runs one libmongoc call that reports through a reply document and a `bson_error_t`, and returns the
    /// reply as relaxed JSON. Both structs are allocated in C (alignment, see shim.h) and freed here.
    func perform(
        _ operation: String, on collection: DataCollection?,
        _ call: (_ reply: OpaquePointer, _ error: UnsafeMutablePointer<bson_error_t>) -> Bool
    ) throws(MongoFailure) -> Data {
        guard let reply = cm_reply_new() else { fatalError("out of memory allocating a reply document") }
        defer { cm_reply_free(reply) }
        let error = BSONErrorBox()
        guard call(reply, error.pointer) else {
            throw .driver(error, reply: reply, operation: operation, collection: collection)
        }
        return try BSONDocument.relaxedJSON(of: reply)
    }

    /// Reads every document of a cursor as relaxed JSON, then destroys the cursor.
    func drain(_ cursor: OpaquePointer, _ operation: String, on collection: DataCollection?)
        throws(MongoFailure) -> [Data]
    {
        var documents: [Data] = []
        try drain(cursor, operation, on: collection) { (document) throws(MongoFailure) in
            documents.append(try BSONDocument.relaxedJSON(of: document))
        }
        return documents
    }

    /// Calls `visit` with each document of a cursor (borrowed: valid only during the call), then destroys the
    /// cursor and reports the cursor's error, if any.
    func drain(
        _ cursor: OpaquePointer, _ operation: String, on collection: DataCollection?,
        visit: (OpaquePointer) throws(MongoFailure) -> Void
    ) throws(MongoFailure) {
        defer { mongoc_cursor_destroy(cursor) }
        var current: OpaquePointer?
        while mongoc_cursor_next(cursor, &current) {
            if let current { try visit(current) }
        }
        let error = BSONErrorBox()
        if mongoc_cursor_error(cursor, error.pointer) {
            throw .driver(error, reply: nil, operation: operation, collection: collection)
        }
    }
}

/// Reply fields of the CRUD calls (`mongoc_collection_update_one` and friends) that the store reads.
struct WriteCounts: Decodable, Sendable {
    var matchedCount: Int?
    var modifiedCount: Int?
    var deletedCount: Int?
    var upsertedCount: Int?

    static func parse(_ json: Data) -> WriteCounts {
        (try? JSONDecoder().decode(WriteCounts.self, from: json)) ?? WriteCounts()
    }
}
