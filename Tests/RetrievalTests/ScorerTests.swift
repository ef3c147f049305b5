import Retrieval
import RetrievalEval
import Testing

@Suite("Scorer")
struct ScorerTests {
    @Test("expected headings match the whole path or any trailing part of it, ignoring case and spacing")
    func headingMatch() {
        let path = ["Returns and refunds", "Refunds", "How long a refund takes"]
        let expected = { (heading: String?) in LabelledQuery.Expected(doc: "returns", heading: heading) }
        #expect(expected("How long a refund takes").matches(document: "returns", headingPath: path))
        #expect(expected("refunds >  how long a refund takes").matches(document: "returns", headingPath: path))
        #expect(
            expected("Returns and refunds > Refunds > How long a refund takes")
                .matches(document: "returns", headingPath: path))
        #expect(expected(nil).matches(document: "returns", headingPath: path))
        #expect(!expected("Refunds").matches(document: "returns", headingPath: path))
        #expect(!expected("How long a refund takes").matches(document: "delivery", headingPath: path))
    }

    static let chunks = [
        PolicyChunk(
            id: "a#0", document: "a", title: "A", headingPath: ["A", "One"], position: 0,
            text: "apples and pears"),
        PolicyChunk(
            id: "b#0", document: "b", title: "B", headingPath: ["B", "Two"], position: 0,
            text: "bananas and apples and apples"),
    ]

    @Test("recall@1, recall@3, MRR and all@3 by kind")
    func metrics() {
        let retriever = PolicyRetriever(chunks: Self.chunks)
        let queries = [
            LabelledQuery(id: "1", query: "apples", expected: [.init(doc: "b", heading: "Two")], kind: "direct"),
            LabelledQuery(id: "2", query: "pears", expected: [.init(doc: "b", heading: nil)], kind: "direct"),
            LabelledQuery(
                id: "3", query: "apples", kind: "multi",
                expected: [
                    .init(doc: "a", heading: "One", intent: 1), .init(doc: "b", heading: "Two", intent: 2),
                ]),
            LabelledQuery(id: "4", query: "quantum", expected: [], kind: "none"),
        ]
        let report = RetrievalScorer.evaluate(retriever, queries: queries)
        #expect(report.overall.count == 3)
        #expect(abs(report.overall.recallAt1 - 2.0 / 3) < 1e-9)
        #expect(abs(report.overall.recallAt3 - 2.0 / 3) < 1e-9)
        #expect(abs(report.overall.allAt3 - 2.0 / 3) < 1e-9)
        #expect(report.byKind.map(\.kind) == ["direct", "multi"])
        #expect(report.abstention.unanswerable == 1 && report.abstention.rejectedUnanswerable == 1)
        #expect(report.misses.map(\.query.id) == ["2"])
    }
}

extension LabelledQuery {
    init(id: String, query: String, kind: String, expected: [Expected]) {
        self.init(id: id, query: query, expected: expected, kind: kind)
    }
}
