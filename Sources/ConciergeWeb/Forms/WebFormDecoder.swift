import ConciergeCore
import Foundation
import Hummingbird

/// Decodes `application/x-www-form-urlencoded` bodies for `request.decode(as:context:)`, which turns a missing or
/// mistyped field into a 400. Text that is not valid UTF-8, raw or percent-encoded, is refused (400) instead of
/// being silently repaired with U+FFFD. A control character (Unicode Cc, NUL included) in a field name, or in a field
/// the form does not list in `TypedFields.typedFields`, is a 400 too: the handler never sees it.
public struct WebFormDecoder: RequestDecoder {
    /// A decoder; it holds no state.
    public init() {}

    /// Reads the body (up to `context.maxUploadSize`), checks its UTF-8 and decodes `T` from it.
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws
        -> T
    {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard let text = FormEncoding.validatedText(Array(buffer.readableBytesView)) else {
            throw HTTPError(.badRequest, message: "invalid UTF-8")
        }
        let typed = (T.self as? any TypedFields.Type)?.typedFields ?? []
        guard !FormEncoding.hasControlCharacters(Array(text.utf8), outside: typed) else {
            throw HTTPError(.badRequest, message: FormEncoding.controlCharacterDetail)
        }
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            throw error  // request.decode maps these to 400
        } catch {
            throw HTTPError(.badRequest, message: "malformed form")  // duplicate keys, bad nesting
        }
    }
}

/// Strict checks on url-encoded form bodies.
enum FormEncoding {
    /// The body as text when it, and every percent-encoded component in it, is valid UTF-8.
    static func validatedText(_ bytes: [UInt8]) -> String? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        for pair in bytes.split(separator: UInt8(ascii: "&")) {
            for component in pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false) {
                guard let decoded = percentDecoded(component), String(validating: decoded, as: UTF8.self) != nil
                else { return nil }
            }
        }
        return text
    }

    static let controlCharacterDetail = "control characters"

    /// Whether a field name, or the value of a field not in `typed`, holds a control character once percent-decoded.
    static func hasControlCharacters(_ bytes: [UInt8], outside typed: Set<String>) -> Bool {
        for pair in bytes.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = text(parts[0]), !ControlCharacters.contained(in: key) else { return true }
            guard parts.count == 2, !typed.contains(key) else { continue }
            guard let value = text(parts[1]), !ControlCharacters.contained(in: value) else { return true }
        }
        return false
    }

    private static func text(_ component: ArraySlice<UInt8>) -> String? {
        percentDecoded(component).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// The value of the first `name=` field, percent-decoded (for the CSRF check before the handler decodes).
    static func field(_ name: String, in bytes: [UInt8]) -> String? {
        for pair in bytes.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let key = percentDecoded(parts[0]), key == Array(name.utf8),
                let value = percentDecoded(parts[1])
            else { continue }
            return String(validating: value, as: UTF8.self)
        }
        return nil
    }

    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard bytes.endIndex - index >= 3, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2])
                else { return nil }
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
