import BlockingThreads
import ConciergeCore
import Foundation
import Retrieval
import RetrievalFiles

/// `concierge ingest --policies DIR`: chunks a directory of Markdown, HTML and PDF policies, embeds every chunk when
/// an embedding model is configured, and replaces the store's corpus, so the server's retrieval index matches the
/// documents exactly.
///
/// All or nothing: every file is read and converted, and every chunk embedded, before the store is touched, so a
/// file that fails (a damaged PDF, an HTML page that is not UTF-8, no `pdftotext`) or an embedder failing half-way
/// leaves the old corpus in place.
public enum PolicyIngestor {
    public struct Report: Sendable {
        public var documents: Int
        public var chunks: Int
        /// The model the chunks were embedded with; `nil`: lexical retrieval only.
        public var embeddingModel: String?
    }

    public struct EmptyCorpus: Error, CustomStringConvertible {
        public var directory: String
        public var description: String { "\(directory): no policy documents found (.md, .markdown, .html, .htm, .pdf)" }
    }

    /// Chunks per `embed` call: large enough to batch, small enough to keep memory flat on a big corpus.
    static let batchSize = 32

    /// Reading files and waiting for `pdftotext` block: one dedicated thread, off the cooperative pool.
    private static let files = BlockingThreadPool(label: "concierge.policy-files", maxThreads: 1)

    public static func ingest(
        directory: String, into store: any PolicyStore, embedder: (any Embedder)? = nil,
        pdfReader: PopplerPDFReader = PopplerPDFReader()
    ) async throws -> Report {
        var chunks = try await files.run {
            try PolicyDirectory.load(URL(fileURLWithPath: directory), pdfReader: pdfReader)
        }
        guard !chunks.isEmpty else {
            throw EmptyCorpus(directory: directory)
        }
        if let embedder { chunks = try await embed(chunks, with: embedder) }
        try await store.replacePolicyChunks(chunks)
        return Report(documents: Set(chunks.map(\.document)).count, chunks: chunks.count,
                      embeddingModel: embedder?.modelID)
    }

    /// `chunks` with their embeddings; throws rather than return a half-embedded corpus.
    static func embed(_ chunks: [PolicyChunk], with embedder: any Embedder) async throws -> [PolicyChunk] {
        var embedded = chunks
        for start in stride(from: 0, to: chunks.count, by: batchSize) {
            let batch = Array(chunks[start..<min(start + batchSize, chunks.count)])
            let vectors = try await embedder.embed(batch.map(embeddingText))
            guard vectors.count == batch.count, vectors.allSatisfy({ $0.count == embedder.dimensions }) else {
                throw EmbeddingMismatch(expected: batch.count, dimensions: embedder.dimensions)
            }
            for (offset, vector) in vectors.enumerated() {
                embedded[start + offset].embedding = ChunkEmbedding(model: embedder.modelID, vector: vector)
            }
        }
        return embedded
    }

    /// What a chunk is embedded as: its headings (the words a section is found by) before its text.
    public static func embeddingText(_ chunk: PolicyChunk) -> String {
        chunk.headingPath.joined(separator: " > ") + "\n" + chunk.text
    }

    /// The embedder answered with the wrong number or length of vectors.
    public struct EmbeddingMismatch: Error, CustomStringConvertible {
        public var expected: Int
        public var dimensions: Int
        public var description: String { "the embedder did not return \(expected) vectors of \(dimensions) values" }
    }
}
