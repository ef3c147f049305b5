import CMongoC

/// Walks the fields of a borrowed document in order. The `bson_iter_t` is allocated in C (128-byte aligned,
/// see shim.h) and freed with the iterator; the document must outlive it.
final class BSONIterator {
    private let pointer: OpaquePointer

    /// An iterator over `document`, or nil when the document is malformed.
    init?(_ document: OpaquePointer) {
        guard let storage = cm_iter_new() else { fatalError("out of memory allocating bson_iter_t") }
        guard bson_iter_init(storage, document) else {
            cm_iter_free(storage)
            return nil
        }
        pointer = storage
    }

    /// An iterator over the sub-document or array the parent is positioned on, or nil if it is neither.
    init?(childOf parent: BSONIterator) {
        guard let storage = cm_iter_new() else { fatalError("out of memory allocating bson_iter_t") }
        guard bson_iter_recurse(parent.pointer, storage) else {
            cm_iter_free(storage)
            return nil
        }
        pointer = storage
    }

    deinit { cm_iter_free(pointer) }

    /// Moves to the next field; false at the end.
    func next() -> Bool { bson_iter_next(pointer) }

    var key: String { String(cString: bson_iter_key(pointer)) }

    /// The current UTF-8 value, or nil for any other type.
    var string: String? {
        guard bson_iter_type(pointer) == BSON_TYPE_UTF8 else { return nil }
        var length: UInt32 = 0
        guard let text = bson_iter_utf8(pointer, &length) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: text, count: Int(length)), as: UTF8.self)
    }

    /// The current value as an integer (int32, int64, double and bool convert; anything else is 0).
    var integer: Int { Int(bson_iter_as_int64(pointer)) }

    /// The current value's truth (BSON's: false, null, 0 and absent are false).
    var bool: Bool { bson_iter_as_bool(pointer) }
}
