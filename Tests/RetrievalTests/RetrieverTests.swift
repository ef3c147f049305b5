import Testing

@testable import Retrieval

@Suite("Retriever")
struct RetrieverTests {
    static let markdown: [(String, String)] = [
        (
            "returns",
            """
            # Returns and refunds

            ## Refund window

            You can ask for a refund within 14 days of delivery.

            ## How refunds are paid

            Refunds go back to the card you paid with.
            """
        ),
        (
            "delivery",
            """
            # Delivery

            ## Delivery fees

            Delivery costs £2.99 and is free over £25.

            ## Changing your address

            Change the delivery address while the order is placed.
            """
        ),
        ("allergens", "# Allergens\n\nOur almond milk contains tree nuts.\n"),
    ]

    static let chunks = markdown.flatMap { MarkdownChunker().chunks(documentID: $0.0, markdown: $0.1) }
    static let lexicon = try! Lexicon(parsing: "money back | reimburse => refund\nnuts => tree nuts, allergen\n")

    @Test("results carry citation, score and the relevance verdict")
    func citation() throws {
        let retriever = PolicyRetriever(chunks: Self.chunks, lexicon: Self.lexicon)
        let top = try #require(retriever.retrieve("how many days do I have to ask for a refund", top: 3).first)
        #expect(top.citation.document == "returns")
        #expect(top.citation.heading == "Returns and refunds > Refund window")
        #expect(top.citation.chunkID == "returns#0")
        #expect(top.score > 0 && top.relevance > 0 && top.relevance <= 1)
        #expect(top.isRelevant)
    }

    @Test("lexicon expansion, typo tolerance and compound splitting find what plain words miss")
    func expansions() {
        let retriever = PolicyRetriever(chunks: Self.chunks, lexicon: Self.lexicon)
        #expect(retriever.retrieve("please reimburse me", top: 1).first?.citation.document == "returns")
        #expect(
            retriever.retrieve("delivry adress", top: 1).first?.citation.heading == "Delivery > Changing your address")
        #expect(retriever.retrieve("almondmilk", top: 1).first?.citation.document == "allergens")
        let plain = PolicyRetriever(chunks: Self.chunks)
        #expect(plain.retrieve("please reimburse me", top: 1).isEmpty)
    }

    @Test("nothing to go on: no results, or results below the threshold")
    func unanswerable() {
        let retriever = PolicyRetriever(chunks: Self.chunks, lexicon: Self.lexicon)
        #expect(retriever.retrieve("the and of", top: 3).isEmpty)
        #expect(retriever.retrieve("quantum chromodynamics", top: 3).isEmpty)
        #expect(
            retriever.retrieve("who won the football, and does the almond milk have nuts", top: 3)
                .first?.citation.document == "allergens")
        #expect(retriever.retrieve("delivery of quantum chromodynamics lectures", top: 3).allSatisfy { !$0.isRelevant })
    }

    @Test("deterministic: equal input, equal output, ties broken by chunk position")
    func deterministic() {
        let duplicated =
            Self.chunks
            + Self.chunks.map { chunk in
                var copy = chunk
                copy.document += "-copy"
                copy.id = copy.document + "#\(copy.position)"
                return copy
            }
        let first = PolicyRetriever(chunks: duplicated).retrieve("refund card", top: 4)
        let second = PolicyRetriever(chunks: duplicated).retrieve("refund card", top: 4)
        #expect(first == second)
        #expect(first.map(\.citation.document) == ["returns", "returns-copy", "returns", "returns-copy"])
    }

    @Test("windows of one long section come back once, as the best window")
    func collapsesWindows() {
        let body = (1...30).map { "Line \($0) is about delivery slots and couriers." }.joined(separator: " ")
        let chunks = MarkdownChunker(maxChunkSize: 200, overlapSize: 40)
            .chunks(documentID: "long", markdown: "# Long\n\n## Slots\n\n" + body + "\n\n## Other\n\nCouriers.")
        let results = PolicyRetriever(chunks: chunks).retrieve("delivery couriers", top: 5)
        #expect(results.map(\.citation.heading) == ["Long > Slots", "Long > Other"])
    }

    /// A stand-in for the dense ranker of a later issue: fused without touching `retrieve` callers.
    struct FixedRanker: ChunkRanker {
        var favourite: Int

        func rank(_ query: String, limit: Int) -> [RankedChunk] {
            [RankedChunk(chunk: favourite, score: 0.9, relevance: 0.9)]
        }
    }

    @Test("another ranker fuses in through the same retrieve call")
    func fusion() throws {
        let allergens = try #require(Self.chunks.firstIndex { $0.document == "allergens" })
        let lexical = LexicalIndex(chunks: Self.chunks, lexicon: Self.lexicon)
        let fused = PolicyRetriever(
            chunks: Self.chunks,
            rankers: [
                WeightedRanker(lexical, weight: 1), WeightedRanker(FixedRanker(favourite: allergens), weight: 2),
            ],
            relevanceThreshold: 0.3)
        let results = fused.retrieve("refund window", top: 2)
        #expect(results.map(\.citation.document) == ["allergens", "returns"])
        #expect(abs(results[0].relevance - 0.6) < 1e-9)
    }
}

@Suite("Chunk statistics")
struct ChunkStatisticsTests {
    @Test("per-field lengths and counts, sorted by stem")
    func statistics() {
        let chunk = PolicyChunk(
            id: "d#0", document: "d", title: "Refunds", headingPath: ["Refunds", "Refund window"], position: 0,
            text: "Ask for a refund within 14 days.")
        let statistics = ChunkStatistics(chunk)
        #expect(statistics.analyzerVersion == ChunkStatistics.currentAnalyzerVersion)
        #expect((statistics.titleLength, statistics.headingsLength, statistics.bodyLength) == (1, 2, 5))
        #expect(statistics.terms.map(\.stem) == ["14", "ask", "day", "refund", "window", "within"])
        #expect(statistics.terms.first { $0.stem == "refund" }.map { [$0.title, $0.headings, $0.body] } == [1, 1, 1])
    }
}

@Suite("Retriever limits")
struct RetrieverLimitTests {
    @Test("a huge top returns every matching section, no overflow")
    func hugeTop() {
        let results = PolicyRetriever(chunks: RetrieverTests.chunks).retrieve("delivery refund", top: .max)
        #expect(results.count == 4)
        #expect(PolicyRetriever(chunks: []).retrieve("delivery", top: 3).isEmpty)
    }
}
