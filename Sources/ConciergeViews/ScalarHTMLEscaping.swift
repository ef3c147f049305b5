import Foundation
import Mustache

/// HTML escaping at the byte level, installed as the content type of every template.
///
/// `&`, `<`, `>`, `"` and `'` are ASCII, and in UTF-8 no byte of another scalar can equal an ASCII byte, so looking
/// at bytes escapes each of them wherever it stands, whatever combining mark follows it or prepend character comes
/// before it. (swift-mustache 2.1's own escaper iterates `Character`s: `"\u{301}` and `\u{600}<` pass through it raw.)
public struct ScalarHTMLEscaping: MustacheContentType {
    /// The name the templates' pragma refers to.
    static let name = "SCALAR_HTML"
    /// Put in front of every template's text when it is loaded, on a line of its own (a standalone tag, which
    /// renders as nothing at all).
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    public init() {}

    public func escapeText(_ text: String) -> String { Self.escape(text) }

    /// `text` with the five HTML-significant ASCII characters replaced by entities, scalar by scalar.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { entity(for: $0) != nil }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                if let entity = entity(for: byte) { output.append(contentsOf: entity) } else { output.append(byte) }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): Array("&amp;".utf8)
        case UInt8(ascii: "<"): Array("&lt;".utf8)
        case UInt8(ascii: ">"): Array("&gt;".utf8)
        case UInt8(ascii: "\""): Array("&quot;".utf8)
        case UInt8(ascii: "'"): Array("&#39;".utf8)
        default: nil
        }
    }

    /// Every `*.mustache` file of `directory` (named by its path without the extension, as swift-mustache does),
    /// each parsed with the pragma in front, so that every `{{ }}` in it escapes with `escape(_:)`.
    static func library(directory: String) throws -> MustacheLibrary {
        MustacheContentTypes.register(ScalarHTMLEscaping(), named: name)
        let root = directory.hasSuffix("/") ? directory : directory + "/"
        var templates: [String: MustacheTemplate] = [:]
        guard let paths = FileManager.default.enumerator(atPath: root) else { return MustacheLibrary() }
        for case let path as String in paths where path.hasSuffix(".mustache") {
            guard let data = FileManager.default.contents(atPath: root + path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(string: pragma + text)
        }
        return MustacheLibrary(templates: templates)
    }
}
