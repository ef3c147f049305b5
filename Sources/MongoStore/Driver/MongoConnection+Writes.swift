import CMongoC
import ConciergeCore
import Foundation

/// One write of a bulk operation.
enum BulkWrite {
    /// Replaces the document with this record's `_id`, inserting it when absent.
    case upsert(EncodedRecord)
    /// Inserts a document that already carries its `_id` (a snapshot being restored).
    case insert(BSONDocument)
}

extension MongoConnection {
    func insertOne(_ collection: DataCollection, _ record: EncodedRecord) throws {
        let document = try record.document()
        try withCollection(collection) { handle in
            _ = try perform("insert", on: collection) { reply, error in
                mongoc_collection_insert_one(handle, document.pointer, nil, reply, error)
            }
        }
    }

    /// Replaces the document matching `filter`; returns how many matched (0 or 1).
    func replaceOne(_ collection: DataCollection, _ filter: BSONFields, with record: EncodedRecord) throws -> Int {
        let filterDocument = try BSONDocument(filter)
        let document = try record.document()
        let json = try withCollection(collection) { handle in
            try perform("replace", on: collection) { reply, error in
                mongoc_collection_replace_one(handle, filterDocument.pointer, document.pointer, nil, reply, error)
            }
        }
        return WriteCounts.parse(json).matchedCount ?? 0
    }

    /// Applies an update document (`$set`...) to the first match; returns how many matched.
    @discardableResult
    func updateOne(_ collection: DataCollection, _ filter: BSONFields, _ update: BSONFields) throws -> Int {
        try self.update(collection, filter, update, many: false).matchedCount ?? 0
    }

    /// Applies an update document to every match; returns how many were modified.
    @discardableResult
    func updateMany(_ collection: DataCollection, _ filter: BSONFields, _ update: BSONFields) throws -> Int {
        try self.update(collection, filter, update, many: true).modifiedCount ?? 0
    }

    private func update(_ collection: DataCollection, _ filter: BSONFields, _ update: BSONFields, many: Bool) throws
        -> WriteCounts
    {
        let filterDocument = try BSONDocument(filter)
        let updateDocument = try BSONDocument(update)
        let json = try withCollection(collection) { handle in
            try perform("update", on: collection) { reply, error in
                many
                    ? mongoc_collection_update_many(handle, filterDocument.pointer, updateDocument.pointer, nil, reply, error)
                    : mongoc_collection_update_one(handle, filterDocument.pointer, updateDocument.pointer, nil, reply, error)
            }
        }
        return WriteCounts.parse(json)
    }

    /// Deletes every match (or the first when `many` is false); returns how many went.
    @discardableResult
    func delete(_ collection: DataCollection, _ filter: BSONFields, many: Bool = true) throws -> Int {
        let filterDocument = try BSONDocument(filter)
        let json = try withCollection(collection) { handle in
            try perform("delete", on: collection) { reply, error in
                many
                    ? mongoc_collection_delete_many(handle, filterDocument.pointer, nil, reply, error)
                    : mongoc_collection_delete_one(handle, filterDocument.pointer, nil, reply, error)
            }
        }
        return WriteCounts.parse(json).deletedCount ?? 0
    }

    /// One `findAndModify` with upsert that returns the document as it is *after* the update: the server
    /// applies it atomically, so concurrent callers each see a distinct result.
    func findAndModify(_ collection: DataCollection, _ query: BSONFields, upserting update: BSONFields) throws
        -> Data
    {
        try findAndModify(collection, query, update: update, upsert: true)
    }

    /// One `findAndModify` returning the document after the update; without `upsert`, the reply's `value` is null
    /// when nothing matched.
    func findAndModify(_ collection: DataCollection, _ query: BSONFields, update: BSONFields, upsert: Bool) throws
        -> Data
    {
        let queryDocument = try BSONDocument(query)
        let updateDocument = try BSONDocument(update)
        guard let options = mongoc_find_and_modify_opts_new() else { fatalError("out of memory") }
        defer { mongoc_find_and_modify_opts_destroy(options) }
        let flags = (upsert ? MONGOC_FIND_AND_MODIFY_UPSERT.rawValue : 0) | MONGOC_FIND_AND_MODIFY_RETURN_NEW.rawValue
        guard mongoc_find_and_modify_opts_set_update(options, updateDocument.pointer),
            mongoc_find_and_modify_opts_set_flags(options, mongoc_find_and_modify_flags_t(rawValue: flags))
        else { throw MongoFailure.encoding("invalid findAndModify options") }
        return try withCollection(collection) { handle in
            try perform("findAndModify", on: collection) { reply, error in
                mongoc_collection_find_and_modify_with_opts(handle, queryDocument.pointer, options, reply, error)
            }
        }
    }

    /// Runs `writes` as one ordered bulk operation (libmongoc splits it into batches the server accepts). It
    /// stops at the first failure; earlier writes stay done (no transaction): callers compensate.
    func bulkWrite(_ collection: DataCollection, _ writes: [BulkWrite]) throws {
        guard !writes.isEmpty else { return }
        let options = try BSONDocument(["ordered": true])
        let upsert = try BSONDocument(["upsert": true])
        try withCollection(collection) { handle in
            guard let bulk = mongoc_collection_create_bulk_operation_with_opts(handle, options.pointer) else {
                throw MongoFailure.configuration("cannot start a bulk write")
            }
            defer { mongoc_bulk_operation_destroy(bulk) }
            for write in writes {
                try add(write, to: bulk, upsertOptions: upsert, collection: collection)
            }
            _ = try perform("bulkWrite", on: collection) { reply, error in
                mongoc_bulk_operation_execute(bulk, reply, error) != 0
            }
        }
    }

    /// Runs a command on the store's database and returns its reply. A write command (`createIndexes`) goes
    /// through the write-command path so the URI's write concern applies to it.
    @discardableResult
    func command(_ name: String, _ command: BSONFields, on collection: DataCollection? = nil, writes: Bool = false)
        throws -> Data
    {
        let commandDocument = try BSONDocument(command)
        return try perform(name, on: collection) { reply, error in
            writes
                ? mongoc_client_write_command_with_opts(client, database, commandDocument.pointer, nil, reply, error)
                : mongoc_client_command_with_opts(client, database, commandDocument.pointer, nil, nil, reply, error)
        }
    }

    /// Queues one write; libmongoc copies the documents, so they may go as soon as this returns.
    private func add(_ write: BulkWrite, to bulk: OpaquePointer, upsertOptions: BSONDocument,
                     collection: DataCollection) throws {
        let error = BSONErrorBox()
        let queued: Bool
        switch write {
        case .upsert(let record):
            let selector = try BSONDocument(["_id": record.documentID])
            let document = try record.document()
            queued = mongoc_bulk_operation_replace_one_with_opts(
                bulk, selector.pointer, document.pointer, upsertOptions.pointer, error.pointer)
        case .insert(let document):
            queued = mongoc_bulk_operation_insert_with_opts(bulk, document.pointer, nil, error.pointer)
        }
        guard queued else {
            throw MongoFailure.driver(error, reply: nil, operation: "bulkWrite", collection: collection)
        }
    }
}
