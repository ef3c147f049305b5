import Retrieval
import RetrievalEval
import Testing

/// The scorer runs any ranker given as a closure from (query, top) to ranked chunk ids: the lexical retriever
/// today, dense or hybrid rankers later, all through the same per-category figures.
@Suite("Ranking harness")
struct RankingHarnessTests {
    static let chunks = [
        PolicyChunk(id: "a#0", document: "a", title: "A", headingPath: ["A", "One"], position: 0, text: "first window"),
        PolicyChunk(
            id: "a#1", document: "a", title: "A", headingPath: ["A", "One"], position: 1, text: "second window"),
        PolicyChunk(id: "b#0", document: "b", title: "B", headingPath: ["B", "Two"], position: 0, text: "two"),
        PolicyChunk(id: "c#0", document: "c", title: "C", headingPath: ["C", "Three"], position: 0, text: "three"),
    ]

    /// A fixed ranking per query text; every result names a chunk id, its scores and the gate.
    static let rankings: [String: [ScoredChunk]] = [
        "found but gated": [
            ScoredChunk(chunkID: "a#0", score: 9, relevance: 0.9, passesGate: true),
            ScoredChunk(chunkID: "a#1", score: 8, relevance: 0.8, passesGate: true),  // same section as a#0
            ScoredChunk(chunkID: "b#0", score: 2, relevance: 0.2, passesGate: false),
        ],
        "right first": [ScoredChunk(chunkID: "a#1", score: 5, relevance: 0.6, passesGate: true)],
        "false answer": [ScoredChunk(chunkID: "c#0", score: 4, relevance: 0.5, passesGate: true)],
        "nothing": [],
    ]

    @Test("windows of one section count once; gate outcomes per category; false answers on unanswerable")
    func closureRanker() {
        let queries = [
            LabelledQuery(
                id: "1", query: "found but gated", expected: [.init(doc: "b", heading: "Two")], kind: "paraphrase"),
            LabelledQuery(id: "2", query: "right first", expected: [.init(doc: "a", heading: "One")], kind: "direct"),
            LabelledQuery(id: "3", query: "false answer", expected: [], kind: "none"),
            LabelledQuery(id: "4", query: "nothing", expected: [], kind: "none"),
        ]
        var depths: Set<Int> = []
        let report = RetrievalScorer.evaluate(chunks: Self.chunks, queries: queries) { query, top in
            depths.insert(top)
            return Self.rankings[query, default: []]
        }
        #expect(depths == [10])
        #expect(report.overall.count == 2)
        #expect(abs(report.overall.recallAt1 - 0.5) < 1e-9)
        #expect(abs(report.overall.recallAt3 - 1) < 1e-9)
        #expect(abs(report.overall.mrr - 0.75) < 1e-9)  // b ranks 2nd once a#1 folds into a#0's section
        #expect(abs(report.overall.droppedByGate - 0.5) < 1e-9)
        #expect(abs(report.overall.wrongAboveGate - 0.5) < 1e-9)
        let paraphrase = report.byKind.first { $0.kind == "paraphrase" }?.metrics
        #expect(paraphrase?.droppedByGate == 1 && paraphrase?.recallAt1 == 0)
        let direct = report.byKind.first { $0.kind == "direct" }?.metrics
        #expect(direct?.droppedByGate == 0 && direct?.recallAt1 == 1)
        #expect(report.abstention.unanswerable == 2)
        #expect(abs(report.abstention.falseAnswers - 0.5) < 1e-9)
        let table = report.perCategoryFormatted()
        #expect(table.contains("paraphrase") && table.contains("answerable") && table.contains("none"))
    }

    @Test("the retriever through the closure scores exactly as through evaluate(_:queries:)")
    func retrieverAdapter() {
        let retriever = PolicyRetriever(chunks: ScorerTests.chunks)
        let queries = [
            LabelledQuery(id: "1", query: "apples", expected: [.init(doc: "b", heading: "Two")], kind: "direct"),
            LabelledQuery(id: "2", query: "pears", expected: [.init(doc: "a", heading: nil)], kind: "colloquial"),
            LabelledQuery(id: "3", query: "quantum", expected: [], kind: "none"),
        ]
        let direct = RetrievalScorer.evaluate(retriever, queries: queries)
        let viaClosure = RetrievalScorer.evaluate(
            chunks: retriever.chunks, queries: queries, ranking: retriever.scoredChunks)
        #expect(direct.overall == viaClosure.overall)
        #expect(direct.byKind.map(\.metrics) == viaClosure.byKind.map(\.metrics))
        #expect(direct.abstention == viaClosure.abstention)
    }
}
