/// Recovers a PDF's headings from its font sizes and writes the text as the Markdown `MarkdownChunker` reads.
///
/// Plain PDF text has no structure, but headings are set larger than the text under them. The heuristic:
/// 1. **Body size.** Line heights are rounded to half a point; the body size is the height carrying the most
///    characters (not the most lines, so a page of short headings does not outvote the paragraphs).
/// 2. **Heading lines.** A line is a heading when its height is at least `headingRatio` (1.15) times the body
///    size, it has a letter, and it is at most `maximumHeadingLength` characters (a large-type paragraph is
///    not a heading). Bold text at the body size is therefore not a heading: plain text carries no weight.
/// 3. **Levels.** The heading heights, largest first, are grouped (within 5 % of the group's largest count as one
///    size) and numbered: largest `#`, next `##`, and so on, from the seventh size on `######`. When the
///    largest size is used by more than one heading, it is not a document title, so every level moves down one
///    and the title comes from the file name.
/// 4. **Lines into blocks.** Consecutive heading lines of one level within a block are one (wrapped) heading.
///    Body lines of a block are one paragraph, joined with spaces (a word hyphenated across lines is rejoined
///    when the next line starts in lower case); a line starting with a bullet (•, ◦, ▪, ‣, ●, -, –, *)
///    starts a list item.
/// 5. **Running heads.** The top and bottom line of a page is dropped when it is a bare page number ("7",
///    "Page 7 of 9", "- 7 -") or, on documents of two or more pages, when it is not heading-sized and, digits
///    aside, is the top or bottom line of at least half the pages.
enum PDFHeadings {
    static let headingRatio = 1.15
    static let maximumHeadingLength = 150
    private static let sameSizeTolerance = 0.05
    private static let bullets: Set<Character> = ["•", "◦", "▪", "‣", "●", "-", "–", "*"]

    static func markdown(from layout: PDFLayout) -> String {
        guard let body = bodyHeight(of: layout.pages.flatMap { $0.blocks.flatMap(\.lines) }) else { return "" }
        let pages = withoutRunningHeads(layout.pages, bodyHeight: body)
        let levels = headingLevels(of: pages.flatMap { $0.blocks.flatMap(\.lines) }, bodyHeight: body)
        var groups: [Group] = []
        for group in pages.flatMap({ $0.blocks.flatMap { groupLines(of: $0, levels: levels) } }) {
            // A heading wrapped over two blocks is still one heading.
            if let level = group.level, let last = groups.last, last.level == level {
                groups[groups.count - 1].lines += group.lines
            } else {
                groups.append(group)
            }
        }
        if groups.filter({ $0.level == 1 }).count > 1 {  // the largest size heads sections: it is no title
            groups = groups.map { Group(level: $0.level.map { min($0 + 1, 6) }, lines: $0.lines) }
        }
        var writer = MarkdownWriter()
        for group in groups { write(group, into: &writer) }
        return writer.markdown
    }

    /// Consecutive lines of a block with the same role: a heading of some level, or body text.
    private struct Group {
        var level: Int?
        var lines: [String]
    }

    private static func write(_ group: Group, into writer: inout MarkdownWriter) {
        if let level = group.level {
            writer.heading(level: level, group.lines.joined(separator: " "))
            return
        }
        var paragraph = ""
        var isItem = false
        func finish() {
            if isItem { writer.listItem(paragraph) } else { writer.paragraph(paragraph) }
            paragraph = ""
        }
        for line in group.lines {
            if let item = listItemText(line) {
                finish()
                paragraph = item
                isItem = true
            } else {
                paragraph = joined(paragraph, line)
            }
        }
        finish()
    }

    private static func groupLines(of block: PDFLayout.Block, levels: [Double: Int]) -> [Group] {
        var groups: [Group] = []
        for line in block.lines {
            let level = isHeadingCandidate(line) ? levels[rounded(line.height)] : nil
            if let last = groups.last, last.level == level {
                groups[groups.count - 1].lines.append(line.text)
            } else {
                groups.append(Group(level: level, lines: [line.text]))
            }
        }
        return groups
    }

    /// The height carrying the most characters, rounded; `nil` for a PDF with no text.
    static func bodyHeight(of lines: [PDFLayout.Line]) -> Double? {
        var weights: [Double: Int] = [:]
        for line in lines { weights[rounded(line.height), default: 0] += line.text.count }
        // Ties go to the smaller height, so the choice never depends on dictionary order.
        return weights.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// The heading level of each rounded heading-sized height: 1 for the largest group of sizes.
    static func headingLevels(of lines: [PDFLayout.Line], bodyHeight: Double) -> [Double: Int] {
        let sizes = Set(
            lines.filter { isHeadingCandidate($0) && rounded($0.height) >= bodyHeight * headingRatio }
                .map { rounded($0.height) }
        ).sorted(by: >)
        var levels: [Double: Int] = [:]
        var level = 0
        var groupLargest = Double.infinity
        for size in sizes {
            if size < groupLargest * (1 - sameSizeTolerance) {
                level += 1
                groupLargest = size
            }
            levels[size] = min(level, 6)
        }
        return levels
    }

    /// The pages without their running heads and page numbers (rule 5).
    static func withoutRunningHeads(_ pages: [PDFLayout.Page], bodyHeight: Double) -> [PDFLayout.Page] {
        let edges = pages.map(edgeLines)
        var pagesWith: [String: Int] = [:]
        for (page, positions) in zip(pages, edges) {
            for text in Set(positions.map { normalized(page[$0].text) }) { pagesWith[text, default: 0] += 1 }
        }
        let repeatsOn = max(2, (pages.count + 1) / 2)
        return zip(pages, edges).map { page, positions in
            var page = page
            // Remove the later position first so the earlier one still points at its line.
            for position in positions.sorted(by: >) {
                let line = page[position]
                let text = normalized(line.text)
                let isRunningHead = pagesWith[text, default: 0] >= repeatsOn && line.height < bodyHeight * headingRatio
                if isRunningHead || isPageNumber(text) {
                    page.blocks[position.block].lines.remove(at: position.line)
                }
            }
            page.blocks.removeAll { $0.lines.isEmpty }
            return page
        }
    }

    /// The positions of the top-most and bottom-most lines of `page` (one position for a one-line page).
    private static func edgeLines(of page: PDFLayout.Page) -> [PDFLayout.Position] {
        let positions = page.blocks.indices.flatMap { block in
            page.blocks[block].lines.indices.map { PDFLayout.Position(block: block, line: $0) }
        }
        guard let top = positions.min(by: { page[$0].top < page[$1].top }),
            let bottom = positions.max(by: { page[$0].top < page[$1].top })
        else { return [] }
        return top == bottom ? [top] : [top, bottom]
    }

    /// Lower case, digit runs as "#", single spaces: "Page 3 of 12" → "page # of #".
    private static func normalized(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isNumber {
                if result.last != "#" { result.append("#") }
            } else {
                result.append(character)
            }
        }
        return MarkdownWriter.singleLine(result)
    }

    /// "#", "- # -", "page #", "page # of #", "#/#" (after `normalized`).
    private static func isPageNumber(_ normalized: String) -> Bool {
        let words = normalized.split { $0.isWhitespace || "-–—/|.()[]".contains($0) }
            .filter { $0 != "page" && $0 != "of" && $0 != "p" }
        return !words.isEmpty && words.allSatisfy { $0 == "#" }
    }

    private static func isHeadingCandidate(_ line: PDFLayout.Line) -> Bool {
        line.text.count <= maximumHeadingLength && line.text.contains(where: \.isLetter)
    }

    private static func rounded(_ height: Double) -> Double {
        (height * 2).rounded() / 2
    }

    /// The text after a leading bullet and space, or `nil` when the line does not start with one.
    private static func listItemText(_ line: String) -> String? {
        guard let first = line.first, bullets.contains(first), line.dropFirst().first == " " else { return nil }
        return String(line.dropFirst(2))
    }

    /// `text` and `line` as one run of text, rejoining a word hyphenated at the line break.
    private static func joined(_ text: String, _ line: String) -> String {
        guard !text.isEmpty else { return line }
        if text.hasSuffix("-"), text.dropLast().last?.isLetter == true, line.first?.isLowercase == true {
            return text.dropLast() + line
        }
        return text + " " + line
    }
}
