import CBLAS
import Foundation

/// The numeric building blocks of the forward pass. Matrices are row-major `Float` buffers; a weight matrix is
/// stored as PyTorch's `Linear` keeps it, `[out, in]`, so a layer computes `x · Wᵀ`.
enum Kernels {
    /// `c[m×n] = alpha · a[m×k] · b[n×k]ᵀ + beta · c`, with leading dimensions for working on column slices (the
    /// per-head blocks of the fused query/key/value matrix). The only call into OpenBLAS besides the thread count.
    static func multiplyTransposed(
        m: Int, n: Int, k: Int, alpha: Float = 1,
        _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
        beta: Float, _ c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b,
            Int32(ldb), beta, c, Int32(ldc))
    }

    /// `c[m×n] = a[m×k] · b[k×n] + beta · c` (attention probabilities times values).
    static func multiply(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
        beta: Float, _ c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb),
            beta, c, Int32(ldc))
    }

    /// A dense layer: `output[rows×out] = input[rows×in] · weightᵀ + bias (+ output, when accumulating a residual
    /// that is already in `output`)`.
    static func linear(
        rows: Int, input: UnsafePointer<Float>, inputSize: Int, weight: [Float], bias: [Float],
        output: UnsafeMutablePointer<Float>, addingToOutput: Bool = false
    ) {
        let outputSize = bias.count
        bias.withUnsafeBufferPointer { bias in
            for row in 0..<rows {
                let destination = output + row * outputSize
                if addingToOutput {
                    for column in 0..<outputSize { destination[column] += bias[column] }
                } else {
                    destination.update(from: bias.baseAddress!, count: outputSize)
                }
            }
        }
        weight.withUnsafeBufferPointer { weight in
            multiplyTransposed(
                m: rows, n: outputSize, k: inputSize, input, lda: inputSize, weight.baseAddress!, ldb: inputSize,
                beta: 1, output, ldc: outputSize)
        }
    }

    /// Normalises each row to zero mean and unit variance (biased, as PyTorch's `LayerNorm`), then scales and
    /// shifts it. Sums are taken in `Double`: cheap at this width and one less source of drift from the reference.
    static func layerNorm(
        rows: Int, _ data: UnsafeMutablePointer<Float>, weight: [Float], bias: [Float], epsilon: Float
    ) {
        let width = weight.count
        weight.withUnsafeBufferPointer { weight in
            bias.withUnsafeBufferPointer { bias in
                for row in 0..<rows {
                    let values = data + row * width
                    var sum = 0.0
                    for column in 0..<width { sum += Double(values[column]) }
                    let mean = sum / Double(width)
                    var squares = 0.0
                    for column in 0..<width {
                        let centred = Double(values[column]) - mean
                        squares += centred * centred
                    }
                    let inverse = 1 / (squares / Double(width) + Double(epsilon)).squareRoot()
                    for column in 0..<width {
                        let normalised = Float((Double(values[column]) - mean) * inverse)
                        values[column] = normalised * weight[column] + bias[column]
                    }
                }
            }
        }
    }

    /// BERT's exact GELU, `x · Φ(x) = x/2 · (1 + erf(x/√2))` (not the tanh approximation).
    static func gelu(_ data: UnsafeMutablePointer<Float>, count: Int) {
        let inverseRootTwo: Float = 0.707_106_781_186_547_524
        for index in 0..<count {
            let x = data[index]
            data[index] = 0.5 * x * (1 + erff(x * inverseRootTwo))
        }
    }

    /// Softmax over each row of `rows × width`, in place, after subtracting the row maximum (no overflow).
    static func softmax(rows: Int, width: Int, _ data: UnsafeMutablePointer<Float>) {
        for row in 0..<rows {
            let values = data + row * width
            var maximum = -Float.infinity
            for column in 0..<width { maximum = max(maximum, values[column]) }
            var sum: Float = 0
            for column in 0..<width {
                let e = expf(values[column] - maximum)
                values[column] = e
                sum += e
            }
            let inverse = 1 / sum
            for column in 0..<width { values[column] *= inverse }
        }
    }
}
