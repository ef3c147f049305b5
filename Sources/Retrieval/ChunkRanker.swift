/// One chunk a ranker found for a query.
public struct RankedChunk: Hashable, Sendable {
    /// Position of the chunk in the array the ranker was built from.
    public var chunk: Int
    /// The ranker's own score (BM25 for the lexical ranker, cosine for a dense one); comparable within a query.
    public var score: Double
    /// The score on a 0…1 scale meant to be comparable across queries, for thresholds and fusion.
    public var relevance: Double

    public init(chunk: Int, score: Double, relevance: Double) {
        self.chunk = chunk
        self.score = score
        self.relevance = relevance
    }
}

/// Anything that scores chunks for a query: the lexical BM25F index today, a dense-embedding ranker later.
///
/// `PolicyRetriever` fuses any number of rankers, so adding one changes how the retriever is built, not how it
/// is called. Rankers must be deterministic: equal scores are ordered by chunk position.
public protocol ChunkRanker: Sendable {
    /// Up to `limit` chunks, best first.
    func rank(_ query: String, limit: Int) -> [RankedChunk]
    /// The same with the query's embedding when there is one (a dense ranker needs it; a lexical one ignores it).
    func rank(_ query: String, embedding: [Float]?, limit: Int) -> [RankedChunk]
    /// A ranker that needs the query's embedding sits out of the fusion when there is none (the embedder is down),
    /// instead of pulling every fused relevance towards 0.
    var needsEmbedding: Bool { get }
}

extension ChunkRanker {
    public func rank(_ query: String, embedding: [Float]?, limit: Int) -> [RankedChunk] { rank(query, limit: limit) }
    public var needsEmbedding: Bool { false }
}

extension LexicalIndex: ChunkRanker {
    public func rank(_ query: String, limit: Int) -> [RankedChunk] {
        let plan = plan(query)
        guard limit > 0, !plan.terms.isEmpty, plan.normaliser > 0 else { return [] }
        var scores = [Double](repeating: 0, count: chunkCount)
        var touched: [Int32] = []
        for term in plan.terms {
            let weight = term.weight * idf[Int(term.id)]
            for posting in postings[Int(term.id)] {
                let chunk = Int(posting.chunk)
                if scores[chunk] == 0 { touched.append(posting.chunk) }
                scores[chunk] += weight * Double(posting.impact)
            }
        }
        let diversify = plan.clauseCount > 1 && configuration.repeatedClauseWeight < 1
        let wanted = min(limit, chunkCount)
        var best = TopScores(capacity: diversify ? max(wanted, ClauseDiversifier.pool) : wanted)
        for chunk in touched { best.offer(chunk: Int(chunk), score: scores[Int(chunk)]) }
        let ordered = diversify ? ClauseDiversifier(plan: plan, index: self).reorder(best.sorted) : best.sorted
        return ordered.prefix(limit).map { entry in
            // 1 = every word the shopper wrote matched at saturated frequency (impacts never exceed k1 + 1);
            // expansions can add beyond that, hence the clamp.
            RankedChunk(
                chunk: entry.chunk, score: entry.score,
                relevance: min(1, entry.score / (plan.normaliser * (configuration.k1 + 1))))
        }
    }
}

/// The `capacity` highest scores, ties to the lower chunk position, without sorting every candidate.
struct TopScores {
    let capacity: Int
    /// Kept sorted best first.
    private(set) var sorted: [(chunk: Int, score: Double)] = []

    init(capacity: Int) {
        self.capacity = capacity
        sorted.reserveCapacity(capacity + 1)
    }

    mutating func offer(chunk: Int, score: Double) {
        if sorted.count == capacity, let worst = sorted.last, !Self.precedes((chunk, score), worst) { return }
        var position = sorted.count
        while position > 0 && Self.precedes((chunk, score), sorted[position - 1]) { position -= 1 }
        sorted.insert((chunk, score), at: position)
        if sorted.count > capacity { sorted.removeLast() }
    }

    static func precedes(_ a: (chunk: Int, score: Double), _ b: (chunk: Int, score: Double)) -> Bool {
        a.score != b.score ? a.score > b.score : a.chunk < b.chunk
    }
}
