import CMongoC
import Foundation

/// Owns one heap `bson_t` and destroys it exactly once, in `deinit`.
///
/// Deliberately not `Sendable`: a document is built, used and destroyed inside one job on one worker thread,
/// so a `bson_t` never crosses threads and never outlives the call that needed it. Everything that crosses
/// threads is a Swift value (`BSONValue`, JSON `Data`).
final class BSONDocument {
    /// Valid for the lifetime of this object; never destroy it elsewhere.
    let pointer: OpaquePointer

    /// An empty document.
    init() {
        pointer = bson_new()  // aborts on out-of-memory, like every libbson allocation
    }

    /// A document holding `fields`, in order.
    convenience init(_ fields: BSONFields) throws(MongoFailure) {
        self.init()
        for field in fields.pairs {
            try append(field.key, field.value)
        }
    }

    /// Parses extended JSON (canonical or relaxed), as written by `ExtendedJSON.encoder()`.
    init(json: Data) throws(MongoFailure) {
        let error = BSONErrorBox()
        let parsed = json.withUnsafeBytes { bytes -> OpaquePointer? in
            bson_new_from_json(bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count, error.pointer)
        }
        // The parser's message quotes the offending JSON, which may hold personal data: never surface it.
        guard let parsed else { throw MongoFailure.encoding("document is not valid extended JSON") }
        pointer = parsed
    }

    /// A deep copy of a document libmongoc lends us (a cursor's current document, say).
    init(copying borrowed: OpaquePointer) {
        pointer = bson_copy(borrowed)
    }

    deinit {
        bson_destroy(pointer)
    }

    /// Relaxed extended JSON of this document; see `BSONDocument.relaxedJSON(of:)`.
    func relaxedJSON() throws(MongoFailure) -> Data {
        try Self.relaxedJSON(of: pointer)
    }

    /// Relaxed extended JSON of a borrowed document: numbers are plain JSON numbers (doubles printed with 20
    /// significant digits, so they parse back to the same bits) and dates are `{"$date": ...}`, which
    /// `ExtendedJSON.decoder()` understands.
    static func relaxedJSON(of document: OpaquePointer) throws(MongoFailure) -> Data {
        var length = 0
        guard let text = bson_as_relaxed_extended_json(document, &length) else {
            throw MongoFailure.encoding("document cannot be written as JSON")
        }
        defer { bson_free(text) }
        return Data(bytes: text, count: length)
    }
}

extension BSONDocument {
    /// Appends one field. libbson refuses only when the document would exceed its size limit.
    func append(_ key: String, _ value: BSONValue) throws(MongoFailure) {
        guard appendValue(key, value) else {
            throw MongoFailure.encoding("document too large")
        }
    }

    private func appendValue(_ key: String, _ value: BSONValue) -> Bool {
        switch value {
        case .string(let text): appendUTF8(key, text)
        case .int32(let number): bson_append_int32(pointer, key, -1, number)
        case .int64(let number): bson_append_int64(pointer, key, -1, number)
        case .double(let number): bson_append_double(pointer, key, -1, number)
        case .bool(let flag): bson_append_bool(pointer, key, -1, flag)
        case .date(let date): bson_append_date_time(pointer, key, -1, ExtendedJSON.milliseconds(date))
        case .null: bson_append_null(pointer, key, -1)
        case .document(let fields): appendChild(key, fields: fields)
        case .array(let values): appendChild(key, elements: values)
        }
    }

    /// Strings are passed with their length so that an embedded NUL survives.
    private func appendUTF8(_ key: String, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, let length = Int32(exactly: bytes.count) else {
                // libbson would store a NULL value as BSON null: an empty string must stay a string.
                return bytes.isEmpty && bson_append_utf8(pointer, key, -1, "", 0)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                bson_append_utf8(pointer, key, -1, $0, length)
            }
        }
    }

    private func appendChild(_ key: String, fields: BSONFields) -> Bool {
        guard let child = try? BSONDocument(fields) else { return false }
        return bson_append_document(pointer, key, -1, child.pointer)
    }

    private func appendChild(_ key: String, elements: [BSONValue]) -> Bool {
        let child = BSONDocument()
        for (index, element) in elements.enumerated() where !child.appendValue(String(index), element) {
            return false
        }
        return bson_append_array(pointer, key, -1, child.pointer)
    }
}

/// A heap `bson_error_t` (allocated in C: see shim.h) freed when the box goes away.
final class BSONErrorBox {
    let pointer: UnsafeMutablePointer<bson_error_t>

    init() {
        guard let storage = cm_error_new() else { fatalError("out of memory allocating bson_error_t") }
        pointer = storage
    }

    deinit { cm_error_free(pointer) }

    var domain: UInt32 { cm_error_domain(pointer) }
    var code: UInt32 { cm_error_code(pointer) }
    /// May quote server text (a duplicate key's value, say): for logs of client-side errors only.
    var message: String { String(cString: cm_error_message(pointer)) }
}
