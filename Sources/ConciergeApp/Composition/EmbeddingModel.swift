import ConciergeCore
import Foundation
import SentenceEmbedding

/// Loads the configured sentence-embedding model, or says why it could not: the app then starts with lexical
/// retrieval and reports it (`RetrievalSetup`), instead of refusing to start or silently losing the dense half.
public enum EmbeddingModel {
    public static func load(_ configuration: AppConfiguration) async -> EmbedderLoad {
        guard let directory = configuration.embeddingModelDirectory else { return .disabled }
        do {
            return .loaded(try await SentenceEmbedder.load(from: URL(fileURLWithPath: directory)))
        } catch let error as SentenceEmbeddingError {
            return .failed("\(error) — run script/bootstrap, or set EMBEDDING_MODEL_DIR=off")
        } catch {
            return .failed("the embedding model in \(directory) could not be loaded (\(type(of: error)))")
        }
    }
}
