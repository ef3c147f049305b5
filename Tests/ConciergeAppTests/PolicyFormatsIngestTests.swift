import ConciergeApp
import Foundation
import Retrieval
import RetrievalFiles
import SQLiteStore
import TestSupport
import Testing

@Suite("Policy ingest: Markdown, HTML and PDF")
struct PolicyFormatsIngestTests {
    private static let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/RetrievalFilesTests/Fixtures")

    private func policies(_ files: [String: Data]) throws -> URL {
        let directory = try RepositoryPaths.temporaryDirectory("policies")
        for (name, contents) in files { try contents.write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    private func store() throws -> SQLiteConciergeStore {
        try SQLiteConciergeStore(
            path: RepositoryPaths.temporaryDirectory("ingest").appendingPathComponent("s.sqlite").path)
    }

    @Test("Markdown, HTML and PDF documents replace the stored corpus")
    func mixedFormats() async throws {
        let directory = try policies([
            "gift-cards.md": Data("# Gift cards\n\nGift cards expire after two years.\n".utf8),
            "returns-policy.pdf": try Data(contentsOf: Self.fixtures.appendingPathComponent("returns-policy.pdf")),
            "delivery.html": try Data(
                contentsOf: Self.fixtures.appendingPathComponent("delivery-and-collection.html")),
        ])
        let store = try store()
        try await store.replacePolicyChunks([Fixtures.chunk("old", 0, text: "old")])
        let report = try await PolicyIngestor.ingest(directory: directory.path, into: store)
        let stored = try await store.policyChunks()
        #expect(report.documents == 3)
        #expect(Set(stored.map(\.document)) == ["delivery", "gift-cards", "returns-policy"])
        #expect(stored.contains { $0.headingPath == ["Returns and refunds", "Refunds", "Store credit"] })
        try await store.close()
    }

    @Test("one file that fails leaves the stored corpus as it was, and the error names the file")
    func allOrNothing() async throws {
        let directory = try policies([
            "gift-cards.md": Data("# Gift cards\n\nGift cards expire after two years.\n".utf8),
            "returns-policy.pdf": Data("%PDF-1.7 truncated".utf8),
        ])
        let store = try store()
        let old = [Fixtures.chunk("old", 0, text: "old")]
        try await store.replacePolicyChunks(old)
        let error = await #expect(throws: PolicyDirectory.LoadError.self) {
            try await PolicyIngestor.ingest(directory: directory.path, into: store)
        }
        #expect(error?.path.hasSuffix("/returns-policy.pdf") == true)
        #expect(try await store.policyChunks() == old)

        let missingTool = PopplerPDFReader(executable: URL(fileURLWithPath: "/nonexistent/pdftotext"))
        let toolError = await #expect(throws: PolicyDirectory.LoadError.self) {
            try await PolicyIngestor.ingest(directory: directory.path, into: store, pdfReader: missingTool)
        }
        #expect(toolError?.description.contains("poppler-utils") == true)
        #expect(try await store.policyChunks() == old)
        try await store.close()
    }
}
