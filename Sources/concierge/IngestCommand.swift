import ArgumentParser
import ConciergeApp
import Foundation

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Chunk a directory of Markdown policies and FAQs into the configured store (replacing the old corpus)."
    )

    @Option(help: "Directory of Markdown documents. Default: SEEDS_DIR/policies.")
    var policies: String?

    func run() async throws {
        let configuration = try CommandSupport.configuration()
        let directory = policies ?? configuration.seedsDirectory + "/policies"
        let report = try await CommandSupport.withStore(configuration) {
            try await PolicyIngestor.ingest(directory: directory, into: $0)
        }
        print("ingested \(report.documents) documents as \(report.chunks) chunks")
    }
}
