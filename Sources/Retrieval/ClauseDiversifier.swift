/// Re-orders the best candidates of a several-question message so each question gets an answer near the top.
///
/// Greedy: each pick is the candidate with the highest score after discounting what it scores on clauses an
/// earlier pick already answers (one scoring at least half the best any candidate does on that clause). The
/// first pick is always the top-scoring chunk; once every clause is answered, coverage resets and plain score
/// order resumes. Reported scores are unchanged: only the order moves.
struct ClauseDiversifier {
    /// Candidates considered for re-ordering.
    static let pool = 24

    let plan: QueryPlan
    let index: LexicalIndex

    func reorder(_ candidates: [(chunk: Int, score: Double)]) -> [(chunk: Int, score: Double)] {
        let clauses = Array(Set(plan.terms.flatMap(\.clauses))).sorted()
        // Per candidate, what each query term contributes to its score.
        let contributions = candidates.map { candidate in
            plan.terms.map { term in
                term.weight * index.idf[Int(term.id)] * index.impact(of: term.id, in: candidate.chunk)
            }
        }
        let perClause = contributions.map { values in
            clauses.map { clause in
                zip(plan.terms, values).reduce(0) { $0 + ($1.0.clauses.contains(clause) ? $1.1 : 0) }
            }
        }
        let bestPerClause = clauses.indices.map { k in perClause.map { $0[k] }.max() ?? 0 }
        let discount = 1 - index.configuration.repeatedClauseWeight
        var remaining = Array(candidates.indices)
        var covered: Set<Int> = []
        var ordered: [(chunk: Int, score: Double)] = []
        while !remaining.isEmpty {
            let values = remaining.map { c in
                candidates[c].score - discount
                    * zip(plan.terms, contributions[c]).reduce(0) { sum, pair in
                        pair.0.clauses.contains(where: covered.contains) ? sum + pair.1 : sum
                    }
            }
            // Strictly greater keeps the earlier (higher-scoring) candidate on ties.
            var pick = 0
            for position in values.indices where values[position] > values[pick] { pick = position }
            let chosen = remaining.remove(at: pick)
            ordered.append(candidates[chosen])
            for (k, clause) in clauses.enumerated() where perClause[chosen][k] >= 0.5 * bestPerClause[k] {
                covered.insert(clause)
            }
            if covered.count == clauses.count { covered = [] }
        }
        return ordered
    }
}

extension LexicalIndex {
    /// The saturated frequency of `term` in `chunk` (0 when absent): a binary search of the term's postings,
    /// which are in chunk order.
    func impact(of term: Int32, in chunk: Int) -> Double {
        let list = postings[Int(term)]
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if Int(list[mid].chunk) < chunk { low = mid + 1 } else { high = mid }
        }
        return low < list.count && Int(list[low].chunk) == chunk ? Double(list[low].impact) : 0
    }
}
