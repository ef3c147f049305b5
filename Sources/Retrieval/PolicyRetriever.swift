/// Where an answer comes from: the document and the heading path of the section.
public struct Citation: Codable, Hashable, Sendable {
    /// Document id (file name without extension).
    public var document: String
    public var title: String
    /// Headings from the document title down to the section (the title first).
    public var headingPath: [String]
    /// The chunk's id, `<document>#<position>`.
    public var chunkID: String

    public init(document: String, title: String, headingPath: [String], chunkID: String) {
        self.document = document
        self.title = title
        self.headingPath = headingPath
        self.chunkID = chunkID
    }

    /// The heading path joined with " > ": "Returns and refunds > Refunds > How long a refund takes".
    public var heading: String { headingPath.joined(separator: " > ") }
}

/// One retrieved section with its citation, score and whether it clears the relevance threshold, so the
/// concierge can say "I don't know" instead of guessing from a weak match.
public struct RetrievalResult: Hashable, Sendable {
    public var chunk: PolicyChunk
    public var citation: Citation
    /// The (fused) ranker score; BM25 when only the lexical ranker runs.
    public var score: Double
    /// 0…1, comparable across queries.
    public var relevance: Double
    /// `relevance >= relevanceThreshold`.
    public var isRelevant: Bool
}

/// A ranker and its share of the fused relevance.
public struct WeightedRanker: Sendable {
    public var ranker: any ChunkRanker
    public var weight: Double

    public init(_ ranker: any ChunkRanker, weight: Double = 1) {
        self.ranker = ranker
        self.weight = weight
    }
}

/// The retrieval entry point for the chat turn: query in, cited sections out.
///
/// Built from chunks (from the store, or from a directory for evaluation). Results are one per section: when a
/// long section was split into windows, only its best window is returned.
public struct PolicyRetriever: Sendable {
    public let chunks: [PolicyChunk]
    public let relevanceThreshold: Double
    private let rankers: [WeightedRanker]

    /// The lexical retriever: a BM25F `LexicalIndex` with `lexicon` expansion.
    public init(chunks: [PolicyChunk], lexicon: Lexicon = .empty, configuration: LexicalConfiguration = .default) {
        let index = LexicalIndex(chunks: chunks, lexicon: lexicon, configuration: configuration)
        self.init(
            chunks: chunks, rankers: [WeightedRanker(index)], relevanceThreshold: configuration.relevanceThreshold)
    }

    /// A retriever fusing several rankers built over the same `chunks` (for example lexical plus dense): each
    /// chunk's relevance is the weighted mean of the rankers' relevances, a ranker that did not return it
    /// counting 0.
    public init(chunks: [PolicyChunk], rankers: [WeightedRanker], relevanceThreshold: Double) {
        precondition(!rankers.isEmpty, "a retriever needs at least one ranker")
        self.chunks = chunks
        self.rankers = rankers
        self.relevanceThreshold = relevanceThreshold
    }

    /// The `top` best sections for `query`, best first.
    public func retrieve(_ query: String, top: Int) -> [RetrievalResult] {
        retrieve(query, embedding: nil, top: top)
    }

    /// The `top` best sections for `query` and its embedding (for the dense rankers; `nil`: lexical only).
    public func retrieve(_ query: String, embedding: [Float]?, top: Int) -> [RetrievalResult] {
        guard top > 0 else { return [] }
        // Over-fetch so that collapsing windows of one section still leaves `top` sections.
        let ranked = fused(query, embedding: embedding, limit: min(top, chunks.count) * 3 + 5)
        var seen: Set<SectionKey> = []
        var results: [RetrievalResult] = []
        for entry in ranked where results.count < top {
            let chunk = chunks[entry.chunk]
            guard seen.insert(SectionKey(document: chunk.document, headingPath: chunk.headingPath)).inserted else {
                continue
            }
            let citation = Citation(
                document: chunk.document, title: chunk.title, headingPath: chunk.headingPath,
                chunkID: chunk.id)
            results.append(
                RetrievalResult(
                    chunk: chunk, citation: citation, score: entry.score,
                    relevance: entry.relevance,
                    isRelevant: entry.relevance >= relevanceThreshold))
        }
        return results
    }

    private struct SectionKey: Hashable {
        var document: String
        var headingPath: [String]
    }

    private func fused(_ query: String, embedding: [Float]?, limit: Int) -> [RankedChunk] {
        let active = rankers.filter { embedding != nil || !$0.ranker.needsEmbedding }
        if active.isEmpty { return [] }
        if active.count == 1 { return active[0].ranker.rank(query, embedding: embedding, limit: limit) }
        let total = active.reduce(0) { $0 + $1.weight }
        var combined: [Int: Double] = [:]
        for entry in active {
            for ranked in entry.ranker.rank(query, embedding: embedding, limit: limit) {
                combined[ranked.chunk, default: 0] += entry.weight / total * ranked.relevance
            }
        }
        var best = TopScores(capacity: min(limit, chunks.count))
        for (chunk, relevance) in combined { best.offer(chunk: chunk, score: relevance) }
        return best.sorted.map { RankedChunk(chunk: $0.chunk, score: $0.score, relevance: $0.score) }
    }
}
