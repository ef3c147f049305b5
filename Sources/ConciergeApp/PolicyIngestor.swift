import ConciergeCore
import Foundation
import Retrieval
import RetrievalFiles

/// `concierge ingest --policies DIR`: chunks a directory of Markdown policies and replaces the store's corpus,
/// so the server's retrieval index matches the documents exactly.
public enum PolicyIngestor {
    public struct Report: Sendable {
        public var documents: Int
        public var chunks: Int
    }

    public struct EmptyCorpus: Error, CustomStringConvertible {
        public var directory: String
        public var description: String { "\(directory): no Markdown documents found" }
    }

    public static func ingest(directory: String, into store: any ConciergeStore) async throws -> Report {
        let chunks = try PolicyDirectory.load(URL(fileURLWithPath: directory))
        guard !chunks.isEmpty else {
            throw EmptyCorpus(directory: directory)
        }
        try await store.replacePolicyChunks(chunks)
        return Report(documents: Set(chunks.map(\.document)).count, chunks: chunks.count)
    }
}
