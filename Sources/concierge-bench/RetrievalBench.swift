import ArgumentParser
import ConciergeCore
import Foundation
import Retrieval
import RetrievalEval
import RetrievalFiles

/// `concierge-bench retrieval`: query latency of the policy retriever at 1k and 10k chunks (synthetic corpora
/// around the real policies, seeded), with the labelled queries as the workload.
struct RetrievalBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieval",
        abstract: "Benchmark policy retrieval latency (p50/p95) and index build time on synthetic corpora."
    )

    @Option(help: "Directory of Markdown policies mixed into the synthetic corpus.")
    var policies: String = "Seeds/policies"

    @Option(help: "Labelled queries (JSON lines) used as the query workload.")
    var queries: String = "Seeds/eval/retrieval-queries.jsonl"

    @Option(help: "Query-expansion lexicon file or directory.")
    var lexicon: String = "Seeds/lexicon"

    @Option(name: .customLong("chunks"), parsing: .upToNextOption, help: "Corpus sizes, in chunks.")
    var chunkCounts: [Int] = [1_000, 10_000]

    @Option(help: "Timed passes over the query workload.")
    var rounds: Int = 5

    @Option(help: "Results per query.")
    var top: Int = 5

    @Option(help: "Random seed for the synthetic corpus.")
    var seed: UInt64 = 42

    func run() throws {
        let realChunks = try PolicyDirectory.load(URL(fileURLWithPath: policies))
        let workload = try LabelledQuery.load(URL(fileURLWithPath: queries)).map(\.query)
        let expansions = try LexiconFiles.load(URL(fileURLWithPath: lexicon))
        print("\(workload.count) queries × \(rounds) rounds, top \(top), seed \(seed)")
        for count in chunkCounts {
            let chunks = RetrievalBenchmark.syntheticChunks(count: count, seedChunks: realChunks, seed: seed)
            let result = RetrievalBenchmark.run(
                chunks: chunks, queries: workload, lexicon: expansions, top: top,
                rounds: rounds)
            print(
                """
                chunks \(result.chunkCount) (vocabulary \(result.vocabularySize)): build \(Self.format(result.buildTime)); \
                query p50 \(Self.format(result.p50)) p95 \(Self.format(result.p95)) p99 \(Self.format(result.p99)) \
                mean \(Self.format(result.mean)) over \(result.queryCount) queries
                """)
        }
    }

    private static func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 1e-3 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.1f µs", seconds * 1e6)
    }
}
