import BlockingThreads
import ConciergeCore
import Foundation
import Retrieval
import RetrievalFiles

/// `concierge ingest --policies DIR`: chunks a directory of Markdown, HTML and PDF policies and replaces the store's
/// corpus, so the server's retrieval index matches the documents exactly.
///
/// All or nothing: every file is read and converted before the store is touched, so a file that fails (a damaged
/// PDF, an HTML page that is not UTF-8, no `pdftotext`) leaves the old corpus in place.
public enum PolicyIngestor {
    public struct Report: Sendable {
        public var documents: Int
        public var chunks: Int
    }

    public struct EmptyCorpus: Error, CustomStringConvertible {
        public var directory: String
        public var description: String { "\(directory): no policy documents found (.md, .markdown, .html, .htm, .pdf)" }
    }

    /// Reading files and waiting for `pdftotext` block: one dedicated thread, off the cooperative pool.
    private static let files = BlockingThreadPool(label: "concierge.policy-files", maxThreads: 1)

    public static func ingest(
        directory: String, into store: any ConciergeStore, pdfReader: PopplerPDFReader = PopplerPDFReader()
    ) async throws -> Report {
        let chunks = try await files.run {
            try PolicyDirectory.load(URL(fileURLWithPath: directory), pdfReader: pdfReader)
        }
        guard !chunks.isEmpty else {
            throw EmptyCorpus(directory: directory)
        }
        try await store.replacePolicyChunks(chunks)
        return Report(documents: Set(chunks.map(\.document)).count, chunks: chunks.count)
    }
}
