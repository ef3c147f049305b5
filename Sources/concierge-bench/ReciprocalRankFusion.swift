import RetrievalEval

/// Reciprocal-rank fusion, the textbook baseline beside the app's weighted mean of calibrated relevances: each
/// section scores Σ 1 / (k + rank) over the rankings that list it. It has no scale a gate could read ("is anything
/// relevant?"), which is why the app does not use it (docs/retrieval-and-geo.md); here it only checks whether the
/// fusion, rather than the embedding model, limits recall.
enum ReciprocalRankFusion {
    static let k = 60.0
    /// How deep each ranking is read before fusing.
    static let depth = 20

    typealias Ranking = (String, Int) -> [ScoredChunk]

    static func ranking(_ rankings: Ranking...) -> Ranking {
        { query, top in
            var fused: [String: (score: Double, passesGate: Bool)] = [:]
            for ranking in rankings {
                for (rank, result) in ranking(query, depth).enumerated() {
                    let previous = fused[result.chunkID] ?? (0, false)
                    fused[result.chunkID] = (previous.score + 1 / (k + Double(rank + 1)),
                                             previous.passesGate || result.passesGate)
                }
            }
            // Ties broken by chunk id so the result never depends on dictionary order.
            return fused.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }
                .prefix(top)
                .map { ScoredChunk(chunkID: $0.key, score: $0.value.score, relevance: $0.value.score,
                                   passesGate: $0.value.passesGate) }
        }
    }
}
