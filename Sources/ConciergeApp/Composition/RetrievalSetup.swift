import ConciergeCore
import Retrieval

/// Whether an embedding model is there to use: none configured, loaded, or configured but unusable (and why).
public enum EmbedderLoad: Sendable {
    case disabled
    case loaded(any Embedder)
    case failed(String)
}

/// The policy retriever the configuration asks for: lexical always; hybrid (lexical + dense, fused) when an embedding
/// model is loaded and the stored chunks carry its vectors. Whatever is missing is said once — in the start-up log
/// and on `/healthz` — and retrieval goes on lexically: never a silent downgrade, never a refusal to start.
public struct RetrievalSetup: Sendable {
    public let retriever: PolicyRetriever
    /// Set only when the dense ranker is in use, so that the turn embeds the message only when it helps.
    public let embedder: (any Embedder)?
    /// Why retrieval is lexical although a model was configured; `nil` when it runs as configured.
    public let degradation: String?

    /// How lexical and dense relevances are weighted and where the relevance gate sits on the fused scale.
    public struct Fusion: Sendable {
        public var lexicalWeight: Double
        public var denseWeight: Double
        public var relevanceThreshold: Double
        public var dense: DenseConfiguration

        /// Calibrated on both labelled query sets (docs/retrieval-and-geo.md, "Hybrid retrieval").
        public static let calibrated = Fusion(lexicalWeight: 1, denseWeight: 1, relevanceThreshold: 0.3,
                                              dense: .default)
    }

    public static func build(chunks: [PolicyChunk], lexicon: Lexicon, embedder load: EmbedderLoad,
                             fusion: Fusion = .calibrated) -> RetrievalSetup {
        // One index serves both the lexical-only retriever and the hybrid one (building it is the costly part).
        let index = LexicalIndex(chunks: chunks, lexicon: lexicon)
        let lexical = PolicyRetriever(chunks: chunks, rankers: [WeightedRanker(index)],
                                      relevanceThreshold: LexicalConfiguration.default.relevanceThreshold)
        let embedder: any Embedder
        switch load {
        case .disabled: return RetrievalSetup(retriever: lexical, embedder: nil, degradation: nil)
        case .failed(let reason): return RetrievalSetup(retriever: lexical, embedder: nil, degradation: reason)
        case .loaded(let loaded): embedder = loaded
        }
        let dense = DenseRanker(chunks: chunks, model: embedder.modelID, dimensions: embedder.dimensions,
                                configuration: fusion.dense)
        guard !chunks.isEmpty, dense.indexedCount == chunks.count else {
            let reason = "\(chunks.count - dense.indexedCount) of \(chunks.count) policy chunks have no "
                + "\(embedder.modelID) vector: run `concierge ingest` to embed them"
            return RetrievalSetup(retriever: lexical, embedder: nil, degradation: chunks.isEmpty ? nil : reason)
        }
        let hybrid = PolicyRetriever(
            chunks: chunks,
            rankers: [WeightedRanker(index, weight: fusion.lexicalWeight),
                      WeightedRanker(dense, weight: fusion.denseWeight)],
            relevanceThreshold: fusion.relevanceThreshold)
        return RetrievalSetup(retriever: hybrid, embedder: embedder, degradation: nil)
    }

    /// One line for `/healthz` and the start-up output.
    public var summary: String {
        if let degradation { return "policy retrieval: lexical only (\(degradation))" }
        return embedder.map { "policy retrieval: hybrid (lexical + \($0.modelID))" } ?? "policy retrieval: lexical"
    }
}
