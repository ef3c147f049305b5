/// A chunk's vector from a sentence-embedding model, stored with the chunk at ingest. `model` names the model (and
/// its version), so that vectors from another model are never compared with a query embedded by this one.
public struct ChunkEmbedding: Codable, Hashable, Sendable {
    public var model: String
    /// L2-normalised: the dot product with another such vector is their cosine.
    public var vector: [Float]

    public init(model: String, vector: [Float]) {
        self.model = model
        self.vector = vector
    }
}
