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
        let lexicon = try LexiconFiles.load(path: nil) ?? .empty
        let embedder = try await SentenceEmbedder.load(from: URL(fileURLWithPath: model), cacheCapacity: 0)
        let started = ContinuousClock.now
        let vectors = try await embedder.embed(chunks.map(PolicyIngestor.embeddingText))
        let indexing = ContinuousClock.now - started
        for index in chunks.indices {
            chunks[index].embedding = ChunkEmbedding(model: embedder.modelID, vector: vectors[index])
        }
        let queryVectors = Dictionary(
            zip(labelled.map(\.query), try await embedder.embed(labelled.map(\.query))), uniquingKeysWith: { a, _ in a })
        print("\(chunks.count) chunks embedded in \(String(format: "%.2f", indexing.seconds)) s, \(labelled.count) queries")

        var fusion = RetrievalSetup.Fusion.calibrated
        fusion.denseWeight = denseWeight ?? fusion.denseWeight
        fusion.relevanceThreshold = threshold ?? fusion.relevanceThreshold
        fusion.dense = DenseConfiguration(floor: floor ?? fusion.dense.floor, ceiling: ceiling ?? fusion.dense.ceiling)
        let lexical = LexicalIndex(chunks: chunks, lexicon: lexicon)
        let dense = DenseRanker(chunks: chunks, model: embedder.modelID, dimensions: embedder.dimensions,
                                configuration: fusion.dense)
        let setups: [(String, PolicyRetriever)] = [
            ("lexical", PolicyRetriever(chunks: chunks, lexicon: lexicon)),
            ("dense", PolicyRetriever(chunks: chunks, rankers: [WeightedRanker(dense)],
                                      relevanceThreshold: fusion.relevanceThreshold)),
            ("hybrid", PolicyRetriever(chunks: chunks, rankers: [
                WeightedRanker(lexical, weight: fusion.lexicalWeight), WeightedRanker(dense, weight: fusion.denseWeight),
            ], relevanceThreshold: fusion.relevanceThreshold)),
        ]
        for (name, retriever) in setups {
            let report = RetrievalScorer.evaluate(chunks: chunks, queries: labelled) { query, top in
                retriever.retrieve(query, embedding: queryVectors[query], top: top).map {
                    ScoredChunk(chunkID: $0.citation.chunkID, score: $0.score, relevance: $0.relevance,
                                passesGate: $0.isRelevant)
                }
            }
            print("\n== \(name)")
            print(report.formatted())
            if perCategory { print(report.perCategoryFormatted()) }
            if calibrate { print(report.relevanceQuantiles()) }
        }
    }
}
