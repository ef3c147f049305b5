import Retrieval

/// Running totals of one scorer pass: recall and rank sums overall and per kind, threshold outcomes, misses.
/// Works on ranked sections, whatever ranker produced them.
struct ScoringRun {
    private var overall = RetrievalScorer.Accumulator()
    private var byKind: [String: RetrievalScorer.Accumulator] = [:]
    private var abstention = AbstentionMetrics()
    private var answerable = 0
    private var misses: [EvaluationReport.Miss] = []
    private var topRelevance: (correct: [Double], wrong: [Double], unanswerable: [Double]) = ([], [], [])

    mutating func record(_ query: LabelledQuery, _ results: [RetrievalScorer.RankedSection]) {
        let top = results.first
        guard !query.expected.isEmpty else {
            topRelevance.unanswerable.append(top?.relevance ?? 0)
            abstention.unanswerable += 1
            if !(top?.passesGate ?? false) { abstention.rejectedUnanswerable += 1 }
            return
        }
        answerable += 1
        let ranks = RetrievalScorer.intentRanks(query, results)
        let firstCorrect = ranks.contains(1)
        let correctInTop3 = results.prefix(3).filter { RetrievalScorer.isExpected($0, for: query) }
        let dropped = !correctInTop3.isEmpty && !correctInTop3.contains(where: \.passesGate)
        let wrongAboveGate = top?.passesGate == true && !firstCorrect
        overall.add(ranks, droppedByGate: dropped, wrongAboveGate: wrongAboveGate)
        byKind[query.kind, default: RetrievalScorer.Accumulator()]
            .add(ranks, droppedByGate: dropped, wrongAboveGate: wrongAboveGate)
        if firstCorrect {
            topRelevance.correct.append(top?.relevance ?? 0)
        } else {
            topRelevance.wrong.append(top?.relevance ?? 0)
        }
        if top?.passesGate == true && firstCorrect { abstention.acceptedCorrect += 1 }
        if wrongAboveGate { abstention.acceptedWrong += 1 }
        if !ranks.contains(where: { ($0 ?? .max) <= 3 }) {
            let shown = results.prefix(3).map { "\($0.document) › \($0.headingPath.joined(separator: " > "))" }
            misses.append(EvaluationReport.Miss(query: query, top: shown))
        }
    }

    func report() -> EvaluationReport {
        var abstention = abstention
        if abstention.unanswerable > 0 { abstention.rejectedUnanswerable /= Double(abstention.unanswerable) }
        if answerable > 0 {
            abstention.acceptedCorrect /= Double(answerable)
            abstention.acceptedWrong /= Double(answerable)
        }
        let order = RetrievalScorer.kindOrder
        let kinds = byKind.keys.sorted {
            (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
        }
        return EvaluationReport(
            overall: overall.metrics,
            byKind: kinds.map { ($0, byKind[$0, default: RetrievalScorer.Accumulator()].metrics) },
            abstention: abstention, misses: misses, topRelevance: topRelevance)
    }
}
