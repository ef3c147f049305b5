import Foundation

/// The BERT forward pass, mean pooling and L2 normalisation: token ids in, one unit vector per text out.
///
/// Several texts run as one *packed* batch: their tokens are stacked into one `[tokens × hidden]` matrix with no
/// padding, so the dense layers (nearly all the work) are single large matrix products, while attention runs per
/// text over that text's own rows. This is what the reference computes with padding plus an attention mask — a
/// padded key gets weight exp(-huge) = 0 there — without spending any arithmetic on padding.
struct BertEncoder: Sendable {
    let configuration: ModelConfiguration
    let weights: BertWeights

    /// One normalised vector per id sequence. Each sequence must start with `[CLS]`, end with `[SEP]` and be no
    /// longer than `configuration.maxSequenceLength`.
    func embed(_ sequences: [[Int32]]) -> [[Float]] {
        let hidden = configuration.hiddenSize
        let offsets = sequences.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let tokens = offsets.last!
        guard tokens > 0 else { return sequences.map { _ in [Float](repeating: 0, count: hidden) } }
        // The dense layers run on a multiple of 4 rows, the extra ones zero: OpenBLAS's kernels are markedly
        // slower on a ragged row count (39 rows took 8.0 ms where 40 took 7.2). Attention and pooling never read
        // the extra rows, so they change nothing.
        let rows = (tokens + 3) / 4 * 4

        var state = [Float](repeating: 0, count: rows * hidden)
        var scratch = Scratch(rows: rows, configuration: configuration, longest: sequences.map(\.count).max()!)
        state.withUnsafeMutableBufferPointer { state in
            embedTokens(sequences, into: state.baseAddress!)
            for layer in weights.layers {
                run(layer, on: state.baseAddress!, rows: rows, offsets: offsets, scratch: &scratch)
            }
        }
        return (0..<sequences.count).map { meanPooledUnitVector(state, rows: offsets[$0]..<offsets[$0 + 1]) }
    }

    /// Word + position + segment-0 embeddings, then LayerNorm.
    private func embedTokens(_ sequences: [[Int32]], into output: UnsafeMutablePointer<Float>) {
        let hidden = configuration.hiddenSize
        var row = 0
        for sequence in sequences {
            for (position, id) in sequence.enumerated() {
                let destination = output + row * hidden
                let word = Int(id) * hidden
                let place = position * hidden
                for column in 0..<hidden {
                    destination[column] = weights.wordEmbeddings[word + column]
                        + weights.positionEmbeddings[place + column] + weights.tokenTypeEmbedding[column]
                }
                row += 1
            }
        }
        Kernels.layerNorm(
            rows: row, output, weight: weights.embeddingNormWeight, bias: weights.embeddingNormBias,
            epsilon: configuration.layerNormEpsilon)
    }

    /// One encoder layer, updating `state` in place.
    private func run(
        _ layer: BertWeights.Layer, on state: UnsafeMutablePointer<Float>, rows: Int, offsets: [Int],
        scratch: inout Scratch
    ) {
        let c = configuration
        let epsilon = c.layerNormEpsilon
        scratch.withBuffers { qkv, context, attended, intermediate, scores in
            Kernels.linear(
                rows: rows, input: state, inputSize: c.hiddenSize, weight: layer.queryKeyValue,
                bias: layer.queryKeyValueBias, output: qkv)
            for index in 0..<(offsets.count - 1) {
                attend(qkv: qkv, rows: offsets[index]..<offsets[index + 1], context: context, scores: scores)
            }
            // attended = LayerNorm(state + context · Woᵀ + bo)
            attended.update(from: state, count: rows * c.hiddenSize)
            Kernels.linear(
                rows: rows, input: context, inputSize: c.hiddenSize, weight: layer.attentionOutput,
                bias: layer.attentionOutputBias, output: attended, addingToOutput: true)
            Kernels.layerNorm(
                rows: rows, attended, weight: layer.attentionNormWeight, bias: layer.attentionNormBias,
                epsilon: epsilon)
            // state = LayerNorm(attended + GELU(attended · Wiᵀ + bi) · Wuᵀ + bu)
            Kernels.linear(
                rows: rows, input: attended, inputSize: c.hiddenSize, weight: layer.intermediate,
                bias: layer.intermediateBias, output: intermediate)
            Kernels.gelu(intermediate, count: rows * c.intermediateSize)
            state.update(from: attended, count: rows * c.hiddenSize)
            Kernels.linear(
                rows: rows, input: intermediate, inputSize: c.intermediateSize, weight: layer.output,
                bias: layer.outputBias, output: state, addingToOutput: true)
            Kernels.layerNorm(
                rows: rows, state, weight: layer.outputNormWeight, bias: layer.outputNormBias, epsilon: epsilon)
        }
    }

    /// Scaled dot-product attention of one text, head by head: softmax(Q·Kᵀ/√d)·V into that text's context rows.
    private func attend(
        qkv: UnsafeMutablePointer<Float>, rows: Range<Int>, context: UnsafeMutablePointer<Float>,
        scores: UnsafeMutablePointer<Float>
    ) {
        let hidden = configuration.hiddenSize
        let headSize = configuration.headSize
        let stride = 3 * hidden
        let count = rows.count
        let scale = 1 / Float(headSize).squareRoot()
        for head in 0..<configuration.headCount {
            let query = qkv + rows.lowerBound * stride + head * headSize
            let key = query + hidden
            let value = query + 2 * hidden
            Kernels.multiplyTransposed(
                m: count, n: count, k: headSize, alpha: scale, query, lda: stride, key, ldb: stride, beta: 0,
                scores, ldc: count)
            Kernels.softmax(rows: count, width: count, scores)
            Kernels.multiply(
                m: count, n: headSize, k: count, scores, lda: count, value, ldb: stride, beta: 0,
                context + rows.lowerBound * hidden + head * headSize, ldc: hidden)
        }
    }

    /// The mean of a text's token vectors (`[CLS]` and `[SEP]` included, as the attention mask has them), scaled
    /// to unit length (sentence-transformers' `Normalize`, which divides by max(‖v‖, 1e-12)).
    private func meanPooledUnitVector(_ state: [Float], rows: Range<Int>) -> [Float] {
        let hidden = configuration.hiddenSize
        var sums = [Double](repeating: 0, count: hidden)
        for row in rows {
            for column in 0..<hidden { sums[column] += Double(state[row * hidden + column]) }
        }
        let mean = sums.map { $0 / Double(rows.count) }
        let length = max(mean.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
        return mean.map { Float($0 / length) }
    }
}

/// Working memory for one forward pass, sized for its row count and reused by every layer.
private struct Scratch {
    var qkv: [Float]
    var context: [Float]
    var attended: [Float]
    var intermediate: [Float]
    var scores: [Float]

    init(rows: Int, configuration: ModelConfiguration, longest: Int) {
        qkv = [Float](repeating: 0, count: rows * 3 * configuration.hiddenSize)
        context = [Float](repeating: 0, count: rows * configuration.hiddenSize)
        attended = [Float](repeating: 0, count: rows * configuration.hiddenSize)
        intermediate = [Float](repeating: 0, count: rows * configuration.intermediateSize)
        scores = [Float](repeating: 0, count: longest * longest)
    }

    typealias Buffer = UnsafeMutablePointer<Float>

    mutating func withBuffers(_ body: (Buffer, Buffer, Buffer, Buffer, Buffer) -> Void) {
        qkv.withUnsafeMutableBufferPointer { qkv in
            context.withUnsafeMutableBufferPointer { context in
                attended.withUnsafeMutableBufferPointer { attended in
                    intermediate.withUnsafeMutableBufferPointer { intermediate in
                        scores.withUnsafeMutableBufferPointer { scores in
                            body(qkv.baseAddress!, context.baseAddress!, attended.baseAddress!,
                                 intermediate.baseAddress!, scores.baseAddress!)
                        }
                    }
                }
            }
        }
    }
}
