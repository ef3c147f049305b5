import Foundation
import Retrieval
import RetrievalEval
import RetrievalFiles
import Testing

/// The acceptance check: the labelled queries over `Seeds/policies` (and over an unrelated shop's documents in
/// `Fixtures/`) must keep scoring above floors measured when the ranker was built. Deterministic: no timing.
@Suite("Labelled retrieval sets")
struct LabelledSetTests {
    /// The repository root, found from this file so the test runs from any working directory.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func retriever(policies: URL) throws -> PolicyRetriever {
        let chunks = try PolicyDirectory.load(policies)
        let lexicon = try LexiconFiles.load(root.appendingPathComponent("Seeds/lexicon"))
        return PolicyRetriever(chunks: chunks, lexicon: lexicon)
    }

    @Test("Seeds/policies: recall@1, recall@3 and MRR above the measured floors")
    func seedsCorpus() throws {
        let queries = try LabelledQuery.load(Self.root.appendingPathComponent("Seeds/eval/retrieval-queries.jsonl"))
        #expect(queries.filter { !$0.expected.isEmpty }.count >= 120)
        let report = RetrievalScorer.evaluate(
            try Self.retriever(policies: Self.root.appendingPathComponent("Seeds/policies")), queries: queries)
        // Measured: R@1 0.815, R@3 0.959, MRR 0.882 (146 answerable queries).
        #expect(report.overall.recallAt1 >= 0.78)
        #expect(report.overall.recallAt3 >= 0.93)
        #expect(report.overall.mrr >= 0.85)
        for (kind, metrics) in report.byKind {
            #expect(metrics.recallAt3 >= 0.7, "recall@3 of \(kind)")
        }
        #expect(report.abstention.rejectedUnanswerable >= 0.7)
    }

    /// Other shops' documents, with floors: the ranker and lexicon must not be tuned to our own wording.
    /// The outdoor shop was written alongside the ranker; the grocer came later and scored R@3 0.795 on first
    /// contact, before its misses taught the lexicon some general vocabulary (substitutes, use-by dates, ID).
    static let otherShops: [(name: String, recallAt1: Double, recallAt3: Double, mrr: Double)] = [
        // Measured: R@1 0.840, R@3 0.960, MRR 0.894 (50 answerable queries).
        ("outdoor-shop", 0.80, 0.92, 0.86),
        // Measured: R@1 0.821, R@3 0.949, MRR 0.887 (39 answerable queries).
        ("grocery", 0.78, 0.90, 0.85),
    ]

    @Test("other shops' documents score above their floors too", arguments: otherShops.indices)
    func otherShop(_ index: Int) throws {
        let shop = Self.otherShops[index]
        let queries = try LabelledQuery.load(Self.fixtures.appendingPathComponent("\(shop.name)-queries.jsonl"))
        let report = RetrievalScorer.evaluate(
            try Self.retriever(policies: Self.fixtures.appendingPathComponent(shop.name)), queries: queries)
        #expect(report.overall.recallAt1 >= shop.recallAt1)
        #expect(report.overall.recallAt3 >= shop.recallAt3)
        #expect(report.overall.mrr >= shop.mrr)
    }

    @Test("every labelled section exists, so a renamed heading cannot silently lower the floor")
    func labelsPointAtRealSections() throws {
        let seeds = (
            Self.root.appendingPathComponent("Seeds/policies"),
            Self.root.appendingPathComponent("Seeds/eval/retrieval-queries.jsonl")
        )
        let others = Self.otherShops.map {
            (
                Self.fixtures.appendingPathComponent($0.name),
                Self.fixtures.appendingPathComponent("\($0.name)-queries.jsonl")
            )
        }
        for (policies, queries) in [seeds] + others {
            let chunks = try PolicyDirectory.load(policies)
            for query in try LabelledQuery.load(queries) {
                for expected in query.expected {
                    #expect(
                        chunks.contains { expected.matches(document: $0.document, headingPath: $0.headingPath) },
                        "\(query.id): \(expected.doc) › \(expected.heading ?? "")")
                }
            }
        }
    }

    @Test("policy numbers stay consistent across documents")
    func policyNumbers() throws {
        let texts = try PolicyDirectory.documents(in: Self.root.appendingPathComponent("Seeds/policies"))
        let all = texts.map(\.text).joined(separator: "\n")
        #expect(texts.count >= 12)
        // Each key figure appears, and no document states a competing one.
        #expect(all.contains("14 days of delivery"))
        #expect(all.contains("100 points are worth £1") && all.contains("10 points for every £1"))
        // The fee table states each currency's threshold ("£25 / $30 / … or more"): the pounds' one is still £25.
        #expect(all.contains("free over £25") || all.contains("£25 or more") || all.contains("| £25 / $30"))
        #expect(!all.contains("30 days of delivery") && !all.contains("28 days of delivery"))
        #expect(all.contains("more than 30 minutes after the latest estimated time"))
    }
}
