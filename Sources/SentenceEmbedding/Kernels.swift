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
    /// shifts it. Two passes (mean, then squared deviations), so no cancellation.
    static func layerNorm(
        rows: Int, _ data: UnsafeMutablePointer<Float>, weight: [Float], bias: [Float], epsilon: Float
    ) {
        let width = weight.count
        weight.withUnsafeBufferPointer { weight in
            bias.withUnsafeBufferPointer { bias in
                for row in 0..<rows {
                    let values = data + row * width
                    let mean = sum(values, count: width) / Float(width)
                    let variance = sumOfSquares(values, count: width, around: mean) / Float(width)
                    let inverse = 1 / (variance + epsilon).squareRoot()
                    for column in 0..<width {
                        values[column] = (values[column] - mean) * inverse * weight[column] + bias[column]
                    }
                }
            }
        }
    }

    // Reductions in explicit SIMD lanes: Swift does not reassociate floating-point sums, so a plain loop stays
    // scalar. Sixteen lanes also sum more accurately than one running total.
    private static func sum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD16<Float>()
        var index = 0
        while index + 16 <= count {
            lanes += UnsafeRawPointer(values + index).loadUnaligned(as: SIMD16<Float>.self)
            index += 16
        }
        var total = lanes.sum()
        while index < count {
            total += values[index]
            index += 1
        }
        return total
    }

    private static func sumOfSquares(_ values: UnsafePointer<Float>, count: Int, around mean: Float) -> Float {
        var lanes = SIMD16<Float>()
        var index = 0
        while index + 16 <= count {
            let centred = UnsafeRawPointer(values + index).loadUnaligned(as: SIMD16<Float>.self) - mean
            lanes += centred * centred
            index += 16
        }
        var total = lanes.sum()
        while index < count {
            total += (values[index] - mean) * (values[index] - mean)
            index += 1
        }
        return total
    }

    private static func maximum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD16<Float>(repeating: -.infinity)
        var index = 0
        while index + 16 <= count {
            let next = UnsafeRawPointer(values + index).loadUnaligned(as: SIMD16<Float>.self)
            // A compare and blend; the standard library's `pointwiseMax` compiled to a lane-by-lane loop here.
            lanes.replace(with: next, where: next .> lanes)
            index += 16
        }
        var result = lanes.max()
        while index < count {
            result = Swift.max(result, values[index])
            index += 1
        }
        return result
    }

    /// BERT's exact GELU, `x · Φ(x) = x/2 · (1 + erf(x/√2))`, not the tanh approximation.
    static func gelu(_ data: UnsafeMutablePointer<Float>, count: Int) {
        let inverseRootTwo: Float = 0.707_106_781_186_547_524
        for index in 0..<count {
            let x = data[index]
            data[index] = 0.5 * x * (1 + erf(x * inverseRootTwo))
        }
    }

    /// erf to within 4e-7 of the true value everywhere (`erff` is within about 6e-8), as a rational function the
    /// compiler can vectorise: glibc's `erff` is a call per element at about 18 ns, 6.5 ms for a 39-token message,
    /// nearly as much as its matrix products. `erf(z) ≈ z·P(z²)/Q(z²)` on [-4, 4]; beyond, erf is ±1 in `Float`, so
    /// z is clamped. The coefficients were fitted by `Tests/SentenceEmbeddingTests/Fixtures/fit_erf.py`.
    @inline(__always)
    static func erf(_ value: Float) -> Float {
        let z = value > 4 ? 4 : (value < -4 ? -4 : value)
        let w = z * z
        var p: Float = 1.966_839_668_909_87e-08
        p = p * w - 1.977_522_288_143_518_4e-06
        p = p * w + 0.000_148_221_035_487_949_85
        p = p * w + 0.003_965_436_946_600_676
        p = p * w + 0.051_385_417_580_604_55
        p = p * w + 0.206_109_151_244_163_5
        p = p * w + 1.128_378_868_103_027_3
        var q: Float = 0.001_020_432_682_707_905_8
        q = q * w + 0.014_880_281_873_047_352
        q = q * w + 0.117_551_498_115_062_71
        q = q * w + 0.515_988_647_937_774_7
        q = q * w + 1
        return z * p / q
    }

    /// Softmax over each row of `rows × width`, in place, after subtracting the row maximum (no overflow).
    static func softmax(rows: Int, width: Int, _ data: UnsafeMutablePointer<Float>) {
        for row in 0..<rows {
            let values = data + row * width
            let largest = maximum(values, count: width)
            for column in 0..<width { values[column] = expf(values[column] - largest) }
            let inverse = 1 / sum(values, count: width)
            for column in 0..<width { values[column] *= inverse }
        }
    }
}
