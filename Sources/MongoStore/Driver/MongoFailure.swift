import CMongoC
import ConciergeCore
import Foundation

/// A libmongoc/libbson failure, reduced to what is safe to know about it.
///
/// Server messages are never kept: a duplicate-key error quotes the duplicated value (an e-mail address), and
/// other errors may quote documents. What survives is the domain and code, a static summary, and for a
/// duplicate key the index that refused it. `MongoConciergeStore.run` logs the failure and converts it to a
/// `StoreError` at the module boundary.
struct MongoFailure: Error, Sendable {
    var summary: String
    var domain: UInt32 = 0
    var code: UInt32 = 0
    var operation = ""
    var collection: DataCollection?
    /// Set when the server refused a write because of a unique index.
    var duplicateKey: DuplicateKey?
    /// libmongoc's own text for client-side failures only (network, server selection), which name hosts at most.
    var clientMessage: String?

    struct DuplicateKey: Sendable {
        var indexName: String?
        var keyFields: [String]
    }

    static func encoding(_ summary: String) -> MongoFailure { MongoFailure(summary: summary) }
    static func configuration(_ summary: String) -> MongoFailure { MongoFailure(summary: summary) }

    /// A failed libmongoc call: its error, and its reply document when it produced one.
    static func driver(_ error: BSONErrorBox, reply: OpaquePointer?, operation: String,
                       collection: DataCollection?) -> MongoFailure {
        var failure = MongoFailure(
            summary: summary(domain: error.domain, code: error.code), domain: error.domain, code: error.code,
            operation: operation, collection: collection)
        if isClientSide(domain: error.domain) {
            failure.clientMessage = error.message
        }
        if isDuplicateKeyCode(error.code), isServerSide(domain: error.domain) {
            failure.duplicateKey = reply.flatMap(DuplicateKeyReply.parse) ?? DuplicateKey(keyFields: [])
        }
        return failure
    }

    var isDuplicateKey: Bool { duplicateKey != nil }

    /// The error callers see: a duplicate names the field, anything else is `unavailable` with no PII.
    var storeError: StoreError {
        if let duplicateKey, let collection {
            return .duplicate(collection: collection, field: MongoSchema.field(for: duplicateKey, in: collection))
        }
        return .unavailable(detail)
    }

    /// `find on users: network error (mongo 2.5)`: operation, collection, a static summary and the numbers.
    var detail: String {
        let target = collection.map { " on \($0.rawValue)" } ?? ""
        let numbers = domain == 0 ? "" : " (mongo \(domain).\(code))"
        return operation.isEmpty ? summary + numbers : "\(operation)\(target): \(summary)\(numbers)"
    }

    private static func isDuplicateKeyCode(_ code: UInt32) -> Bool {
        code == 11000 || code == 11001 || code == 12582
    }

    private static func isServerSide(domain: UInt32) -> Bool {
        [MONGOC_ERROR_SERVER, MONGOC_ERROR_COMMAND, MONGOC_ERROR_COLLECTION, MONGOC_ERROR_QUERY,
         MONGOC_ERROR_INSERT, MONGOC_ERROR_WRITE_CONCERN].contains { $0.rawValue == domain }
    }

    private static func isClientSide(domain: UInt32) -> Bool {
        [MONGOC_ERROR_STREAM, MONGOC_ERROR_SERVER_SELECTION].contains { $0.rawValue == domain }
    }

    private static func summary(domain: UInt32, code: UInt32) -> String {
        switch domain {
        case MONGOC_ERROR_STREAM.rawValue: "network error"
        case MONGOC_ERROR_SERVER_SELECTION.rawValue: "no reachable MongoDB server"
        case MONGOC_ERROR_CLIENT.rawValue where code == MONGOC_ERROR_CLIENT_AUTHENTICATE.rawValue:
            "authentication failed"
        case MONGOC_ERROR_CLIENT.rawValue, MONGOC_ERROR_SASL.rawValue, MONGOC_ERROR_SCRAM.rawValue:
            "client error"
        case MONGOC_ERROR_PROTOCOL.rawValue: "protocol error"
        case MONGOC_ERROR_WRITE_CONCERN.rawValue: "write concern not satisfied"
        case MONGOC_ERROR_BSON.rawValue: "invalid document"
        default: isServerSide(domain: domain) ? "server refused the operation" : "driver error"
        }
    }
}

/// Reads which unique index refused a write from a reply, without keeping the reply (it quotes the value).
private enum DuplicateKeyReply {
    private struct Reply: Decodable {
        var errmsg: String?
        var keyPattern: [String: Double]?
        var writeErrors: [Reply]?
    }

    static func parse(_ reply: OpaquePointer) -> MongoFailure.DuplicateKey? {
        guard let json = try? BSONDocument.relaxedJSON(of: reply),
            let decoded = try? JSONDecoder().decode(Reply.self, from: json)
        else { return nil }
        let error = decoded.writeErrors?.first ?? decoded
        guard error.errmsg != nil || error.keyPattern != nil else { return nil }
        return MongoFailure.DuplicateKey(
            indexName: error.errmsg.flatMap(indexName(inMessage:)),
            keyFields: (error.keyPattern ?? [:]).keys.sorted())
    }

    /// Servers say `... index: email_1 dup key: { ... }`; only the index name is taken.
    private static func indexName(inMessage message: String) -> String? {
        guard let marker = message.range(of: "index: ") else { return nil }
        let name = message[marker.upperBound...].prefix { $0 != " " }
        return name.isEmpty ? nil : String(name)
    }
}
