/// The text of a PDF as Poppler's layout analysis groups it: pages of blocks (paragraph-like regions, in reading
/// order) of lines, each line with the height of its glyphs — the font size times the font's ascent plus descent,
/// so within a family it is proportional to the font size, which is what `PDFHeadings` compares.
struct PDFLayout: Equatable {
    struct Line: Equatable {
        var text: String
        /// The median height of the line's words, in points.
        var height: Double
        /// The top of the line, in points from the top of the page.
        var top: Double
    }

    struct Block: Equatable {
        var lines: [Line]
    }

    struct Page: Equatable {
        var blocks: [Block]

        subscript(position: Position) -> Line { blocks[position.block].lines[position.line] }
    }

    /// Where a line is on its page.
    struct Position: Comparable {
        var block: Int
        var line: Int

        static func < (left: Position, right: Position) -> Bool {
            (left.block, left.line) < (right.block, right.line)
        }
    }

    var pages: [Page]

    init(pages: [Page]) {
        self.pages = pages
    }

    /// Reads the XHTML of `pdftotext -bbox-layout` (`<page>` › `<flow>` › `<block>` › `<line>` › `<word
    /// yMin yMax>text</word>`). Forgiving like the HTML converter: a missing end tag closes with the next
    /// sibling or the end of the input, and attributes that are missing or not numbers count as 0.
    init(bboxLayout bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        reader.read()
        self.pages = reader.pages
    }

    private struct Reader {
        let bytes: [UInt8]
        var pages: [Page] = []
        var blocks: [Block] = []
        var lines: [Line] = []
        var words: [(text: String, top: Double, height: Double)] = []
        var word: (text: [UInt8], top: Double, height: Double)?
        var inPage = false

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func read() {
            var tokenizer = HTMLTokenizer(bytes: bytes, collectsAttributes: true)
            while let token = tokenizer.next() {
                switch token {
                case .text(let range):
                    if word != nil { HTMLEntities.decode(bytes, range, into: &word!.text) }
                case .startTag("word", let attributes, _):
                    endWord()
                    let top = number("ymin", in: attributes)
                    word = ([], top, max(number("ymax", in: attributes) - top, 0))
                case .startTag("line", _, _), .endTag("line"):
                    endLine()
                case .startTag("block", _, _), .endTag("block"):
                    endBlock()
                case .startTag("page", _, _):
                    endPage()
                    inPage = true
                case .endTag("page"):
                    endPage()
                case .endTag("word"):
                    endWord()
                default:
                    break
                }
            }
            endPage()
        }

        private mutating func endWord() {
            guard let current = word else { return }
            word = nil
            let text = MarkdownWriter.singleLine(String(decoding: current.text, as: UTF8.self))
            if !text.isEmpty { words.append((text, current.top, current.height)) }
        }

        private mutating func endLine() {
            endWord()
            guard !words.isEmpty else { return }
            let heights = words.map(\.height).sorted()
            lines.append(
                Line(
                    text: words.map(\.text).joined(separator: " "), height: heights[heights.count / 2],
                    top: words.map(\.top).min() ?? 0))
            words.removeAll()
        }

        private mutating func endBlock() {
            endLine()
            if !lines.isEmpty { blocks.append(Block(lines: lines)) }
            lines.removeAll()
        }

        private mutating func endPage() {
            endBlock()
            if inPage { pages.append(Page(blocks: blocks)) }
            blocks.removeAll()
            inPage = false
        }

        private func number(_ name: String, in attributes: [HTMLTokenizer.Attribute]) -> Double {
            guard let attribute = attributes.first(where: { $0.name == name }) else { return 0 }
            return Double(String(decoding: bytes[attribute.value], as: UTF8.self)) ?? 0
        }
    }
}
