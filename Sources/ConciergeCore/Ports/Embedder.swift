/// Text to vectors by meaning, computed on this machine (no text leaves it). The vectors are L2-normalised, so
/// their dot product is the cosine similarity. `SentenceEmbedding` is the real one.
public protocol Embedder: Sendable {
    /// The length of every vector.
    var dimensions: Int { get }
    /// A name that changes whenever the vectors would (model and version), stored beside embeddings so that
    /// vectors from another model are never compared with this one's.
    var modelID: String { get }
    /// One vector per text, in order. Long texts are truncated the way the model expects.
    func embed(_ texts: [String]) async throws -> [[Float]]
}
