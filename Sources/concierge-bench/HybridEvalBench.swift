import ArgumentParser
import ConciergeApp
import Foundation
import Retrieval
import RetrievalEval
import RetrievalFiles
import SentenceEmbedding

/// `concierge-bench hybrid-eval`: lexical, dense and hybrid retrieval side by side on a labelled query set, through
/// the same scorer as `retrieve-eval`, with the real embedding model (chunks embedded as `concierge ingest` does).
///
///     concierge-bench hybrid-eval                                   # Seeds/policies and its labelled queries
///     concierge-bench hybrid-eval --policies Seeds/eval/corpus-b --queries Seeds/eval/corpus-b-queries.jsonl
struct HybridEvalBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hybrid-eval", abstract: "Compare lexical, dense and hybrid policy retrieval on a labelled set.")

    @Option(help: "Directory of policy documents.") var policies: String = "Seeds/policies"
    @Option(help: "Labelled queries (JSON lines).") var queries: String = "Seeds/eval/retrieval-queries.jsonl"
    @Option(help: "The embedding model directory.") var model: String = SentenceEmbedder.defaultDirectory
    @Option(help: "Weight of the dense ranker against the lexical one (1).") var denseWeight: Double?
    @Option(help: "Cosine at or below which dense relevance is 0.") var floor: Double?
    @Option(help: "Cosine at or above which dense relevance is 1.") var ceiling: Double?
    @Option(help: "Relevance gate on the fused scale.") var threshold: Double?
    /// Fusion parameters are chosen on the first set and the tune half of corpus-b; the holdout half is only measured.
    @Option(help: "Score only one half of the queries: tune (even lines) or holdout (odd lines).")
    var split: Split?
    @Flag(help: "Per-category tables.") var perCategory = false

    enum Split: String, ExpressibleByArgument { case tune, holdout }
    @Flag(help: "Quantiles of the top result's relevance, answerable vs unanswerable.") var calibrate = false
    /// For measuring a model before porting it: `bench/dense_eval.py` embeds these texts with sentence-transformers.
    @Option(help: "Write every chunk's embedding text and every query (JSON lines) to this file and stop.")
    var exportTexts: String?
    @Option(help: "Use these precomputed {text, vector} lines (bench/dense_eval.py) instead of --model.")
    var vectors: String?
    @Flag(help: "Also score reciprocal-rank fusion of the lexical and dense rankings (ranks only, no gate).")
    var reciprocalRankFusion = false

    func run() async throws {
        var chunks = try PolicyDirectory.load(URL(fileURLWithPath: policies))
        let all = try LabelledQuery.load(URL(fileURLWithPath: queries))
        let labelled = all.enumerated().filter { index, _ in
            switch split {
            case nil: true
            case .tune: index % 2 == 0
            case .holdout: index % 2 == 1
            }
        }.map(\.element)
        if let exportTexts {
            let texts = chunks.map(PolicyIngestor.embeddingText) + labelled.map(\.query)
            try PrecomputedVectors.export(texts, to: URL(fileURLWithPath: exportTexts))
            return
        }
        let lexicon = try LexiconFiles.load(path: nil) ?? .empty
        let embedding = try await Embedding(model: model, vectors: vectors)
        let started = ContinuousClock.now
        let vectors = try await embedding.embed(chunks.map(PolicyIngestor.embeddingText))
        let indexing = ContinuousClock.now - started
        for index in chunks.indices {
            chunks[index].embedding = ChunkEmbedding(model: embedding.modelID, vector: vectors[index])
        }
        let queryVectors = Dictionary(
            zip(labelled.map(\.query), try await embedding.embed(labelled.map(\.query))),
            uniquingKeysWith: { a, _ in a })
        print("\(chunks.count) chunks embedded in \(String(format: "%.2f", indexing.seconds)) s, \(labelled.count) queries")

        var fusion = RetrievalSetup.Fusion.calibrated
        fusion.denseWeight = denseWeight ?? fusion.denseWeight
        fusion.relevanceThreshold = threshold ?? fusion.relevanceThreshold
        fusion.dense = DenseConfiguration(floor: floor ?? fusion.dense.floor, ceiling: ceiling ?? fusion.dense.ceiling)
        let lexical = LexicalIndex(chunks: chunks, lexicon: lexicon)
        let dense = DenseRanker(chunks: chunks, model: embedding.modelID, dimensions: embedding.dimensions,
                                configuration: fusion.dense)
        let setups: [(String, PolicyRetriever)] = [
            ("lexical", PolicyRetriever(chunks: chunks, lexicon: lexicon)),
            ("dense", PolicyRetriever(chunks: chunks, rankers: [WeightedRanker(dense)],
                                      relevanceThreshold: fusion.relevanceThreshold)),
            ("hybrid", PolicyRetriever(chunks: chunks, rankers: [
                WeightedRanker(lexical, weight: fusion.lexicalWeight), WeightedRanker(dense, weight: fusion.denseWeight),
            ], relevanceThreshold: fusion.relevanceThreshold)),
        ]
        let rankings: [(String, ReciprocalRankFusion.Ranking)] = setups.map { name, retriever in
            (name, { query, top in
                retriever.retrieve(query, embedding: queryVectors[query], top: top).map {
                    ScoredChunk(chunkID: $0.citation.chunkID, score: $0.score, relevance: $0.relevance,
                                passesGate: $0.isRelevant)
                }
            })
        }
        let rrf: (String, ReciprocalRankFusion.Ranking) = ("rrf (lexical + dense, k 60; gate not meaningful)",
                   ReciprocalRankFusion.ranking(rankings[0].1, rankings[1].1))
        for (name, ranking) in rankings + (reciprocalRankFusion ? [rrf] : []) {
            let report = RetrievalScorer.evaluate(chunks: chunks, queries: labelled, ranking: ranking)
            print("\n== \(name)")
            print(report.formatted())
            if perCategory { print(report.perCategoryFormatted()) }
            if calibrate { print(report.relevanceQuantiles()) }
        }
    }
}

/// The model run in process, or vectors computed elsewhere for a model not ported yet.
private enum Embedding {
    case model(SentenceEmbedder)
    case precomputed(PrecomputedVectors)

    init(model: String, vectors: String?) async throws {
        if let vectors {
            let file = URL(fileURLWithPath: vectors)
            let modelID = file.deletingPathExtension().lastPathComponent
            self = .precomputed(try PrecomputedVectors(file: file, modelID: modelID))
        } else {
            self = .model(try await SentenceEmbedder.load(from: URL(fileURLWithPath: model), cacheCapacity: 0))
        }
    }

    var modelID: String {
        switch self {
        case .model(let embedder): embedder.modelID
        case .precomputed(let vectors): vectors.modelID
        }
    }

    var dimensions: Int {
        switch self {
        case .model(let embedder): embedder.dimensions
        case .precomputed(let vectors): vectors.dimensions
        }
    }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        switch self {
        case .model(let embedder): try await embedder.embed(texts)
        case .precomputed(let vectors): try vectors.embed(texts)
        }
    }
}
