import ConciergeApp
import ConciergeCore
import Foundation
import Retrieval
import SQLiteStore
import Synchronization
import Testing
import TestSupport

/// Ingest embeds every chunk with the configured model, or writes nothing at all.
@Suite("Policy ingest with embeddings")
struct PolicyIngestorTests {
    static let policies = RepositoryPaths.seeds.appendingPathComponent("policies").path

    private func freshStore() throws -> SQLiteConciergeStore {
        try SQLiteConciergeStore(path: RepositoryPaths.temporaryDirectory("ingest").appendingPathComponent("s.sqlite").path)
    }

    @Test func everyChunkIsStoredWithItsVectorAndTheModelName() async throws {
        let store = try freshStore()
        let embedder = CountingEmbedder()
        let report = try await PolicyIngestor.ingest(directory: Self.policies, into: store, embedder: embedder)
        let chunks = try await store.policyChunks()
        #expect(report.embeddingModel == "counting-8" && report.chunks == chunks.count && chunks.count > 20)
        #expect(chunks.allSatisfy { $0.embedding?.model == "counting-8" && $0.embedding?.vector.count == 8 })
        #expect(embedder.texts.count == chunks.count, "each chunk embedded once")
        let first = try #require(chunks.first)
        #expect(embedder.texts.contains(PolicyIngestor.embeddingText(first)))
        #expect(PolicyIngestor.embeddingText(first).hasPrefix(first.headingPath.joined(separator: " > ")))
        try await store.close()
    }

    @Test func anEmbedderThatFailsHalfWayLeavesTheOldCorpus() async throws {
        let store = try freshStore()
        let old = [Fixtures.chunk("old", 0, text: "the old corpus")]
        try await store.replacePolicyChunks(old)
        await #expect(throws: CountingEmbedder.Down.self) {
            try await PolicyIngestor.ingest(directory: Self.policies, into: store, embedder: CountingEmbedder(failAfter: 1))
        }
        #expect(try await store.policyChunks() == old, "no half-embedded corpus is written")
        try await store.close()
    }

    @Test func withoutAnEmbedderChunksAreLexicalOnly() async throws {
        let store = try freshStore()
        let report = try await PolicyIngestor.ingest(directory: Self.policies, into: store)
        #expect(report.embeddingModel == nil)
        #expect(try await store.policyChunks().allSatisfy { $0.embedding == nil })
        try await store.close()
    }
}

/// A tiny deterministic embedder (byte histogram, normalised) that records what it was asked and can fail after
/// `failAfter` calls.
final class CountingEmbedder: Embedder {
    struct Down: Error {}
    let dimensions = 8
    let modelID = "counting-8"
    private let failAfter: Int?
    private let seen = Mutex<(calls: Int, texts: [String])>((0, []))

    init(failAfter: Int? = nil) { self.failAfter = failAfter }

    var texts: [String] { seen.withLock { $0.texts } }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        let calls = seen.withLock { state in
            state.calls += 1
            state.texts += texts
            return state.calls
        }
        if let failAfter, calls > failAfter { throw Down() }
        return texts.map { text in
            var vector = [Float](repeating: 0, count: 8)
            for byte in text.utf8 { vector[Int(byte) % 8] += 1 }
            let norm = max(1e-6, vector.reduce(0) { $0 + $1 * $1 }.squareRoot())
            return vector.map { $0 / norm }
        }
    }
}
