import Testing

@testable import Retrieval

@Suite("Dense ranker and hybrid fusion")
struct DenseRankerTests {
    /// Three chunks on the axes of a 3-d space; the third carries a vector of another model.
    static let chunks: [PolicyChunk] = [
        chunk(0, "refunds", [1, 0, 0], model: "m"),
        chunk(1, "allergens", [0, 1, 0], model: "m"),
        chunk(2, "delivery", [0, 0, 1], model: "other"),
        chunk(3, "loyalty", nil, model: "m"),
    ]

    static func chunk(_ position: Int, _ name: String, _ vector: [Float]?, model: String) -> PolicyChunk {
        PolicyChunk(id: "\(name)#0", document: name, title: name.capitalized, headingPath: [name.capitalized],
                    position: 0, text: "All about \(name).", embedding: vector.map { ChunkEmbedding(model: model, vector: $0) })
    }

    @Test("chunks are ranked by cosine; other models and missing vectors are never returned")
    func ranksByCosine() {
        let ranker = DenseRanker(chunks: Self.chunks, model: "m", dimensions: 3)
        #expect(ranker.indexedCount == 2)
        let ranked = ranker.rank("ignored", embedding: [0.6, 0.8, 0], limit: 5)
        #expect(ranked.map(\.chunk) == [1, 0])
        #expect(abs(ranked[0].score - 0.8) < 1e-6 && abs(ranked[1].score - 0.6) < 1e-6)
        #expect(ranker.rank("no embedding", limit: 5).isEmpty)
        #expect(ranker.rank("wrong length", embedding: [1, 0], limit: 5).isEmpty)
    }

    @Test("a cosine maps linearly between floor and ceiling, clamped")
    func relevanceMapping() {
        let configuration = DenseConfiguration(floor: 0.2, ceiling: 0.7)
        #expect(configuration.relevance(0.1) == 0 && configuration.relevance(0.9) == 1)
        #expect(abs(configuration.relevance(0.45) - 0.5) < 1e-9)
    }

    /// When the embedder is unavailable the dense ranker sits out: the lexical relevance is not diluted, so the
    /// relevance gate keeps working on lexical evidence alone.
    @Test("without a query embedding the fusion is the lexical ranker alone")
    func missingEmbeddingKeepsLexicalRelevance() {
        let lexical = LexicalIndex(chunks: Self.chunks)
        let hybrid = PolicyRetriever(
            chunks: Self.chunks,
            rankers: [WeightedRanker(lexical, weight: 1), WeightedRanker(DenseRanker(chunks: Self.chunks, model: "m", dimensions: 3))],
            relevanceThreshold: 0.3)
        let alone = PolicyRetriever(chunks: Self.chunks).retrieve("allergens", top: 1)
        let fused = hybrid.retrieve("allergens", embedding: nil, top: 1)
        #expect(fused.map(\.chunk.id) == alone.map(\.chunk.id))
        #expect(fused.map(\.relevance) == alone.map(\.relevance))
        let withMeaning = hybrid.retrieve("something about nuts", embedding: [0, 1, 0], top: 1)
        #expect(withMeaning.map(\.chunk.id) == ["allergens#0"], "the dense half finds what no word matches")
    }
}
