import Testing

@testable import RetrievalFiles

@Suite("PDF headings from font sizes")
struct PDFHeadingsTests {
    private typealias Line = PDFLayout.Line

    private func line(_ text: String, _ height: Double, top: Double = 100) -> Line {
        Line(text: text, height: height, top: top)
    }

    private func markdown(_ blocks: [[Line]]) -> String {
        PDFHeadings.markdown(from: PDFLayout(pages: [PDFLayout.Page(blocks: blocks.map(PDFLayout.Block.init))]))
    }

    private let body = "Refunds go back to the card you paid with, within five working days of the return."

    @Test("the largest size is #, the next ##, and so on; body text is the size carrying the most characters")
    func levels() {
        let text = markdown([
            [line("Returns and refunds", 16.2)], [line("Refunds", 12.6)], [line("When it arrives", 10.8)],
            [line(body, 9), line(body, 9)], [line("Store credit", 10.8)], [line(body, 9)],
        ])
        #expect(
            text == """
                # Returns and refunds

                ## Refunds

                ### When it arrives

                \(body) \(body)

                ### Store credit

                \(body)

                """)
    }

    @Test("sizes within 5 % are one level; a line only slightly larger than the body is body text")
    func tolerances() {
        let levels = PDFHeadings.headingLevels(
            of: [line("A", 20), line("B", 12.5), line("C", 12), line("D", 10.5), line(body, 10)], bodyHeight: 10)
        #expect(levels == [20: 1, 12.5: 2, 12: 2])
    }

    @Test("a large line that is long or has no letter is not a heading")
    func notHeadings() {
        let long = String(repeating: "Big words ", count: 16)
        let text = markdown([
            [line("Title", 14)], [line(long, 14)], [line("2026", 14)], [line(body, 9), line(body, 9), line(body, 9)],
        ])
        let paragraphs = [MarkdownWriter.singleLine(long), "2026", "\(body) \(body) \(body)"]
        #expect(text == "# Title\n\n" + paragraphs.joined(separator: "\n\n") + "\n")
    }

    @Test("when the largest size heads several sections it is no title: every level moves down one")
    func noTitle() {
        let text = markdown([[line("Refunds", 14)], [line(body, 9)], [line("Store credit", 14)], [line(body, 9)]])
        #expect(text == "## Refunds\n\n\(body)\n\n## Store credit\n\n\(body)\n")
    }

    @Test("a heading wrapped over lines or blocks is one heading; bullets start list items; hyphens rejoin")
    func joining() {
        let text = markdown([
            [line("Returns and", 16), line("refunds", 16)], [line("policy", 16)],
            [
                line("We cannot take back:", 9), line("• gas canisters and", 9), line("stove fuel;", 9),
                line("- engraved items.", 9),
            ],
            [line("Refunds are paid with-", 9), line("in five days to the card-", 9), line("Holder.", 9)],
        ])
        #expect(
            text == """
                # Returns and refunds policy

                We cannot take back:

                - gas canisters and stove fuel;
                - engraved items.

                Refunds are paid within five days to the card- Holder.

                """)
    }

    @Test("running heads repeated at the top or bottom of pages and bare page numbers are dropped")
    func runningHeads() {
        let pages = (1...3).map { number in
            PDFLayout.Page(blocks: [
                PDFLayout.Block(lines: [line("Trailhead Outdoor returns policy", 8, top: 20)]),
                PDFLayout.Block(lines: [line(number == 1 ? "Returns" : "Section \(number)", 14, top: 60)]),
                PDFLayout.Block(lines: [line(body, 9, top: 100), line("Trailhead Outdoor returns policy", 9, top: 110)]
                ),
                PDFLayout.Block(lines: [line(number == 2 ? "- \(number) -" : "Page \(number) of 3", 8, top: 800)]),
            ])
        }
        let text = PDFHeadings.markdown(from: PDFLayout(pages: pages))
        #expect(!text.contains("Page "))
        #expect(!text.contains("- 2 -"))
        #expect(text.components(separatedBy: "Trailhead Outdoor returns policy").count == 4, "kept mid-page: \(text)")
        #expect(text.hasPrefix("## Returns\n\n"))
    }

    @Test("a PDF without text gives no Markdown")
    func empty() {
        #expect(PDFHeadings.markdown(from: PDFLayout(pages: [PDFLayout.Page(blocks: [])])) == "")
    }

    @Test("pdftotext -bbox-layout output is read into pages, blocks and lines with median word heights")
    func bboxLayout() {
        let xhtml = """
            <!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Meta &amp; title</title></head>
            <body><doc><page width="595" height="842"><flow><block xMin="72" yMin="114" xMax="340" yMax="125">
            <line xMin="72" yMin="114" xMax="340" yMax="125">
            <word xMin="72" yMin="114.8" xMax="90" yMax="125.6">Fish</word>
            <word xMin="91" yMin="114.8" xMax="99" yMax="125.6">&amp;</word>
            <word xMin="100" yMin="110" xMax="140" yMax="130">chips</word>
            </line></block><block><line><word yMin="200" yMax="209">unclosed
            </flow></page><page><flow><block><line><word yMin="50" yMax="59">Two</word></line></block></flow></page>
            </doc></body></html>
            """
        let layout = PDFLayout(bboxLayout: Array(xhtml.utf8))
        #expect(layout.pages.count == 2)
        #expect(layout.pages[0].blocks.map(\.lines.count) == [1, 1])
        let first = layout.pages[0].blocks[0].lines[0]
        #expect(first.text == "Fish & chips")
        #expect(abs(first.height - 10.8) < 0.001)
        #expect(first.top == 110)
        #expect(layout.pages[0].blocks[1].lines[0].text == "unclosed")
        #expect(layout.pages[1].blocks[0].lines[0] == Line(text: "Two", height: 9, top: 50))
    }
}
