import Foundation
import Retrieval

/// Recall@1, recall@3 and MRR over a set of answerable queries.
public struct RetrievalMetrics: Codable, Hashable, Sendable {
    public var count = 0
    /// Share of queries with an expected section ranked first.
    public var recallAt1 = 0.0
    /// Share of queries with an expected section in the top 3.
    public var recallAt3 = 0.0
    /// Mean reciprocal rank of the first expected section within the top 10 (0 when absent).
    public var mrr = 0.0
    /// Share of queries with every expected section in the top 3 (differs from recall@3 only for `multi`).
    public var allAt3 = 0.0
    /// Share of queries with an expected section in the top 3 whose expected sections there all fall below the
    /// relevance gate: found, then thrown away (the concierge only uses top-3 results that clear the gate).
    public var droppedByGate = 0.0
    /// Share of queries whose top result is wrong yet clears the gate: a confident wrong answer.
    public var wrongAboveGate = 0.0

    public init() {}
}

/// How well the relevance threshold separates answerable from unanswerable questions.
public struct AbstentionMetrics: Codable, Hashable, Sendable {
    /// Unanswerable (`none`) queries.
    public var unanswerable = 0
    /// Share of them whose top result is (rightly) below the threshold.
    public var rejectedUnanswerable = 0.0
    /// Share of answerable queries whose top result is correct and above the threshold.
    public var acceptedCorrect = 0.0
    /// Share of answerable queries whose top result is wrong yet above the threshold.
    public var acceptedWrong = 0.0

    /// Share of unanswerable queries whose top result clears the threshold: false answers.
    public var falseAnswers: Double { unanswerable == 0 ? 0 : 1 - rejectedUnanswerable }
}

/// One result of the ranker under evaluation, best first: which chunk, its scores, and whether it clears the
/// ranker's relevance gate. The scorer only needs chunk ids, so the lexical retriever, a dense ranker or a
/// hybrid run through the same harness (see `RetrievalScorer.evaluate(chunks:queries:ranking:)`).
public struct ScoredChunk: Hashable, Sendable {
    /// `PolicyChunk.id` of a chunk of the corpus being scored (`<document>#<position>`).
    public var chunkID: String
    /// The ranker's own score, comparable within a query.
    public var score: Double
    /// The score on a 0…1 scale comparable across queries (what the calibration quantiles show).
    public var relevance: Double
    /// Whether the result clears the relevance gate, so the concierge would use it.
    public var passesGate: Bool

    public init(chunkID: String, score: Double, relevance: Double, passesGate: Bool) {
        self.chunkID = chunkID
        self.score = score
        self.relevance = relevance
        self.passesGate = passesGate
    }
}

extension PolicyRetriever {
    /// The retriever as a ranking for the scorer: one chunk per section (the best window), with the fused
    /// relevance and whether it clears the retriever's threshold.
    public func scoredChunks(_ query: String, top: Int) -> [ScoredChunk] {
        retrieve(query, top: top).map {
            ScoredChunk(
                chunkID: $0.citation.chunkID, score: $0.score, relevance: $0.relevance, passesGate: $0.isRelevant)
        }
    }
}

/// Everything the scorer measured.
public struct EvaluationReport: Sendable {
    public struct Miss: Sendable {
        public var query: LabelledQuery
        /// "doc › heading" of the top three results.
        public var top: [String]
    }

    public var overall: RetrievalMetrics
    /// Per kind, in the order `direct, paraphrase, colloquial, misspelled, multi`, then others by name.
    public var byKind: [(kind: String, metrics: RetrievalMetrics)]
    public var abstention: AbstentionMetrics
    /// Answerable queries with no expected section in the top 3.
    public var misses: [Miss]
    /// Relevance of the top result, by outcome, for choosing a threshold: answerable queries whose top result is
    /// right, answerable queries whose top result is wrong, and unanswerable queries (0 when nothing came back).
    public var topRelevance: (correct: [Double], wrong: [Double], unanswerable: [Double]) = ([], [], [])

    /// Quantiles of `topRelevance`, one line per outcome.
    public func relevanceQuantiles() -> String {
        func line(_ name: String, _ values: [Double]) -> String {
            let sorted = values.sorted()
            let cells = [0.1, 0.25, 0.5, 0.75, 0.9].map { q -> String in
                sorted.isEmpty ? "  -  " : String(format: "%.3f", sorted[Int(Double(sorted.count - 1) * q)])
            }
            return name.padding(toLength: 14, withPad: " ", startingAt: 0) + cells.joined(separator: "  ")
        }
        return [
            "top-1 relevance  p10    p25    p50    p75    p90", line("correct", topRelevance.correct),
            line("wrong", topRelevance.wrong), line("unanswerable", topRelevance.unanswerable),
        ]
        .joined(separator: "\n")
    }

    /// A plain-text table.
    public func formatted() -> String {
        func row(_ name: String, _ m: RetrievalMetrics) -> String {
            let cells = [m.recallAt1, m.recallAt3, m.mrr, m.allAt3].map { String(format: "%6.3f", $0) }
            return name.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%5d ", m.count)
                + cells.joined(separator: " ")
        }
        var lines = ["kind         count   R@1    R@3    MRR   all@3"]
        lines += byKind.map { row($0.kind, $0.metrics) }
        lines.append(row("overall", overall))
        let threshold =
            "threshold: %d unanswerable, %.3f rejected; answerable top-1 accepted+correct %.3f, "
            + "accepted+wrong %.3f"
        lines.append(
            String(
                format: threshold, abstention.unanswerable, abstention.rejectedUnanswerable,
                abstention.acceptedCorrect, abstention.acceptedWrong))
        return lines.joined(separator: "\n")
    }

    /// A plain-text table per category (the kinds in `byKind`, then every answerable query, then the
    /// unanswerable ones): recall@1, recall@3, MRR over the top 10, all@3, and what the relevance gate does —
    /// `gated@3` right section in the top 3 but below the gate, `wrong>gate` wrong top result above it, and for
    /// unanswerable queries the false answers (top result above the gate).
    public func perCategoryFormatted() -> String {
        func row(_ name: String, _ m: RetrievalMetrics) -> String {
            let cells = [m.recallAt1, m.recallAt3, m.mrr, m.allAt3, m.droppedByGate, m.wrongAboveGate]
                .map { String(format: "%7.3f", $0) }
            return name.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%5d", m.count)
                + cells.joined()
        }
        var lines = ["category    count    R@1    R@3 MRR@10  all@3 gated@3 wrong>gate"]
        lines += byKind.map { row($0.kind, $0.metrics) }
        lines.append(row("answerable", overall))
        lines.append(
            "none".padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(format: "%5d  false answers (top result above the gate) %.3f", abstention.unanswerable,
                    abstention.falseAnswers))
        return lines.joined(separator: "\n")
    }
}

/// Runs labelled queries through a retriever and scores the rankings.
public enum RetrievalScorer {
    static let kindOrder = ["direct", "paraphrase", "colloquial", "misspelled", "multi"]
    /// Ranks looked at for MRR.
    static let depth = 10

    /// Scores a `PolicyRetriever` (lexical, or any fusion of rankers built into it).
    public static func evaluate(_ retriever: PolicyRetriever, queries: [LabelledQuery]) -> EvaluationReport {
        evaluate(chunks: retriever.chunks, queries: queries, ranking: retriever.scoredChunks)
    }

    /// Scores any ranker over `chunks`: `ranking(query, top)` returns up to `top` chunk ids of `chunks`, best
    /// first (the scorer asks for the top 10). Windows of one section count once, at the best one's rank, so a
    /// ranker that returns raw windows is scored like the retriever, which returns one per section. An id that
    /// is not in `chunks` is a programming error (the ranker was built over another corpus) and traps.
    public static func evaluate(
        chunks: [PolicyChunk], queries: [LabelledQuery], ranking: (_ query: String, _ top: Int) -> [ScoredChunk]
    ) -> EvaluationReport {
        let byID = Dictionary(chunks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var run = ScoringRun()
        for query in queries { run.record(query, sections(ranking(query.query, depth), byID)) }
        return run.report()
    }

    /// One ranked section: what the scorer compares with the labels.
    struct RankedSection {
        var document: String
        var headingPath: [String]
        var relevance: Double
        var passesGate: Bool
    }

    /// The ranked chunks as sections, the first window of each section only, at most `depth`.
    static func sections(_ ranked: [ScoredChunk], _ byID: [String: PolicyChunk]) -> [RankedSection] {
        var seen: Set<[String]> = []
        var sections: [RankedSection] = []
        for result in ranked where sections.count < depth {
            guard let chunk = byID[result.chunkID] else {
                preconditionFailure("ranked chunk \(result.chunkID) is not in the corpus being scored")
            }
            guard seen.insert([chunk.document] + chunk.headingPath).inserted else { continue }
            sections.append(
                RankedSection(
                    document: chunk.document, headingPath: chunk.headingPath, relevance: result.relevance,
                    passesGate: result.passesGate))
        }
        return sections
    }

    /// Whether `section` is one of the query's expected sections (any intent).
    static func isExpected(_ section: RankedSection, for query: LabelledQuery) -> Bool {
        query.expected.contains { $0.matches(document: section.document, headingPath: section.headingPath) }
    }

    /// For each intent of the query (one, unless `multi` entries are numbered), the best rank at which one of
    /// its sections appears, 1-based, or nil.
    static func intentRanks(_ query: LabelledQuery, _ results: [RankedSection]) -> [Int?] {
        var groups: [Int: [LabelledQuery.Expected]] = [:]
        for (position, expected) in query.expected.enumerated() {
            let group = query.kind == "multi" ? expected.intent ?? (1_000 + position) : 0
            groups[group, default: []].append(expected)
        }
        return groups.keys.sorted().map { group in
            results.firstIndex { result in
                groups[group, default: []].contains {
                    $0.matches(document: result.document, headingPath: result.headingPath)
                }
            }.map { $0 + 1 }
        }
    }

    /// Running sums for one group of queries.
    struct Accumulator {
        var count = 0
        var hits1 = 0
        var hits3 = 0
        var all3 = 0
        var reciprocalRanks = 0.0
        var droppedByGate = 0
        var wrongAboveGate = 0

        mutating func add(_ ranks: [Int?], droppedByGate dropped: Bool = false, wrongAboveGate wrong: Bool = false) {
            count += 1
            if dropped { droppedByGate += 1 }
            if wrong { wrongAboveGate += 1 }
            let best = ranks.compactMap { $0 }.min()
            if best == 1 { hits1 += 1 }
            if let best, best <= 3 { hits3 += 1 }
            if ranks.allSatisfy({ ($0 ?? .max) <= 3 }) { all3 += 1 }
            if let best { reciprocalRanks += 1 / Double(best) }
        }

        var metrics: RetrievalMetrics {
            var m = RetrievalMetrics()
            m.count = count
            guard count > 0 else { return m }
            let n = Double(count)
            m.recallAt1 = Double(hits1) / n
            m.recallAt3 = Double(hits3) / n
            m.mrr = reciprocalRanks / n
            m.allAt3 = Double(all3) / n
            m.droppedByGate = Double(droppedByGate) / n
            m.wrongAboveGate = Double(wrongAboveGate) / n
            return m
        }
    }
}
