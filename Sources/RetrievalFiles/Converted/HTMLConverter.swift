/// Converts an HTML page into the Markdown `MarkdownChunker` reads, keeping the structure retrieval cites:
/// `h1`…`h6` become `#`…`######`, paragraphs and other blocks become paragraphs, `li` becomes `- item`, a table
/// row becomes `| cell | cell |`. Inline tags vanish (`<b>Re</b>funds` is "Refunds"), entities are decoded, and
/// page furniture is dropped: `script`, `style`, `noscript`, `template`, `svg`, `iframe`, `select`, `button`,
/// `nav`, and `header`/`footer` of the page (those inside `main`, `article` or `section` belong to the content).
///
/// The title is the `<title>` (else the first `h1`); it is written first as `# title`, so the chunker names the
/// document with it, and the first heading is not repeated when it says the same (whatever its level).
///
/// Linear in the input (see `HTMLTokenizer`) and forgiving: unclosed elements end with the page, stray end tags
/// are ignored, and an unclosed `nav`, `header` or `footer` ends at the next `main` or `article`.
struct HTMLConverter {
    /// The input was not UTF-8 (nor Windows-1252 declared as such). `offset` is the first byte that is not.
    struct NotUTF8: Error, Equatable, CustomStringConvertible {
        var offset: Int
        var isUTF16 = false
        /// The page's own `charset=`, when it declares one.
        var declaredCharset: String?

        var description: String {
            if isUTF16 { return "the file is UTF-16; save it as UTF-8" }
            if let declaredCharset, declaredCharset != "utf-8" && declaredCharset != "utf8" {
                return "the page is in \(declaredCharset), which is not read; save it as UTF-8"
            }
            return "not valid UTF-8 (byte \(offset)); save the page as UTF-8"
        }
    }

    /// One converted block before writing.
    enum Block: Equatable {
        case heading(level: Int, text: String)
        case paragraph(String)
        case listItem(String)
        case tableRow([String])

        var headingText: String? {
            if case .heading(_, let text) = self { return text }
            return nil
        }
    }

    private enum Mode {
        case flow
        case heading(level: Int)
        case listItem
        /// The cells so far and whether one is open (its text is in `text`).
        case row(cells: [String], cellOpen: Bool)
    }

    static let droppedElements: Set<String> = [
        "noscript", "template", "svg", "math", "iframe", "object", "select", "button", "nav",
    ]
    /// Dropped unless inside one of `contentContainers`.
    private static let pageFurniture: Set<String> = ["header", "footer"]
    /// `header` and `footer` inside these are part of the content.
    private static let contentContainers: Set<String> = ["main", "article", "section"]
    /// Elements that end the current block (or, inside a heading, list item or table cell, add a space).
    private static let blockElements: Set<String> = [
        "p", "div", "br", "hr", "section", "article", "main", "aside", "blockquote", "pre", "address", "figure",
        "figcaption", "details", "summary", "dl", "dt", "dd", "body", "html", "head", "form", "fieldset", "legend",
        "center", "caption", "header", "footer", "ul", "ol", "menu", "table", "thead", "tbody", "tfoot", "option",
    ]

    private static let cellAndItemElements: Set<String> = ["li", "tr", "td", "th"]

    private(set) var blocks: [Block] = []
    private(set) var pageTitle: String?
    private var mode = Mode.flow
    private var text: [UInt8] = []
    /// The element being dropped and how deeply it is nested in itself.
    private var dropped: (name: String, depth: Int)?
    private var openContainers = 0
    private var lastStartTag = ""

    /// The Markdown of `data`, which must be UTF-8 (a byte-order mark is allowed), or declare a `charset` that
    /// browsers read as Windows-1252 (`iso-8859-1`, `windows-1252`…). Valid UTF-8 is read as UTF-8 whatever the
    /// page declares: pages saved as UTF-8 with a stale Latin-1 declaration are common, the reverse is not.
    static func markdown(from data: some Collection<UInt8>) throws(NotUTF8) -> String {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        do {
            try validateUTF8(bytes)
        } catch {
            let declared = HTMLCharset.declared(in: bytes)
            guard !error.isUTF16, let declared, HTMLCharset.windows1252Labels.contains(declared) else {
                throw NotUTF8(offset: error.offset, isUTF16: error.isUTF16, declaredCharset: declared)
            }
            bytes = HTMLCharset.utf8(fromWindows1252: bytes)
        }
        var converter = HTMLConverter()
        converter.convert(bytes)
        return converter.markdown
    }

    /// The document's title: the `<title>`, else the first `h1`.
    var title: String? {
        if let pageTitle, !pageTitle.isEmpty { return pageTitle }
        for case .heading(1, let text) in blocks { return text }
        return nil
    }

    /// The blocks written as Markdown, the title first.
    var markdown: String {
        var writer = MarkdownWriter()
        var repeatedTitle: Int?
        if let title {
            writer.heading(level: 1, title)
            // The first heading (any level) or the first h1 (where a title without <title> comes from).
            let firstHeading = blocks.firstIndex { $0.headingText != nil }
            let firstH1 = blocks.firstIndex { if case .heading(1, _) = $0 { true } else { false } }
            repeatedTitle = [firstHeading, firstH1].compactMap { $0 }.first { blocks[$0].headingText == title }
        }
        for (index, block) in blocks.enumerated() where index != repeatedTitle {
            switch block {
            case .heading(let level, let text): writer.heading(level: level, text)
            case .paragraph(let text): writer.paragraph(text)
            case .listItem(let text): writer.listItem(text)
            case .tableRow(let cells): writer.tableRow(cells)
            }
        }
        return writer.markdown
    }

    mutating func convert(_ bytes: [UInt8]) {
        var tokenizer = HTMLTokenizer(bytes: bytes)
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                if dropped == nil { HTMLEntities.decode(bytes, range, into: &text) }
            case .rawText(let range):
                if dropped == nil && lastStartTag == "title" && pageTitle == nil {
                    pageTitle = MarkdownWriter.singleLine(HTMLEntities.decodedString(bytes, range))
                }
            case .startTag(let name, _, let selfClosing):
                lastStartTag = name
                start(name, selfClosing: selfClosing)
            case .endTag(let name):
                lastStartTag = ""
                end(name)
            }
        }
        flush()
    }

    private mutating func start(_ name: String, selfClosing: Bool) {
        if let current = dropped {
            // Recovery: an unclosed <nav>, <header> or <footer> must not swallow the page's content.
            let recovers =
                (current.name == "nav" || Self.pageFurniture.contains(current.name))
                && (name == "main" || name == "article")
            guard recovers else {
                if name == current.name && !selfClosing { dropped = (current.name, current.depth + 1) }
                return
            }
            dropped = nil
        }
        if Self.contentContainers.contains(name) { openContainers += 1 }
        let isPageFurniture = Self.pageFurniture.contains(name) && openContainers == 0
        if Self.droppedElements.contains(name) || isPageFurniture {
            if !selfClosing {
                flush()
                dropped = (name, 1)
            }
            return
        }
        if case .row(_, cellOpen: true) = mode, name == "li" || Self.headingLevel(name) != nil {
            text.append(UInt8(ascii: " "))  // a list or heading inside a table cell stays in the cell
        } else if let level = Self.headingLevel(name) {
            flush()
            mode = .heading(level: level)
        } else if name == "li" {
            flush()
            mode = .listItem
        } else if name == "tr" {
            flush()
            mode = .row(cells: [], cellOpen: false)
        } else if name == "td" || name == "th" {
            startCell()
        } else if Self.blockElements.contains(name) {
            blockBoundary()
        }
    }

    private mutating func end(_ name: String) {
        if let current = dropped {
            guard name == current.name else { return }
            dropped = current.depth > 1 ? (current.name, current.depth - 1) : nil
            return
        }
        if Self.contentContainers.contains(name) { openContainers = max(openContainers - 1, 0) }
        switch mode {
        case .heading where Self.headingLevel(name) != nil: flush()
        case .listItem where name == "li" || name == "ul" || name == "ol": flush()
        case .row(let cells, true) where name == "td" || name == "th":
            mode = .row(cells: cells + [takeText()], cellOpen: false)
        case .row where name == "tr" || name == "table": flush()
        default:
            if Self.blockElements.contains(name) || Self.cellAndItemElements.contains(name)
                || Self.headingLevel(name) != nil
            {
                blockBoundary()
            }
        }
    }

    private mutating func startCell() {
        switch mode {
        case .row(let cells, let cellOpen):
            mode = .row(cells: cellOpen ? cells + [takeText()] : cells, cellOpen: true)
        default:
            flush()  // a cell outside a row starts one
            mode = .row(cells: [], cellOpen: true)
        }
    }

    /// A block element inside flow text ends the paragraph; inside a heading, item or cell it separates words.
    private mutating func blockBoundary() {
        if case .flow = mode {
            flush()
        } else {
            text.append(UInt8(ascii: " "))
        }
    }

    /// Ends the current block.
    private mutating func flush() {
        switch mode {
        case .flow: append(.paragraph(takeText()))
        case .heading(let level): append(.heading(level: level, text: takeText()))
        case .listItem: append(.listItem(takeText()))
        case .row(let cells, let cellOpen):
            let all = cellOpen ? cells + [takeText()] : cells
            if all.contains(where: { !$0.isEmpty }) { blocks.append(.tableRow(all)) }
            append(.paragraph(takeText()))  // stray text in a row after its last cell
        }
        mode = .flow
    }

    private mutating func append(_ block: Block) {
        switch block {
        case .heading(_, let text), .paragraph(let text), .listItem(let text):
            if !text.isEmpty { blocks.append(block) }
        case .tableRow:
            blocks.append(block)
        }
    }

    private mutating func takeText() -> String {
        defer { text.removeAll(keepingCapacity: true) }
        return MarkdownWriter.singleLine(String(decoding: text, as: UTF8.self))
    }

    private static func headingLevel(_ name: String) -> Int? {
        guard name.utf8.count == 2, name.first == "h", let digit = name.last?.wholeNumberValue, (1...6).contains(digit)
        else { return nil }
        return digit
    }

    /// Throws at the first byte that does not belong to a well-formed UTF-8 sequence.
    static func validateUTF8(_ bytes: [UInt8]) throws(NotUTF8) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw NotUTF8(offset: 0, isUTF16: true)
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return
            case .error: throw NotUTF8(offset: offset, isUTF16: false)
            }
        }
    }
}
