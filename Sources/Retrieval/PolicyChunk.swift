/// One retrievable section of a policy or FAQ document: the unit that is indexed, stored and cited.
///
/// `text` is the document's own text for that section (never rewritten), so a citation can be checked
/// against the source.
public struct PolicyChunk: Codable, Hashable, Sendable, Identifiable {
    /// Stable id: `<document>#<position>`.
    public var id: String
    /// Document id, the file name without extension (`returns`, `loyalty-points`).
    public var document: String
    /// The document's title (its first `#` heading).
    public var title: String
    /// Headings from the document title down to this section.
    public var headingPath: [String]
    /// Position of the chunk within its document, from 0.
    public var position: Int
    public var text: String
    /// The section's vector, computed at ingest when an embedding model is configured.
    public var embedding: ChunkEmbedding?

    public init(id: String, document: String, title: String, headingPath: [String], position: Int, text: String,
                embedding: ChunkEmbedding? = nil) {
        self.id = id
        self.document = document
        self.title = title
        self.headingPath = headingPath
        self.position = position
        self.text = text
        self.embedding = embedding
    }
}
