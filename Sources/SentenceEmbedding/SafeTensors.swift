import Foundation

/// A `.safetensors` file: an 8-byte little-endian header length, a JSON header mapping each tensor name to
/// `{dtype, shape, data_offsets: [begin, end]}` (offsets relative to the end of the header), then the raw bytes.
///
/// Each tensor the model needs is read once, with `pread`, straight into the `[Float]` the forward pass uses: no
/// mapping or intermediate copy, so loading peaks at the weights' own size. Every offset and length is checked
/// against the file before a byte is read, so a truncated or tampered file is a `corruptFile` error, never a crash.
struct SafeTensors {
    struct Entry: Equatable {
        var dtype: String
        var shape: [Int]
        var begin: Int
        var end: Int
    }

    let path: String
    let entries: [String: Entry]
    private let descriptor: Int32
    private let dataStart: Int

    /// Refuses headers above 100 MB, as the reference implementation does: a garbage length must not allocate.
    private static let maximumHeaderLength = 100_000_000

    /// Opens the file, hands it to `body` and closes it again, whatever `body` does.
    static func withFile<Value>(_ url: URL, _ body: (SafeTensors) throws -> Value) throws -> Value {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SentenceEmbeddingError.missingFile(path: url.path)
        }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw corrupt(url.path, "cannot be opened") }
        defer { close(descriptor) }
        return try body(try SafeTensors(descriptor: descriptor, path: url.path))
    }

    private init(descriptor: Int32, path: String) throws {
        self.descriptor = descriptor
        self.path = path
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.corrupt(path, "cannot be read") }
        let fileSize = Int(status.st_size)
        var lengthBytes = [UInt8](repeating: 0, count: 8)
        guard fileSize >= 8, Self.read(descriptor, into: &lengthBytes, at: 0) else {
            throw Self.corrupt(path, "shorter than its 8-byte header length")
        }
        let headerLength = lengthBytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
        guard headerLength <= Self.maximumHeaderLength, 8 + Int(headerLength) <= fileSize else {
            throw Self.corrupt(path, "header length \(headerLength) exceeds the file (\(fileSize) bytes)")
        }
        var header = [UInt8](repeating: 0, count: Int(headerLength))
        guard Self.read(descriptor, into: &header, at: 8) else { throw Self.corrupt(path, "cannot be read") }
        dataStart = 8 + Int(headerLength)
        entries = try Self.parseHeader(Data(header), path: path)
        let dataLength = fileSize - dataStart
        for (name, entry) in entries where entry.end > dataLength {
            throw Self.corrupt(path, "tensor \(name) ends at byte \(entry.end), past the data (\(dataLength) bytes)")
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
        // The data is little-endian; every platform Swift runs this package on is too, so the bytes load as is.
        var values = [Float](repeating: 0, count: count)
        let complete = values.withUnsafeMutableBytes { buffer in
            Self.read(descriptor, into: buffer, at: dataStart + entry.begin)
        }
        guard complete else { throw Self.corrupt(path, "tensor \(name) cannot be read") }
        return values
    }

    private static func read(_ descriptor: Int32, into bytes: inout [UInt8], at offset: Int) -> Bool {
        bytes.withUnsafeMutableBytes { read(descriptor, into: $0, at: offset) }
    }

    /// Fills `buffer` from `offset`, looping over short reads (and retrying interrupted ones).
    private static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            done += result
        }
        return true
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
