import Foundation
import SentenceEmbedding
import Testing

/// A missing or damaged model file must fail loading with an error that names the file, never crash or load a
/// model that would produce wrong vectors.
@Suite("SentenceEmbedding model loading")
struct ModelLoadingTests {
    @Test("a directory without the model names its first file and says to run script/bootstrap")
    func missingDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("no-model-\(UUID().uuidString)")
        let error = try loadingError(directory)
        #expect(error == .missingFile(path: directory.appendingPathComponent("config.json").path))
        #expect(error.description.contains("script/bootstrap"))
        #expect(error.description.contains("EMBEDDING_MODEL_DIR"))
    }

    @Test("each missing file is named", arguments: ["model.safetensors", "vocab.txt", "tokenizer.json",
                                                 "sentence_bert_config.json", "1_Pooling/config.json"])
    func missingFile(_ name: String) throws {
        let directory = try linkedCopy(replacing: name, with: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try loadingError(directory) == .missingFile(path: directory.appendingPathComponent(name).path))
    }

    @Test("a truncated model.safetensors is corrupt")
    func truncatedWeights() throws {
        let original = try Data(contentsOf: ReferenceModel.directory.appendingPathComponent("model.safetensors"))
        try expectCorrupt("model.safetensors", contents: original.prefix(1 << 20), reasonContains: "past the data")
    }

    @Test("garbage in model.safetensors is corrupt", arguments: [
        (Data([1, 2, 3]), "8-byte"),
        (Data(repeating: 0xFF, count: 64), "header length"),
        (Data([5, 0, 0, 0, 0, 0, 0, 0]) + Data("hello".utf8), "not a JSON object"),
        (Data([2, 0, 0, 0, 0, 0, 0, 0]) + Data("{}".utf8), "tensor embeddings.word_embeddings.weight is missing"),
    ])
    func garbageWeights(_ contents: Data, _ reason: String) throws {
        try expectCorrupt("model.safetensors", contents: contents, reasonContains: reason)
    }

    @Test("a tensor of the wrong shape or type is corrupt")
    func wrongShape() throws {
        let header = #"{"embeddings.word_embeddings.weight":{"dtype":"F16","shape":[30522,384],"data_offsets":[0,4]}}"#
        try expectCorrupt("model.safetensors", contents: Self.safetensors(header: header, dataBytes: 4),
                          reasonContains: "is F16, expected F32")
        let shaped = #"{"embeddings.word_embeddings.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}"#
        try expectCorrupt("model.safetensors", contents: Self.safetensors(header: shaped, dataBytes: 16),
                          reasonContains: "expected [30522, 384]")
    }

    @Test("malformed or inconsistent configuration and vocabulary files are corrupt")
    func corruptSideFiles() throws {
        try expectCorrupt("config.json", contents: Data("{".utf8), reasonContains: "JSON")
        try expectCorrupt("tokenizer.json", contents: Data("[]".utf8), reasonContains: "JSON")
        try expectCorrupt("vocab.txt", contents: Data("[PAD]\n[UNK]\n".utf8), reasonContains: "2 tokens")
        try expectCorrupt("vocab.txt", contents: Data("[PAD]\n\n[UNK]\n".utf8), reasonContains: "line 2")
    }

    @Test("CLS pooling is refused rather than mean-pooled")
    func unsupportedPooling() throws {
        let pooling = Data(#"""
            {"word_embedding_dimension": 384, "pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false,
             "pooling_mode_max_tokens": false}
            """#.utf8)
        let directory = try linkedCopy(replacing: "1_Pooling/config.json", with: pooling)
        defer { try? FileManager.default.removeItem(at: directory) }
        guard case .unsupportedModel(let path, _) = try loadingError(directory) else {
            Issue.record("expected unsupportedModel")
            return
        }
        #expect(path.hasSuffix("1_Pooling/config.json"))
    }

    // MARK: - Helpers

    private func expectCorrupt(_ name: String, contents: Data, reasonContains fragment: String) throws {
        let directory = try linkedCopy(replacing: name, with: contents)
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = try loadingError(directory)
        guard case .corruptFile(let path, let reason) = error else {
            Issue.record("expected corruptFile for \(name), got \(error)")
            return
        }
        #expect(path == directory.appendingPathComponent(name).path)
        #expect(reason.contains(fragment), "\(reason)")
    }

    private func loadingError(_ directory: URL) throws -> SentenceEmbeddingError {
        do {
            _ = try SentenceEmbedder(directory: directory)
        } catch let error as SentenceEmbeddingError {
            return error
        }
        Issue.record("loading \(directory.path) succeeded")
        throw CancellationError()
    }

    /// The real model directory rebuilt from symbolic links, with `name` removed (`nil`) or replaced, so a broken
    /// file costs no 90 MB copy. Fails with the bootstrap hint when the model itself is missing.
    private func linkedCopy(replacing name: String, with contents: Data?) throws -> URL {
        _ = try ReferenceModel.embedder()
        let source = ReferenceModel.directory
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString)")
        let files = ["config.json", "model.safetensors", "vocab.txt", "tokenizer.json", "sentence_bert_config.json",
                     "1_Pooling/config.json"]
        try FileManager.default.createDirectory(
            at: copy.appendingPathComponent("1_Pooling"), withIntermediateDirectories: true)
        for file in files where file != name {
            try FileManager.default.createSymbolicLink(
                at: copy.appendingPathComponent(file), withDestinationURL: source.appendingPathComponent(file))
        }
        if let contents { try contents.write(to: copy.appendingPathComponent(name)) }
        return copy
    }

    private static func safetensors(header: String, dataBytes: Int) -> Data {
        let json = Data(header.utf8)
        var length = UInt64(json.count).littleEndian
        return Data(bytes: &length, count: 8) + json + Data(count: dataBytes)
    }
}
