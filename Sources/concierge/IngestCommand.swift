import ArgumentParser
import ConciergeApp
import Foundation

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Chunk a directory of policies and FAQs into the configured store (replacing the old corpus).",
        discussion: """
            Reads .md/.markdown, .html/.htm and .pdf files (PDF needs pdftotext, from the poppler-utils package). \
            All or nothing: a file that cannot be read is named and the stored corpus is left as it was. Each chunk \
            is embedded with the model in EMBEDDING_MODEL_DIR (set it to off for lexical retrieval).
            """
    )

    @Option(help: "Directory of Markdown, HTML and PDF documents. Default: SEEDS_DIR/policies.")
    var policies: String?

    func run() async throws {
        let configuration = try CommandSupport.configuration()
        let directory = policies ?? configuration.seedsDirectory + "/policies"
        let embedder = try await CommandSupport.embedder(configuration)
        let report = try await CommandSupport.withStore(configuration) {
            try await PolicyIngestor.ingest(directory: directory, into: $0, embedder: embedder)
        }
        print("ingested \(report.documents) documents as \(report.chunks) chunks"
            + (report.embeddingModel.map { ", embedded with \($0)" } ?? " (lexical only: EMBEDDING_MODEL_DIR=off)"))
    }
}
