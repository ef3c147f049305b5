import Foundation
import SentenceEmbedding
import Testing

/// The real model and the reference fixture, shared by the suites (loading the model once per test process).
///
/// The model is not in git: `script/bootstrap` unpacks it into `.models/all-MiniLM-L6-v2` (CI runs bootstrap before
/// the tests), or `EMBEDDING_MODEL_DIR` points at a copy. When it is absent these tests fail, never skip: a
/// silent skip would let CI pass without ever comparing a vector.
enum ReferenceModel {
    /// The repository root, found from this file (this target does not link TestSupport, which pulls in the app).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var directory: URL {
        if let path = ProcessInfo.processInfo.environment[SentenceEmbedder.environmentKey], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.appendingPathComponent(SentenceEmbedder.defaultDirectory)
    }

    /// Thrown (so the test fails with it) when the model cannot be loaded; the underlying error names the file and
    /// says to run script/bootstrap.
    struct Unavailable: Error, CustomStringConvertible {
        var underlying: String
        var description: String { "The embedding model at \(directory.path) is not available: \(underlying)" }
    }

    private static let loaded: Result<SentenceEmbedder, Unavailable> = Result {
        try SentenceEmbedder(directory: directory, cacheCapacity: 64)
    }.mapError { Unavailable(underlying: "\($0)") }

    /// The shared embedder, or the error that fails the calling test.
    static func embedder() throws -> SentenceEmbedder {
        try loaded.get()
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        precondition(a.count == b.count)
        var dot = 0.0
        var normA = 0.0
        var normB = 0.0
        for index in a.indices {
            dot += Double(a[index]) * Double(b[index])
            normA += Double(a[index]) * Double(a[index])
            normB += Double(b[index]) * Double(b[index])
        }
        return dot / max((normA * normB).squareRoot(), 1e-30)
    }
}

/// `Fixtures/reference.json`, written once by `Fixtures/make_reference.py` with sentence-transformers.
struct ReferenceFixture: Decodable {
    struct Sentence: Decodable {
        var text: String
        var tokenIDs: [Int]
        var embedding: [Float]

        enum CodingKeys: String, CodingKey {
            case text
            case tokenIDs = "token_ids"
            case embedding
        }
    }

    var model: String
    var maxSeqLength: Int
    var sentences: [Sentence]

    enum CodingKeys: String, CodingKey {
        case model
        case maxSeqLength = "max_seq_length"
        case sentences
    }

    private static let loaded = Result {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference.json")
        return try JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
    }

    static func load() throws -> ReferenceFixture {
        try loaded.get()
    }
}
