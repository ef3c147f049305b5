import Testing

@testable import Retrieval

@Suite("Markdown chunking")
struct MarkdownChunkerTests {
    let chunker = MarkdownChunker()

    @Test("one chunk per section, with the title and heading path")
    func sections() {
        let markdown = """
            # Returns

            Intro text.

            ## Refunds

            ### How long

            Five working days.

            ## Exchanges ##
            Swap within 14 days.
            """
        let chunks = chunker.chunks(documentID: "returns", markdown: markdown)
        #expect(
            chunks.map(\.headingPath) == [["Returns"], ["Returns", "Refunds", "How long"], ["Returns", "Exchanges"]])
        #expect(chunks.map(\.text) == ["Intro text.", "Five working days.", "Swap within 14 days."])
        #expect(chunks.map(\.id) == ["returns#0", "returns#1", "returns#2"])
        #expect(chunks.allSatisfy { $0.title == "Returns" && $0.document == "returns" })
    }

    @Test("front matter is not text; its title is used when there is no # heading")
    func frontMatter() {
        let markdown = "---\ntitle: \"Gift cards\"\nupdated: 2026-01-01\n---\n\n## Expiry\n\nTwo years.\n"
        let chunks = chunker.chunks(documentID: "gift-cards", markdown: markdown)
        #expect(chunks.map(\.headingPath) == [["Gift cards", "Expiry"]])
        #expect(chunks.map(\.text) == ["Two years."])
    }

    @Test("a file with no heading is one chunk titled from its id")
    func noHeadings() {
        let chunks = chunker.chunks(documentID: "store-hours", markdown: "We open at 7.\r\n\r\nWe close at 7.\r\n")
        #expect(chunks.count == 1)
        #expect(chunks[0].title == "Store hours" && chunks[0].headingPath == ["Store hours"])
        #expect(chunks[0].text == "We open at 7.\n\nWe close at 7.")
    }

    @Test("setext headings; # inside code fences is not a heading; markup is cleaned from headings")
    func headingForms() {
        let markdown = """
            Delivery
            ========

            Fees
            ----

            ```
            # not a heading
            ```

            ## **Late** [deliveries](https://example.com)

            Refund of the fee.
            """
        let chunks = chunker.chunks(documentID: "delivery", markdown: markdown)
        #expect(chunks.map(\.headingPath) == [["Delivery", "Fees"], ["Delivery", "Late deliveries"]])
        #expect(chunks[0].text == "```\n# not a heading\n```")
    }

    @Test("headings with nothing under them make no chunk")
    func emptySections() {
        let chunks = chunker.chunks(documentID: "d", markdown: "# T\n\n## Empty\n\n---\n\n## Full\n\nText.")
        #expect(chunks.map(\.headingPath) == [["T", "Full"]])
    }

    @Test("long sections split between sentences, with overlap, as verbatim slices")
    func windows() {
        let sentences = (1...40).map { "Sentence number \($0) says something about refunds and returns." }
        let body = sentences.joined(separator: " ")
        let markdown = "# Policy\n\n## Long\n\n" + body
        let small = MarkdownChunker(maxChunkSize: 300, overlapSize: 80)
        let chunks = small.chunks(documentID: "policy", markdown: markdown)
        #expect(chunks.count > 5)
        for chunk in chunks {
            #expect(markdown.contains(chunk.text))
            #expect(chunk.text.hasPrefix("Sentence number") && chunk.text.hasSuffix("returns."))
            #expect(chunk.text.utf8.count <= 300)
            #expect(chunk.headingPath == ["Policy", "Long"])
        }
        // Consecutive windows share their boundary sentence and together cover every sentence.
        for (first, second) in zip(chunks, chunks.dropFirst()) {
            let lastSentence = first.text.components(separatedBy: ". ").last ?? ""
            #expect(second.text.hasPrefix(lastSentence.hasSuffix(".") ? lastSentence : lastSentence + "."))
        }
        #expect(sentences.allSatisfy { sentence in chunks.contains { $0.text.contains(sentence) } })
    }

    @Test("a sentence longer than the limit is kept whole, never cut")
    func oversizedSentence() {
        let long = "Word " + String(repeating: "word ", count: 100) + "end."
        let chunks = MarkdownChunker(maxChunkSize: 100, overlapSize: 20)
            .chunks(documentID: "d", markdown: "Short one. " + long + " Short two.")
        #expect(chunks.contains { $0.text == long })
    }

    @Test("list items, table rows and abbreviations")
    func units() {
        let body: Substring = """
            - First item. It has two sentences.
            - Second item
              continues here.

            | Size | Price |
            |---|---|
            | Small | £2 |

            Use e.g. oat milk. Then stop.
            """
        let units = TextUnits.split(body).map { String(body[$0]) }
        #expect(
            units == [
                "- First item.", "It has two sentences.", "- Second item\n  continues here.",
                "| Size | Price |\n|---|---|", "| Small | £2 |", "Use e.g. oat milk.", "Then stop.",
            ])
    }
}
