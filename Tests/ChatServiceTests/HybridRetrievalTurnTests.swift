import ConciergeApp
import ConciergeCore
import Foundation
import SentenceEmbedding
import Synchronization
import Testing
import TestSupport

/// A turn with the real embedding model: the message is embedded once, on this machine, and the dense half finds
/// the section by meaning; when the model fails mid-run the turn still answers and the trace says it was lexical.
@Suite("Chat turn with hybrid retrieval (the real model)")
struct HybridRetrievalTurnTests {
    static func model() async throws -> SentenceEmbedder {
        let directory = RepositoryPaths.root.appendingPathComponent(SentenceEmbedder.defaultDirectory)
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.safetensors").path) else {
            Issue.record("no embedding model in \(directory.path): run script/bootstrap")
            throw CancellationError()
        }
        return try await SentenceEmbedder.load(from: directory)
    }

    @Test func aParaphraseFindsTheRefundSectionsAndTheMessageIsEmbeddedOnce() async throws {
        let recording = RecordingEmbedder(try await Self.model())
        let world = try await ChatWorld.make(embedder: .loaded(recording))
        recording.reset()  // forget the ingest
        let turn = try await world.ask("ava@example.com", "can I get my money back if I changed my mind?")
        let trace = try #require(turn.reply.trace)
        #expect(recording.texts == ["can I get my money back if I changed my mind?"])
        #expect(trace.chunks?.first?.source.hasPrefix("returns-and-refunds") == true, "\(trace.chunks ?? [])")
        #expect(!(trace.notes.contains { $0.contains("lexical only") }))
        try await world.close()
    }

    @Test func aModelFailingMidRunLeavesTheTurnLexicalAndTheTraceSaysSo() async throws {
        let recording = RecordingEmbedder(try await Self.model())
        let world = try await ChatWorld.make(embedder: .loaded(recording))
        recording.failFromNow()
        let turn = try await world.ask("ava@example.com", "how long does a refund take?")
        #expect(turn.source != .quota && !turn.reply.text.isEmpty)
        #expect(turn.reply.trace?.notes.contains("the embedding model failed: policy retrieval was lexical only") == true)
        #expect(turn.reply.trace?.chunks?.isEmpty == false, "lexical retrieval still found sections")
        try await world.close()
    }
}

/// Forwards to a real embedder, records the texts, and can be told to fail.
final class RecordingEmbedder: Embedder {
    struct Down: Error {}
    let inner: any Embedder
    private let state = Mutex<(texts: [String], failing: Bool)>(([], false))

    init(_ inner: any Embedder) { self.inner = inner }

    var dimensions: Int { inner.dimensions }
    var modelID: String { inner.modelID }
    var texts: [String] { state.withLock { $0.texts } }
    func reset() { state.withLock { $0.texts = [] } }
    func failFromNow() { state.withLock { $0.failing = true } }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        let failing = state.withLock { state in
            state.texts += texts
            return state.failing
        }
        if failing { throw Down() }
        return try await inner.embed(texts)
    }
}
