/// Writes the Markdown subset `MarkdownChunker` reads — `#` headings, paragraphs, `- ` list items and
/// `| a | b |` table rows — for documents converted from HTML or PDF, so they are cut and cited like Markdown.
///
/// Every block is one line with its whitespace collapsed. Paragraphs and headings are separated by blank lines;
/// consecutive list items and table rows are not, so the chunker keeps each item or row as one unit. Table rows
/// get the outer `|` so the chunker never splits a row into sentences nor joins rows into a paragraph.
struct MarkdownWriter {
    private enum Kind { case heading, paragraph, listItem, tableRow }

    private(set) var markdown = ""
    private var last: Kind?

    /// A `#` … `######` heading (levels outside 1…6 are clamped).
    mutating func heading(level: Int, _ text: String) {
        let line = Self.singleLine(text)
        guard !line.isEmpty else { return }
        append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + line, kind: .heading)
    }

    mutating func paragraph(_ text: String) {
        let line = Self.singleLine(text)
        guard !line.isEmpty else { return }
        append(Self.escaped(line), kind: .paragraph)
    }

    mutating func listItem(_ text: String) {
        let line = Self.singleLine(text)
        guard !line.isEmpty else { return }
        append("- " + line, kind: .listItem)
    }

    /// A table row; rows whose cells are all empty are dropped.
    mutating func tableRow(_ cells: [String]) {
        let cells = cells.map(Self.singleLine)
        guard cells.contains(where: { !$0.isEmpty }) else { return }
        append("| " + cells.joined(separator: " | ") + " |", kind: .tableRow)
    }

    private mutating func append(_ line: String, kind: Kind) {
        if let last, !(last == kind && (kind == .listItem || kind == .tableRow)) {
            markdown += "\n"
        }
        markdown += line + "\n"
        last = kind
    }

    /// The text on one line: runs of whitespace (line breaks and no-break spaces included) become one space.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A backslash before paragraph text that the chunker would otherwise read as a heading, a code fence or a
    /// front-matter rule ("# of items", "```", "---"), as Markdown escapes it.
    static func escaped(_ line: String) -> String {
        guard let first = line.first else { return line }
        let isRule = line.count >= 3 && line.allSatisfy { $0 == "-" || $0 == "=" }
        return first == "#" || line.hasPrefix("```") || line.hasPrefix("~~~") || isRule ? "\\" + line : line
    }
}
