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
}

/// Runs labelled queries through a retriever and scores the rankings.
public enum RetrievalScorer {
    static let kindOrder = ["direct", "paraphrase", "colloquial", "misspelled", "multi"]
    /// Ranks looked at for MRR.
    static let depth = 10

    public static func evaluate(_ retriever: PolicyRetriever, queries: [LabelledQuery]) -> EvaluationReport {
        var run = ScoringRun()
        for query in queries { run.record(query, retriever.retrieve(query.query, top: depth)) }
        return run.report()
    }

    /// For each intent of the query (one, unless `multi` entries are numbered), the best rank at which one of
    /// its sections appears, 1-based, or nil.
    static func intentRanks(_ query: LabelledQuery, _ results: [RetrievalResult]) -> [Int?] {
        var groups: [Int: [LabelledQuery.Expected]] = [:]
        for (position, expected) in query.expected.enumerated() {
            let group = query.kind == "multi" ? expected.intent ?? (1_000 + position) : 0
            groups[group, default: []].append(expected)
        }
        return groups.keys.sorted().map { group in
            results.firstIndex { result in
                groups[group, default: []].contains {
                    $0.matches(document: result.citation.document, headingPath: result.citation.headingPath)
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

        mutating func add(_ ranks: [Int?]) {
            count += 1
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
            return m
        }
    }
}
