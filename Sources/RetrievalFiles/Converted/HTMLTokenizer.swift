/// A forgiving HTML (and XHTML) tokenizer in one forward pass over the bytes: every byte is looked at a bounded
/// number of times, so time is linear in the input whatever it holds — no regular expressions, no backtracking.
///
/// It knows just enough of the HTML syntax to find text and tags: comments, doctypes and processing
/// instructions are skipped; attribute values may be quoted with `"` or `'` (a quoted `>` does not end the tag);
/// the content of `script`, `style`, `title` and `textarea` is raw text up to its end tag. Anything malformed —
/// a `<` that starts no tag, an unclosed comment, quote or tag at the end of the input — degrades to text or is
/// dropped; it never throws, loops or recurses.
struct HTMLTokenizer {
    enum Token: Equatable {
        /// Text between tags, entities not yet decoded: a range of `bytes`.
        case text(Range<Int>)
        /// The raw content of a `script`, `style`, `title` or `textarea` element (the start tag came just before).
        case rawText(Range<Int>)
        /// A start tag: its lower-cased name, its attributes when `collectsAttributes`, and whether it ends `/>`.
        case startTag(name: String, attributes: [Attribute], selfClosing: Bool)
        case endTag(name: String)
    }

    struct Attribute: Equatable {
        var name: String
        /// The value as written, entities not decoded (empty for a bare attribute).
        var value: Range<Int>
    }

    /// Elements whose content is raw text up to their end tag.
    static let rawTextElements: Set<String> = ["script", "style", "title", "textarea"]
    /// Tag names longer than this are cut: no element we act on has a longer name.
    private static let maximumNameLength = 32

    let bytes: [UInt8]
    /// Attribute names and value ranges are collected only when asked for (the PDF layout reader needs them).
    let collectsAttributes: Bool
    private var position = 0
    /// Set after the start tag of a raw-text element: the next token is its content.
    private var rawTextElement: String?

    init(bytes: [UInt8], collectsAttributes: Bool = false) {
        self.bytes = bytes
        self.collectsAttributes = collectsAttributes
    }

    mutating func next() -> Token? {
        if let element = rawTextElement {
            rawTextElement = nil
            let start = position
            position = endOfRawText(element, from: start)
            if start < position { return .rawText(start..<position) }
        }
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<") else {
                let start = position
                while position < bytes.count && bytes[position] != UInt8(ascii: "<") { position += 1 }
                return .text(start..<position)
            }
            if let token = markup() { return token }
        }
        return nil
    }

    /// At a `<`: a tag token, `nil` after skipping a comment or declaration, or a one-byte text token for a `<`
    /// that starts no tag. Always moves `position` forward.
    private mutating func markup() -> Token? {
        let next = byte(at: position + 1)
        switch next {
        case UInt8(ascii: "!"):
            if byte(at: position + 2) == UInt8(ascii: "-") && byte(at: position + 3) == UInt8(ascii: "-") {
                position = endOfComment(from: position + 4)
            } else {
                position = after(UInt8(ascii: ">"), from: position + 2)
            }
            return nil
        case UInt8(ascii: "?"):
            position = after(UInt8(ascii: ">"), from: position + 2)
            return nil
        case UInt8(ascii: "/"):
            guard let letter = byte(at: position + 2), Self.isLetter(letter) else {
                position = after(UInt8(ascii: ">"), from: position + 2)  // "</>" or "</ 3": a bogus comment
                return nil
            }
            position += 2
            let name = readName()
            position = after(UInt8(ascii: ">"), from: position)
            return .endTag(name: name)
        case let letter? where Self.isLetter(letter):
            position += 1
            return startTag()
        default:
            position += 1
            return .text(position - 1..<position)
        }
    }

    private mutating func startTag() -> Token {
        let name = readName()
        var attributes: [Attribute] = []
        var selfClosing = false
        while position < bytes.count {
            let current = bytes[position]
            if current == UInt8(ascii: ">") {
                position += 1
                if Self.rawTextElements.contains(name) && !selfClosing { rawTextElement = name }
                return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
            }
            if Self.isSpace(current) || current == UInt8(ascii: "/") {
                selfClosing = current == UInt8(ascii: "/")
                position += 1
                continue
            }
            selfClosing = false
            let attribute = readAttribute()
            if collectsAttributes { attributes.append(attribute) }
        }
        // The input ended inside the tag: keep what was read.
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    /// An attribute at `position` (which is not a space, `/` or `>`): the name, then an optional `= value`.
    private mutating func readAttribute() -> Attribute {
        let nameStart = position
        position += 1  // the first byte is part of the name even if it is "=" or a quote: always progress
        while let current = byte(at: position), !Self.isSpace(current),
            current != UInt8(ascii: "/"), current != UInt8(ascii: ">"), current != UInt8(ascii: "=")
        {
            position += 1
        }
        let name = collectsAttributes ? Self.lowercased(bytes[nameStart..<min(position, nameStart + 64)]) : ""
        var lookahead = position
        while let current = byte(at: lookahead), Self.isSpace(current) { lookahead += 1 }
        guard byte(at: lookahead) == UInt8(ascii: "=") else { return Attribute(name: name, value: position..<position) }
        position = lookahead + 1
        while let current = byte(at: position), Self.isSpace(current) { position += 1 }
        guard let first = byte(at: position) else { return Attribute(name: name, value: position..<position) }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let start = position + 1
            position = start
            while let current = byte(at: position), current != first { position += 1 }
            let value = start..<position
            position = min(position + 1, bytes.count)
            return Attribute(name: name, value: value)
        }
        let start = position
        while let current = byte(at: position), !Self.isSpace(current), current != UInt8(ascii: ">") { position += 1 }
        return Attribute(name: name, value: start..<position)
    }

    /// A tag name at `position`, lower-cased and cut to `maximumNameLength`.
    private mutating func readName() -> String {
        let start = position
        while let current = byte(at: position), !Self.isSpace(current),
            current != UInt8(ascii: "/"), current != UInt8(ascii: ">")
        {
            position += 1
        }
        return Self.lowercased(bytes[start..<min(position, start + Self.maximumNameLength)])
    }

    /// Where the raw text of `element` ends: at its `</element` end tag (any case), else at the end of the input.
    private func endOfRawText(_ element: String, from start: Int) -> Int {
        let name = Array(element.utf8)
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") && byte(at: index + 1) == UInt8(ascii: "/")
                && matches(name, at: index + 2)
            {
                let following = byte(at: index + 2 + name.count)
                if following == nil || Self.isSpace(following!) || following == UInt8(ascii: ">")
                    || following == UInt8(ascii: "/")
                {
                    return index
                }
            }
            index += 1
        }
        return bytes.count
    }

    /// Just past the `-->` that closes a comment whose text starts at `start`, or the end of the input.
    private func endOfComment(from start: Int) -> Int {
        // "<!-->" and "<!--->" are empty comments.
        if byte(at: start) == UInt8(ascii: ">") { return start + 1 }
        if byte(at: start) == UInt8(ascii: "-") && byte(at: start + 1) == UInt8(ascii: ">") { return start + 2 }
        var index = start
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-")
                && bytes[index + 2] == UInt8(ascii: ">")
            {
                return index + 3
            }
            index += 1
        }
        return bytes.count
    }

    /// Just past the next `target` at or after `start`, or the end of the input.
    private func after(_ target: UInt8, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == target { return index + 1 }
            index += 1
        }
        return bytes.count
    }

    private func matches(_ name: [UInt8], at start: Int) -> Bool {
        guard start + name.count <= bytes.count else { return false }
        for offset in 0..<name.count where Self.lowercase(bytes[start + offset]) != name[offset] { return false }
        return true
    }

    private func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lowercase(byte))
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func lowercased(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice.map(lowercase), as: UTF8.self)
    }
}
