/// A minimal JSON reader for one JSONL line (RFC 8259), keeping each value's raw text so ids can be echoed
/// back byte for byte with their JSON type ("7", "7.50", "\"a-7\"").
///
/// Foundation's JSONSerialization would do, but it costs more than the masking itself on short lines, turns
/// `7.50` into `7.5` and is not needed anywhere else in the batch path.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(key: String, value: JSONValue, raw: String)])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// Structural equality (member order matters, raw text does not).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    /// The first member named `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The raw JSON text of the first member named `key` of an object.
    public func rawMember(_ key: String) -> String? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.raw
    }

    /// The value when it is a JSON string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Parses one complete JSON document.
    public static func parse(_ text: String) throws(JSONError) -> JSONValue {
        var bytes = Array(text.utf8)
        bytes.append(0)  // sentinel: the parser may peek one byte past the end
        var parser = JSONParser(bytes: bytes, end: bytes.count - 1)
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.end else { throw JSONError("trailing characters after the JSON value") }
        return value
    }
}

/// A JSON syntax error; the message names the problem, never the input.
public struct JSONError: Error, Sendable, Equatable {
    /// What was wrong, without quoting the input.
    public let message: String
    init(_ message: String) { self.message = message }
}

/// Writes JSON strings: quotes, backslashes and control characters escaped, other UTF-8 as is.
public enum JSONWriter {
    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        output.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [0x5C, 0x22]
            case UInt8(ascii: "\\"): output += [0x5C, 0x5C]
            case UInt8(ascii: "\n"): output += [0x5C, UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): output += [0x5C, UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): output += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
        return String(decoding: output, as: UTF8.self)
    }
}
