import ArgumentParser
import ConciergeApp
import Foundation
import Retrieval
import RetrievalEval
import RetrievalFiles
import SeededRandom
import SentenceEmbedding

/// `concierge-bench hybrid-latency`: what one policy lookup costs a turn with hybrid retrieval — embedding the
/// message with the real model plus the fused lexical and dense ranking — at 1k and 10k chunks, next to lexical
/// alone in the same run (synthetic corpora of `retrieval`; the synthetic chunks get seeded random unit vectors:
/// the dense scan costs the same whatever the vectors mean).
struct HybridLatencyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hybrid-latency", abstract: "Per-query latency of hybrid retrieval, embedding included.")

    @Option(help: "Directory of policies mixed into the synthetic corpus.") var policies: String = "Seeds/policies"
    @Option(help: "Labelled queries used as the workload.") var queries: String = "Seeds/eval/retrieval-queries.jsonl"
    @Option(help: "The embedding model directory.") var model: String = SentenceEmbedder.defaultDirectory
    @Option(name: .customLong("chunks"), parsing: .upToNextOption, help: "Corpus sizes.") var chunkCounts = [1_000, 10_000]
    @Option(help: "Random seed for the corpus and the vectors.") var seed: UInt64 = 42

    func run() async throws {
        let real = try PolicyDirectory.load(URL(fileURLWithPath: policies))
        let workload = try LabelledQuery.load(URL(fileURLWithPath: queries)).map(\.query)
        let lexicon = try LexiconFiles.load(path: nil) ?? .empty
        // No cache: every query pays for its embedding, as a new message does.
        let embedder = try await SentenceEmbedder.load(from: URL(fileURLWithPath: model), cacheCapacity: 0)
        for count in chunkCounts {
            var chunks = RetrievalBenchmark.syntheticChunks(count: count, seedChunks: real, seed: seed)
            var random = SplitMix64(seed: seed ^ 0x5EED)
            for index in chunks.indices {
                chunks[index].embedding = ChunkEmbedding(model: embedder.modelID, vector: Self.unitVector(384, &random))
            }
            let setup = RetrievalSetup.build(chunks: chunks, lexicon: lexicon, embedder: .loaded(embedder))
            let lexical = PolicyRetriever(chunks: chunks, lexicon: lexicon)
            var hybridTimes: [Duration] = []
            var lexicalTimes: [Duration] = []
            var embedTimes: [Duration] = []
            for query in workload {
                let start = ContinuousClock.now
                let vector = try await embedder.embed([query]).first
                let embedded = ContinuousClock.now
                _ = setup.retriever.retrieve(query, embedding: vector, top: 5)
                let done = ContinuousClock.now
                _ = lexical.retrieve(query, top: 5)
                lexicalTimes.append(ContinuousClock.now - done)
                embedTimes.append(embedded - start)
                hybridTimes.append(done - start)
            }
            print("chunks \(count): hybrid incl. embedding p50 \(Self.ms(hybridTimes, 0.5)) p95 \(Self.ms(hybridTimes, 0.95)); "
                + "embedding alone p50 \(Self.ms(embedTimes, 0.5)) p95 \(Self.ms(embedTimes, 0.95)); "
                + "lexical alone p50 \(Self.ms(lexicalTimes, 0.5)) p95 \(Self.ms(lexicalTimes, 0.95)) "
                + "(\(workload.count) queries)")
        }
    }

    static func unitVector(_ dimensions: Int, _ random: inout SplitMix64) -> [Float] {
        let raw = (0..<dimensions).map { _ in Float(random.unit() * 2 - 1) }
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return raw.map { $0 / norm }
    }

    static func ms(_ times: [Duration], _ fraction: Double) -> String {
        let sorted = times.sorted()
        let value = sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
        return String(format: "%.2f ms", value.seconds * 1_000)
    }
}
