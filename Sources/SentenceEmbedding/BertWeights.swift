import Foundation

/// Every parameter of the BERT encoder, copied out of `model.safetensors` with its shape checked against
/// `config.json`. The pooler (`pooler.dense`) is not loaded: sentence-transformers mean-pools the last hidden
/// states and never uses it.
struct BertWeights: Sendable {
    struct Layer: Sendable {
        /// Query, key and value weights stacked into one `[3·hidden, hidden]` matrix, so one matrix product
        /// computes all three.
        var queryKeyValue: [Float]
        var queryKeyValueBias: [Float]
        var attentionOutput: [Float]
        var attentionOutputBias: [Float]
        var attentionNormWeight: [Float]
        var attentionNormBias: [Float]
        var intermediate: [Float]
        var intermediateBias: [Float]
        var output: [Float]
        var outputBias: [Float]
        var outputNormWeight: [Float]
        var outputNormBias: [Float]
    }

    var wordEmbeddings: [Float]
    var positionEmbeddings: [Float]
    /// Row 0 only: a single text is always segment 0.
    var tokenTypeEmbedding: [Float]
    var embeddingNormWeight: [Float]
    var embeddingNormBias: [Float]
    var layers: [Layer]

    init(file: SafeTensors, configuration c: ModelConfiguration) throws {
        // Checkpoints saved from `BertForMaskedLM` and friends prefix every name with "bert.".
        let prefix = file.entries["bert.embeddings.word_embeddings.weight"] == nil ? "" : "bert."
        func tensor(_ name: String, _ shape: [Int]) throws -> [Float] {
            try file.floats(prefix + name, shape: shape)
        }
        let hidden = c.hiddenSize
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [c.vocabularySize, hidden])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [c.maxPositions, hidden])
        tokenTypeEmbedding = Array(
            try tensor("embeddings.token_type_embeddings.weight", [c.typeVocabularySize, hidden]).prefix(hidden))
        embeddingNormWeight = try tensor("embeddings.LayerNorm.weight", [hidden])
        embeddingNormBias = try tensor("embeddings.LayerNorm.bias", [hidden])
        layers = try (0..<c.layerCount).map { index in
            let layer = "encoder.layer.\(index)."
            let attention = layer + "attention."
            return Layer(
                queryKeyValue: try ["query", "key", "value"].flatMap {
                    try tensor(attention + "self.\($0).weight", [hidden, hidden])
                },
                queryKeyValueBias: try ["query", "key", "value"].flatMap {
                    try tensor(attention + "self.\($0).bias", [hidden])
                },
                attentionOutput: try tensor(attention + "output.dense.weight", [hidden, hidden]),
                attentionOutputBias: try tensor(attention + "output.dense.bias", [hidden]),
                attentionNormWeight: try tensor(attention + "output.LayerNorm.weight", [hidden]),
                attentionNormBias: try tensor(attention + "output.LayerNorm.bias", [hidden]),
                intermediate: try tensor(layer + "intermediate.dense.weight", [c.intermediateSize, hidden]),
                intermediateBias: try tensor(layer + "intermediate.dense.bias", [c.intermediateSize]),
                output: try tensor(layer + "output.dense.weight", [hidden, c.intermediateSize]),
                outputBias: try tensor(layer + "output.dense.bias", [hidden]),
                outputNormWeight: try tensor(layer + "output.LayerNorm.weight", [hidden]),
                outputNormBias: try tensor(layer + "output.LayerNorm.bias", [hidden]))
        }
        try Self.checkFinite(self, path: file.path)
    }

    /// A NaN or infinity in the weights would turn every vector into NaNs; say so at load instead.
    private static func checkFinite(_ weights: BertWeights, path: String) throws {
        var tensors = [weights.wordEmbeddings, weights.positionEmbeddings, weights.tokenTypeEmbedding]
        for layer in weights.layers {
            tensors += [layer.queryKeyValue, layer.attentionOutput, layer.intermediate, layer.output]
        }
        for tensor in tensors where !tensor.allSatisfy(\.isFinite) {
            throw SentenceEmbeddingError.corruptFile(path: path, reason: "weights hold NaN or infinity")
        }
    }
}
