import ConciergeCore
import Foundation

/// Reads shared by every port: find, decode, done.
extension MongoConciergeStore {
    /// The first document matching `filter`, decoded.
    func findOne<Value: MongoStored>(_ type: Value.Type, _ filter: BSONFields, _ operation: String) async throws
        -> Value?
    {
        try await findAll(type, filter, FindOptions(limit: 1), operation).first
    }

    /// Every document matching `filter`, decoded in the order the server returned them.
    func findAll<Value: MongoStored>(
        _ type: Value.Type, _ filter: BSONFields, _ options: FindOptions, _ operation: String
    ) async throws -> [Value] {
        let collection = Value.collection
        let documents = try await run(operation, collection) { try $0.find(collection, filter, options) }
        return try MongoDecoding.decodeAll(type, from: documents, in: collection)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements (to keep `$in` lists and snapshots bounded).
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
