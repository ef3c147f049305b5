/// Ranks chunks by the cosine between their stored embeddings and the query's, for one embedding model: the
/// meaning-based half of hybrid retrieval. Chunks without an embedding of that model are never returned.
///
/// A brute-force scan over contiguous vectors: at 10,000 chunks of 384 dimensions it is about 4 M multiply-adds
/// per query, a millisecond or two, so an approximate index would buy nothing here.
public struct DenseRanker: ChunkRanker {
    public let model: String
    public let dimensions: Int
    public let configuration: DenseConfiguration
    /// Row-major: the vector of `rows[i]` starts at `i * dimensions`.
    private let matrix: [Float]
    /// The chunk position of each row.
    private let rows: [Int]

    /// Indexes the chunks that carry an embedding of `model` with `dimensions` values.
    public init(chunks: [PolicyChunk], model: String, dimensions: Int, configuration: DenseConfiguration = .default) {
        self.model = model
        self.dimensions = dimensions
        self.configuration = configuration
        var matrix: [Float] = []
        var rows: [Int] = []
        for (position, chunk) in chunks.enumerated() {
            guard let embedding = chunk.embedding, embedding.model == model, embedding.vector.count == dimensions
            else { continue }
            matrix += embedding.vector
            rows.append(position)
        }
        self.matrix = matrix
        self.rows = rows
    }

    /// How many chunks carry a usable embedding.
    public var indexedCount: Int { rows.count }

    public var needsEmbedding: Bool { true }

    /// Text alone cannot be ranked by meaning here: the query's embedding comes from the `Embedder`.
    public func rank(_ query: String, limit: Int) -> [RankedChunk] { [] }

    public func rank(_ query: String, embedding: [Float]?, limit: Int) -> [RankedChunk] {
        guard let embedding, embedding.count == dimensions, limit > 0, !rows.isEmpty else { return [] }
        var best = TopScores(capacity: min(limit, rows.count))
        matrix.withUnsafeBufferPointer { vectors in
            embedding.withUnsafeBufferPointer { query in
                for row in 0..<rows.count {
                    var dot: Float = 0
                    let base = row * dimensions
                    for index in 0..<dimensions { dot += vectors[base + index] * query[index] }
                    best.offer(chunk: rows[row], score: Double(dot))
                }
            }
        }
        return best.sorted.map { RankedChunk(chunk: $0.chunk, score: $0.score, relevance: configuration.relevance($0.score)) }
    }
}

/// How a cosine becomes a 0…1 relevance comparable with the lexical one: linear between `floor` (unrelated texts
/// of this model sit below it) and `ceiling` (a paraphrase of the section), clamped.
public struct DenseConfiguration: Hashable, Sendable {
    public var floor: Double
    public var ceiling: Double

    public init(floor: Double, ceiling: Double) {
        self.floor = floor
        self.ceiling = ceiling
    }

    /// Calibrated on the labelled query sets (see docs/retrieval-and-geo.md).
    public static let `default` = DenseConfiguration(floor: 0.15, ceiling: 0.75)

    public func relevance(_ cosine: Double) -> Double { min(1, max(0, (cosine - floor) / (ceiling - floor))) }
}
