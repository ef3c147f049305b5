import Foundation

/// The shape of the network and the sentence-transformers settings around it, read from the model directory's
/// JSON files. Anything this implementation does not run (another activation, pooling, position scheme) is refused
/// at load rather than producing vectors that merely look right.
struct ModelConfiguration: Equatable {
    var vocabularySize: Int
    var hiddenSize: Int
    var layerCount: Int
    var headCount: Int
    var intermediateSize: Int
    var maxPositions: Int
    var typeVocabularySize: Int
    var layerNormEpsilon: Float
    /// Tokens per text including `[CLS]` and `[SEP]` (sentence-transformers' `max_seq_length`).
    var maxSequenceLength: Int

    var headSize: Int { hiddenSize / headCount }

    /// `config.json` (Hugging Face BERT), `sentence_bert_config.json` and `1_Pooling/config.json`.
    static func load(from directory: URL) throws -> ModelConfiguration {
        let bertFile = directory.appendingPathComponent("config.json")
        let bert = try ModelFile.decode(BertJSON.self, from: bertFile)
        let sentence = try ModelFile.decode(
            SentenceJSON.self, from: directory.appendingPathComponent("sentence_bert_config.json"))
        let poolingFile = directory.appendingPathComponent("1_Pooling/config.json")
        let pooling = try ModelFile.decode(PoolingJSON.self, from: poolingFile)

        guard bert.hiddenAct == "gelu" else {
            throw SentenceEmbeddingError.unsupportedModel(path: bertFile.path, reason: "activation \(bert.hiddenAct)")
        }
        guard (bert.positionEmbeddingType ?? "absolute") == "absolute" else {
            throw SentenceEmbeddingError.unsupportedModel(path: bertFile.path, reason: "relative position embeddings")
        }
        guard pooling.poolingModeMeanTokens, !pooling.poolingModeClsToken, !pooling.poolingModeMaxTokens,
            !(pooling.poolingModeMeanSqrtLenTokens ?? false)
        else {
            throw SentenceEmbeddingError.unsupportedModel(path: poolingFile.path, reason: "only mean pooling is run")
        }
        let configuration = ModelConfiguration(
            vocabularySize: bert.vocabSize, hiddenSize: bert.hiddenSize, layerCount: bert.numHiddenLayers,
            headCount: bert.numAttentionHeads, intermediateSize: bert.intermediateSize,
            maxPositions: bert.maxPositionEmbeddings, typeVocabularySize: bert.typeVocabSize,
            layerNormEpsilon: bert.layerNormEps,
            maxSequenceLength: min(sentence.maxSeqLength, bert.maxPositionEmbeddings))
        guard configuration.isConsistent, pooling.wordEmbeddingDimension == bert.hiddenSize else {
            throw SentenceEmbeddingError.corruptFile(path: bertFile.path, reason: "inconsistent dimensions")
        }
        return configuration
    }

    private var isConsistent: Bool {
        let positive = [vocabularySize, hiddenSize, layerCount, headCount, intermediateSize, maxPositions,
                        typeVocabularySize].allSatisfy { $0 > 0 && $0 <= 1 << 20 }
        return positive && hiddenSize % headCount == 0 && maxSequenceLength >= 2 && layerNormEpsilon > 0
    }

    // The files' snake_case keys, decoded with `.convertFromSnakeCase`.
    private struct BertJSON: Decodable {
        var vocabSize: Int
        var hiddenSize: Int
        var numHiddenLayers: Int
        var numAttentionHeads: Int
        var intermediateSize: Int
        var maxPositionEmbeddings: Int
        var typeVocabSize: Int
        var layerNormEps: Float
        var hiddenAct: String
        var positionEmbeddingType: String?
    }

    private struct SentenceJSON: Decodable {
        var maxSeqLength: Int
    }

    private struct PoolingJSON: Decodable {
        var wordEmbeddingDimension: Int
        var poolingModeClsToken: Bool
        var poolingModeMeanTokens: Bool
        var poolingModeMaxTokens: Bool
        var poolingModeMeanSqrtLenTokens: Bool?
    }
}

/// Reading one file of the model directory, with errors that name it.
enum ModelFile {
    static func read(_ url: URL) throws -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SentenceEmbeddingError.missingFile(path: url.path)
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw SentenceEmbeddingError.corruptFile(path: url.path, reason: "cannot be read")
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from url: URL) throws -> Value {
        let data = try read(url)
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(type, from: data)
        } catch {
            throw SentenceEmbeddingError.corruptFile(path: url.path, reason: "not the expected JSON")
        }
    }
}
