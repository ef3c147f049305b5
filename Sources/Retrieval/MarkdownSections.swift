import Foundation

/// A Markdown document cut at its headings: the title and, for each heading, the path to it and the text under
/// it up to the next heading.
///
/// Handles what real policy pages contain: YAML front matter (its `title:` is used when there is no `#` title),
/// ATX (`## Refunds`) and setext (`Refunds` over `=====`) headings, fenced code (a `#` in it is not a heading),
/// lists and tables (plain text to this parser), and files with no heading at all.
struct MarkdownSections {
    struct Section {
        /// Headings below the title, outermost first.
        var headings: [String]
        /// The section's own text as written in the document (heading line excluded), trimmed of blank lines.
        var body: Substring
    }

    var title: String
    var sections: [Section]

    private struct Heading {
        var level: Int
        var text: String
        /// Lines taken by the heading: 1 for ATX, 2 for setext (text line plus underline).
        var lineCount: Int
    }

    /// Parses `markdown`; `fallbackTitle` is used when neither a `#` heading nor front matter names the document.
    init(markdown: String, fallbackTitle: String) {
        // "\r\n" is one Character in Swift and would never split on "\n".
        let text = markdown.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = Self.lines(of: text)
        let frontMatter = Self.stripFrontMatter(&lines)
        var title: String?
        var stack: [(level: Int, text: String)] = []
        var sections: [Section] = []
        var bodyStart = lines.first?.startIndex ?? text.startIndex
        var currentHeadings: [String] = []
        var inFence = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if Self.isFence(line) { inFence.toggle() }
            guard !inFence, let heading = Self.heading(at: index, in: lines) else {
                index += 1
                continue
            }
            sections.append(Section(headings: currentHeadings, body: text[bodyStart..<line.startIndex]))
            if title == nil && stack.isEmpty && heading.level == 1 {  // the first heading, if it is a `#`
                title = heading.text
            } else {
                while let last = stack.last, last.level >= heading.level { stack.removeLast() }
                stack.append((heading.level, heading.text))
            }
            currentHeadings = stack.map(\.text)
            index += heading.lineCount
            bodyStart = index < lines.count ? lines[index].startIndex : text.endIndex
        }
        sections.append(Section(headings: currentHeadings, body: text[bodyStart..<text.endIndex]))
        self.title = title ?? frontMatter["title"] ?? fallbackTitle
        self.sections = sections.compactMap { section in
            let body = Self.trimBlankLines(section.body)
            return body.contains(where: { $0.isLetter || $0.isNumber })
                ? Section(headings: section.headings, body: body) : nil
        }
    }

    /// Lines without their terminators, as slices of the original text.
    private static func lines(of text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Removes a leading `---` … `---` (or `...`) block and returns its simple `key: value` pairs.
    private static func stripFrontMatter(_ lines: inout [Substring]) -> [String: String] {
        guard let first = lines.first, first.trimmingWhitespace() == "---",
            let end = lines.dropFirst().prefix(200).firstIndex(where: {
                $0.trimmingWhitespace() == "---" || $0.trimmingWhitespace() == "..."
            })
        else { return [:] }
        var values: [String: String] = [:]
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingWhitespace().lowercased()
            var value = line[line.index(after: colon)...].trimmingWhitespace()
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty && !value.isEmpty && values[key] == nil { values[key] = value }
        }
        lines.removeFirst(end + 1)
        return values
    }

    private static func isFence(_ line: Substring) -> Bool {
        let trimmed = line.drop(while: { $0 == " " })
        return line.count - trimmed.count <= 3 && (trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~"))
    }

    private static func heading(at index: Int, in lines: [Substring]) -> Heading? {
        if let atx = atxHeading(lines[index]) { return atx }
        // Setext: a single paragraph line (blank or nothing before it) underlined by === or ---.
        guard index + 1 < lines.count, index == 0 || lines[index - 1].trimmingWhitespace().isEmpty else { return nil }
        let text = lines[index].trimmingWhitespace()
        let underline = lines[index + 1].trimmingWhitespace()
        guard !text.isEmpty, !isBlockStart(text), underline.count >= 3,
            let marker = underline.first, marker == "=" || marker == "-", underline.allSatisfy({ $0 == marker })
        else { return nil }
        return Heading(level: marker == "=" ? 1 : 2, text: cleanInline(text), lineCount: 2)
    }

    private static func atxHeading(_ line: Substring) -> Heading? {
        let indented = line.drop(while: { $0 == " " })
        guard line.count - indented.count <= 3 else { return nil }
        let hashes = indented.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = indented.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        // Optional closing hashes: "## Refunds ##".
        var text = rest.trimmingWhitespace()
        let closing = text.reversed().prefix(while: { $0 == "#" }).count
        if closing > 0 && (closing == text.count || text.dropLast(closing).last == " ") {
            text = String(text.dropLast(closing)).trimmingWhitespace()
        }
        let cleaned = cleanInline(text)
        return cleaned.isEmpty ? nil : Heading(level: hashes, text: cleaned, lineCount: 1)
    }

    /// Lines that start a list, quote, table or other block cannot be setext heading text.
    private static func isBlockStart(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if "-*+>|#<".contains(first) { return true }
        let digits = text.prefix(while: \.isNumber)
        return !digits.isEmpty
            && (text.dropFirst(digits.count).first == "." || text.dropFirst(digits.count).first == ")")
    }

    /// Heading text without inline markup: emphasis markers, code ticks and link targets.
    static func cleanInline(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "]", text.index(after: index) < text.endIndex, text[text.index(after: index)] == "(",
                let close = text[index...].firstIndex(of: ")")
            {
                index = text.index(after: close)  // drop "(url)" after a link's text
                continue
            }
            if !"*_`[]".contains(character) { result.append(character) }
            index = text.index(after: index)
        }
        return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func trimBlankLines(_ body: Substring) -> Substring {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, first.trimmingWhitespace().isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingWhitespace().isEmpty { lines.removeLast() }
        guard let first = lines.first, let last = lines.last else { return body[body.endIndex...] }
        // Keep the first line's indentation but not trailing spaces after the last character.
        let end = last.lastIndex(where: { !$0.isWhitespace }).map { body.index(after: $0) } ?? last.endIndex
        return body[first.startIndex..<end]
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }
}
