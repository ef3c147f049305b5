import Foundation
import Retrieval
import SeededRandom

/// Query latency of `PolicyRetriever` on synthetic corpora of a chosen size.
///
/// The synthetic corpus is the real policy chunks plus generated sections whose words follow a Zipf law over
/// the real vocabulary mixed with invented words, so real queries meet realistic posting-list lengths. Every
/// draw comes from a seeded SplitMix64: the same seed gives the same corpus.
public enum RetrievalBenchmark {
    public struct Result: Sendable {
        public var chunkCount: Int
        public var vocabularySize: Int
        public var buildTime: Duration
        public var queryCount: Int
        public var p50: Duration
        public var p95: Duration
        public var p99: Duration
        public var mean: Duration
    }

    /// `count` chunks: `seedChunks` first, then generated ones.
    public static func syntheticChunks(count: Int, seedChunks: [PolicyChunk], seed: UInt64) -> [PolicyChunk] {
        var random = SplitMix64(seed: seed)
        let vocabulary = SyntheticVocabulary(seedChunks: seedChunks, inventedWords: 20_000, using: &random)
        var chunks = Array(seedChunks.prefix(count))
        var document = 0
        while chunks.count < count {
            let title = vocabulary.phrase(words: 2...4, using: &random).capitalized
            let sections = Int.random(in: 4...12, using: &random)
            for position in 0..<min(sections, count - chunks.count) {
                let heading = vocabulary.phrase(words: 2...6, using: &random).capitalized
                let body = (0..<Int.random(in: 3...9, using: &random))
                    .map { _ in vocabulary.phrase(words: 6...22, using: &random).capitalized + "." }
                    .joined(separator: " ")
                chunks.append(
                    PolicyChunk(
                        id: "synthetic-\(document)#\(position)", document: "synthetic-\(document)",
                        title: title, headingPath: [title, heading], position: position, text: body))
            }
            document += 1
        }
        return chunks
    }

    /// Builds a retriever over `chunks`, then times `rounds` passes over `queries` (after one warm-up pass).
    public static func run(
        chunks: [PolicyChunk], queries: [String], lexicon: Lexicon, top: Int = 5, rounds: Int = 5
    ) -> Result {
        let clock = ContinuousClock()
        let buildStart = clock.now
        let index = LexicalIndex(chunks: chunks, lexicon: lexicon)
        let retriever = PolicyRetriever(
            chunks: chunks, rankers: [WeightedRanker(index)],
            relevanceThreshold: LexicalConfiguration.default.relevanceThreshold)
        let buildTime = clock.now - buildStart
        var checksum = 0
        for query in queries { checksum &+= retriever.retrieve(query, top: top).count }
        var timings: [Duration] = []
        timings.reserveCapacity(queries.count * rounds)
        for _ in 0..<rounds {
            for query in queries {
                let start = clock.now
                checksum &+= retriever.retrieve(query, top: top).count
                timings.append(clock.now - start)
            }
        }
        precondition(checksum >= 0)  // keeps the work observable to the optimiser
        timings.sort()
        func percentile(_ fraction: Double) -> Duration {
            timings.isEmpty ? .zero : timings[min(timings.count - 1, Int(Double(timings.count - 1) * fraction + 0.5))]
        }
        let total = timings.reduce(Duration.zero, +)
        return Result(
            chunkCount: chunks.count, vocabularySize: index.vocabularySize, buildTime: buildTime,
            queryCount: timings.count, p50: percentile(0.5), p95: percentile(0.95), p99: percentile(0.99),
            mean: timings.isEmpty ? .zero : total / timings.count)
    }
}

/// Words for synthetic text: the real corpus's words and invented ones, drawn with Zipf frequencies.
struct SyntheticVocabulary {
    private var words: [String]
    /// Cumulative Zipf weights (s = 1) over `words`.
    private var cumulative: [Double]

    init(seedChunks: [PolicyChunk], inventedWords: Int, using random: inout SplitMix64) {
        var seen: Set<String> = []
        var words: [String] = []
        for chunk in seedChunks {
            for word in chunk.text.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count > 2 {
                if seen.insert(String(word)).inserted { words.append(String(word)) }
            }
        }
        let syllables = [
            "ka", "lo", "mi", "ser", "tan", "po", "ve", "ri", "dun", "bel", "cor", "fa", "gin", "hu",
            "jo", "mar", "nel", "os", "pra", "qui", "sto", "tre", "ul", "vin", "wes", "xa", "yor", "zel",
        ]
        let target = words.count + inventedWords
        while words.count < target {
            let word = (0..<Int.random(in: 2...4, using: &random)).map { _ in syllables.randomElement(using: &random)! }
                .joined()
            if seen.insert(word).inserted { words.append(word) }
        }
        // Shuffle so real and invented words share the frequency ranks.
        words.shuffle(using: &random)
        self.words = words
        var running = 0.0
        cumulative = words.indices.map { rank in
            running += 1 / Double(rank + 1)
            return running
        }
    }

    func phrase(words range: ClosedRange<Int>, using random: inout SplitMix64) -> String {
        (0..<Int.random(in: range, using: &random)).map { _ in word(using: &random) }.joined(separator: " ")
    }

    private func word(using random: inout SplitMix64) -> String {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &random)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] <= target { low = mid + 1 } else { high = mid }
        }
        return words[low]
    }
}
