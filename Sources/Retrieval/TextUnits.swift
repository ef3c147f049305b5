/// Splits a section body into the smallest pieces a chunk boundary may fall between: sentences of paragraphs
/// and list items, table rows (a header row keeps its `|---|` line), and whole fenced code blocks.
///
/// Hard-wrapped paragraphs are joined before sentence splitting, so a line break inside a sentence is never a
/// boundary.
enum TextUnits {
    /// Words that end with a full stop without ending a sentence.
    static let abbreviations: Set<String> = [
        "e.g", "eg", "i.e", "ie", "etc", "vs", "no", "approx", "incl", "excl", "min", "max", "mr", "mrs", "ms",
        "dr", "st", "ltd", "co", "inc", "dept", "tel", "fig", "ref", "nr", "vol", "p", "pp",
    ]

    static func split(_ body: Substring) -> [Range<String.Index>] {
        var units: [Range<String.Index>] = []
        for block in blocks(body) {
            if block.isAtomic {
                units.append(block.range)
            } else {
                units.append(contentsOf: sentences(body[block.range]))
            }
        }
        return units
    }

    private struct Block {
        var range: Range<String.Index>
        /// Table rows and code blocks are never split into sentences.
        var isAtomic: Bool
    }

    private enum LineKind {
        case blank, fence, tableRow, tableRule, listItem, text
    }

    /// Groups lines into paragraphs, list items, table rows and code blocks.
    private static func blocks(_ body: Substring) -> [Block] {
        var builder = BlockBuilder()
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            builder.add(line, kind: classify(line))
        }
        builder.close()
        return builder.blocks
    }

    /// Accumulates lines into blocks.
    private struct BlockBuilder {
        var blocks: [Block] = []
        var open: Block?
        var inFence = false

        mutating func close() {
            if let block = open { blocks.append(block) }
            open = nil
        }

        mutating func add(_ line: Substring, kind: LineKind) {
            if inFence || kind == .fence {
                if !inFence { close() }  // a fence opens a new block
                open = Block(range: (open?.range.lowerBound ?? line.startIndex)..<line.endIndex, isAtomic: true)
                if kind == .fence { inFence.toggle() }
                if !inFence { close() }  // and its closing line ends it
                return
            }
            switch kind {
            case .blank:
                close()
            case .tableRule where open?.isAtomic == true:
                // The |---| line stays with its header row.
                if let header = open { open = Block(range: header.range.lowerBound..<line.endIndex, isAtomic: true) }
            case .tableRow, .tableRule, .listItem:
                close()
                open = Block(range: line.startIndex..<line.endIndex, isAtomic: kind != .listItem)
            case .text, .fence:
                if let block = open, !block.isAtomic {
                    open = Block(range: block.range.lowerBound..<line.endIndex, isAtomic: false)
                } else {
                    close()
                    open = Block(range: line.startIndex..<line.endIndex, isAtomic: false)
                }
            }
        }
    }

    private static func classify(_ line: Substring) -> LineKind {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        guard let first = trimmed.first else { return .blank }
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { return .fence }
        if first == "|" {
            let isRule = trimmed.allSatisfy { "|-: \t".contains($0) } && trimmed.contains("-")
            return isRule ? .tableRule : .tableRow
        }
        let afterMarker = trimmed.dropFirst()
        if "-*+".contains(first) && (afterMarker.first == " " || afterMarker.first == "\t") { return .listItem }
        let digits = trimmed.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 3 {
            let rest = trimmed.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " {
                return .listItem
            }
        }
        return .text
    }

    /// Sentence ranges within a paragraph or list item: a break after `.`, `!` or `?` (and any closing quotes,
    /// brackets or emphasis) followed by whitespace and something that is not a lower-case letter, unless the
    /// word before the stop is a known abbreviation.
    static func sentences(_ text: Substring) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            guard character == "." || character == "!" || character == "?" else { continue }
            var end = index
            while end < text.endIndex, "\"')]*_”’".contains(text[end]) { end = text.index(after: end) }
            guard end < text.endIndex, text[end].isWhitespace else { continue }
            guard let next = text[end...].firstIndex(where: { !$0.isWhitespace }) else { break }
            if text[next].isLowercase
                || (character == "." && isAbbreviation(before: text.index(before: index), in: text))
            {
                continue
            }
            if let range = trimmed(text, start..<end) { ranges.append(range) }
            start = next
            index = next
        }
        if let range = trimmed(text, start..<text.endIndex) { ranges.append(range) }
        return ranges
    }

    private static func isAbbreviation(before stop: String.Index, in text: Substring) -> Bool {
        var wordStart = stop
        while wordStart > text.startIndex {
            let previous = text.index(before: wordStart)
            guard text[previous].isLetter || text[previous] == "." else { break }
            wordStart = previous
        }
        return abbreviations.contains(text[wordStart..<stop].lowercased())
    }

    private static func trimmed(_ text: Substring, _ range: Range<String.Index>) -> Range<String.Index>? {
        guard let first = text[range].firstIndex(where: { !$0.isWhitespace }),
            let last = text[range].lastIndex(where: { !$0.isWhitespace })
        else { return nil }
        return first..<text.index(after: last)
    }
}
