import Foundation

/// A `.safetensors` file: an 8-byte little-endian header length, a JSON header mapping each tensor name to
/// `{dtype, shape, data_offsets: [begin, end]}` (offsets relative to the end of the header), then the raw bytes.
///
/// The file is memory-mapped while the model is built and each tensor the model needs is copied out once as
/// `[Float]`: the copies are what the forward pass reads, and the mapping is dropped when this value goes away.
/// Every offset and length is checked against the file before a byte is read, so a truncated or tampered file is
/// a `corruptFile` error, never a crash.
struct SafeTensors {
    struct Entry: Equatable {
        var dtype: String
        var shape: [Int]
        var begin: Int
        var end: Int
    }

    let path: String
    let entries: [String: Entry]
    private let bytes: Data
    private let dataStart: Int

    /// Refuses headers above 100 MB, as the reference implementation does: a garbage length must not allocate.
    private static let maximumHeaderLength = 100_000_000

    init(contentsOf url: URL) throws {
        path = url.path
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SentenceEmbeddingError.missingFile(path: url.path)
        }
        do {
            bytes = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw SentenceEmbeddingError.corruptFile(path: url.path, reason: "cannot be read")
        }
        guard bytes.count >= 8 else { throw Self.corrupt(url.path, "shorter than its 8-byte header length") }
        let headerLength = bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
        guard headerLength <= Self.maximumHeaderLength, 8 + Int(headerLength) <= bytes.count else {
            throw Self.corrupt(url.path, "header length \(headerLength) exceeds the file (\(bytes.count) bytes)")
        }
        dataStart = 8 + Int(headerLength)
        entries = try Self.parseHeader(bytes.subdata(in: 8..<dataStart), path: url.path)
        let dataLength = bytes.count - dataStart
        for (name, entry) in entries where entry.end > dataLength {
            throw Self.corrupt(url.path, "tensor \(name) ends at byte \(entry.end), past the data (\(dataLength) bytes)")
        }
    }

    /// The float32 tensor `name`, which must have exactly `shape`.
    func floats(_ name: String, shape: [Int]) throws -> [Float] {
        guard let entry = entries[name] else { throw Self.corrupt(path, "tensor \(name) is missing") }
        guard entry.dtype == "F32" else { throw Self.corrupt(path, "tensor \(name) is \(entry.dtype), expected F32") }
        guard entry.shape == shape else {
            throw Self.corrupt(path, "tensor \(name) has shape \(entry.shape), expected \(shape)")
        }
        let count = shape.reduce(1, *)
        guard entry.end - entry.begin == count * MemoryLayout<Float>.size else {
            throw Self.corrupt(path, "tensor \(name) holds \(entry.end - entry.begin) bytes for \(count) floats")
        }
        // The data is little-endian; every platform Swift runs this package on is too, so the bytes copy as is.
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                let source = UnsafeRawBufferPointer(rebasing: raw[(dataStart + entry.begin)..<(dataStart + entry.end)])
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            initialized = count
        }
    }

    private static func parseHeader(_ header: Data, path: String) throws -> [String: Entry] {
        guard let object = try? JSONSerialization.jsonObject(with: header), let table = object as? [String: Any] else {
            throw corrupt(path, "header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        for (name, value) in table where name != "__metadata__" {
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                let shape = integers(fields["shape"]), let offsets = integers(fields["data_offsets"]),
                offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1], shape.allSatisfy({ $0 >= 0 })
            else { throw corrupt(path, "header entry \(name) is malformed") }
            entries[name] = Entry(dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1])
        }
        return entries
    }

    /// A JSON array of non-negative integers, whichever numeric type `JSONSerialization` chose for them.
    private static func integers(_ value: Any?) -> [Int]? {
        guard let array = value as? [Any] else { return nil }
        var result: [Int] = []
        for element in array {
            guard let number = element as? NSNumber, let integer = Int(exactly: number.doubleValue),
                integer >= 0, integer < Int(Int32.max) * 16
            else { return nil }
            result.append(integer)
        }
        return result
    }

    private static func corrupt(_ path: String, _ reason: String) -> SentenceEmbeddingError {
        .corruptFile(path: path, reason: reason)
    }
}
