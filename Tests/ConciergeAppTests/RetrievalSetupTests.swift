import ConciergeApp
import ConciergeCore
import Retrieval
import Testing
import TestSupport

/// Hybrid when it can be, lexical when it cannot — and then it says why.
@Suite("Retrieval set-up: hybrid, or lexical with the reason")
struct RetrievalSetupTests {
    static let chunks = [
        Fixtures.chunk("returns", 0, text: "Refunds within 14 days of purchase."),
        Fixtures.chunk("allergens", 0, text: "Nuts, dairy and gluten are handled in every kitchen."),
    ]

    static func embedded(_ chunks: [PolicyChunk], with embedder: CountingEmbedder) async throws -> [PolicyChunk] {
        let vectors = try await embedder.embed(chunks.map(PolicyIngestor.embeddingText))
        return zip(chunks, vectors).map { chunk, vector in
            var chunk = chunk
            chunk.embedding = ChunkEmbedding(model: embedder.modelID, vector: vector)
            return chunk
        }
    }

    @Test func aLoadedModelAndEmbeddedChunksGiveHybridRetrieval() async throws {
        let embedder = CountingEmbedder()
        let setup = RetrievalSetup.build(chunks: try await Self.embedded(Self.chunks, with: embedder), lexicon: .empty,
                                         embedder: .loaded(embedder))
        #expect(setup.embedder?.modelID == "counting-8" && setup.degradation == nil)
        #expect(setup.summary == "policy retrieval: hybrid (lexical + counting-8)")
    }

    @Test func chunksWithoutVectorsOfTheModelAreLexicalAndSaySoWithTheFix() {
        let setup = RetrievalSetup.build(chunks: Self.chunks, lexicon: .empty, embedder: .loaded(CountingEmbedder()))
        #expect(setup.embedder == nil)
        #expect(setup.degradation == "2 of 2 policy chunks have no counting-8 vector: run `concierge ingest` to embed them")
    }

    @Test func aModelThatCannotLoadIsLexicalWithItsReason() {
        let setup = RetrievalSetup.build(chunks: Self.chunks, lexicon: .empty, embedder: .failed("model.safetensors is missing"))
        #expect(setup.embedder == nil && setup.summary == "policy retrieval: lexical only (model.safetensors is missing)")
        #expect(!setup.retriever.retrieve("refund", top: 1).isEmpty, "lexical retrieval still answers")
    }

    @Test func lexicalByChoiceIsNotADegradation() {
        let setup = RetrievalSetup.build(chunks: Self.chunks, lexicon: .empty, embedder: .disabled)
        #expect(setup.degradation == nil && setup.summary == "policy retrieval: lexical")
    }

    @Test func theConfigurationTurnsTheModelOffOrPointsAtIt() throws {
        #expect(try AppConfiguration(environment: [:]).embeddingModelDirectory == ".models/all-MiniLM-L6-v2")
        #expect(try AppConfiguration(environment: ["EMBEDDING_MODEL_DIR": "off"]).embeddingModelDirectory == nil)
        #expect(try AppConfiguration(environment: ["EMBEDDING_MODEL_DIR": "/srv/m"]).embeddingModelDirectory == "/srv/m")
    }
}
