import Foundation

/// A BSON value built in Swift: the small vocabulary that filters, updates, sort specs and commands need.
///
/// Entities are not built this way (they go through `ExtendedJSON`); this type exists because command and
/// sort documents are *ordered* (`{createIndexes: ...}` must come first, `{placedAt: -1, _id: -1}` sorts in
/// that order) and a `JSONEncoder` dictionary is not. Being `Sendable`, a value can be built on the caller's
/// task and turned into a `bson_t` on the worker thread.
enum BSONValue: Sendable, Hashable {
    case string(String)
    case int32(Int32)
    case int64(Int64)
    case double(Double)
    case bool(Bool)
    case date(Date)
    case null
    case document(BSONFields)
    case array([BSONValue])
}

/// The fields of a BSON document, in order.
struct BSONFields: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private(set) var pairs: [Field]

    struct Field: Sendable, Hashable {
        var key: String
        var value: BSONValue
    }

    init(dictionaryLiteral elements: (String, BSONValue)...) {
        pairs = elements.map { Field(key: $0.0, value: $0.1) }
    }

    var isEmpty: Bool { pairs.isEmpty }

    /// Adds a field at the end (the caller keeps keys unique).
    mutating func append(_ key: String, _ value: BSONValue) {
        pairs.append(Field(key: key, value: value))
    }
}

extension BSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    /// Integer literals are sort directions, index keys and `$inc` steps: int32, as the server expects.
    init(integerLiteral value: Int32) { self = .int32(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: BSONValue...) { self = .array(elements) }

    init(dictionaryLiteral elements: (String, BSONValue)...) {
        var fields: BSONFields = [:]
        for (key, value) in elements { fields.append(key, value) }
        self = .document(fields)
    }

    /// An integer of any width, stored as int64 (BSON has no unsigned or arbitrary-width integers).
    static func int(_ value: Int) -> BSONValue { .int64(Int64(value)) }

    /// `{"$in": [...]}` over strings.
    static func isIn(_ values: [BSONValue]) -> BSONValue { ["$in": .array(values)] }
}
