/// Why a model directory could not be loaded. Every case names the file, so the message says what to fix; none
/// holds text that was being embedded.
public enum SentenceEmbeddingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file the model needs is not there (typically: `script/bootstrap` has not been run).
    case missingFile(path: String)
    /// A file is there but unreadable, malformed or inconsistent with the rest of the model.
    case corruptFile(path: String, reason: String)
    /// A well-formed file describes a model this implementation does not run (another pooling, activation…).
    case unsupportedModel(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            "embedding model file missing: \(path) — run script/bootstrap, or set EMBEDDING_MODEL_DIR to an "
                + "all-MiniLM-L6-v2 directory"
        case .corruptFile(let path, let reason):
            "embedding model file corrupt: \(path): \(reason) — delete the model directory and run script/bootstrap"
        case .unsupportedModel(let path, let reason):
            "embedding model not supported: \(path): \(reason)"
        }
    }

    /// The file the error is about.
    public var path: String {
        switch self {
        case .missingFile(let path), .corruptFile(let path, _), .unsupportedModel(let path, _): path
        }
    }
}
