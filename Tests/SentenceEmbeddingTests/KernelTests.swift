import Foundation
import Testing

@testable import SentenceEmbedding

/// The numeric pieces written here rather than taken from OpenBLAS, against plain Double arithmetic.
@Suite("SentenceEmbedding kernels")
struct KernelTests {
    @Test("the rational erf is within 4e-7 of erf everywhere")
    func erfMatchesLibm() {
        var worst = 0.0
        for step in -60_000...60_000 {
            let x = Float(step) / 10_000
            worst = max(worst, abs(Double(Kernels.erf(x)) - Foundation.erf(Double(x))))
        }
        #expect(worst < 4e-7, "worst error \(worst)")
        // Clamped beyond ±4, so huge and infinite inputs stay finite and within the same error of ±1.
        #expect(abs(Kernels.erf(.greatestFiniteMagnitude) - 1) < 4e-7)
        #expect(abs(Kernels.erf(-.infinity) + 1) < 4e-7)
    }

    @Test("GELU is x·Φ(x)")
    func geluMatchesDefinition() {
        var values = (-800...800).map { Float($0) / 100 }
        let inputs = values
        values.withUnsafeMutableBufferPointer { Kernels.gelu($0.baseAddress!, count: $0.count) }
        for (x, y) in zip(inputs, values) {
            let exact = 0.5 * Double(x) * (1 + Foundation.erf(Double(x) / 2.0.squareRoot()))
            #expect(abs(Double(y) - exact) <= 1e-6 * max(1, abs(exact)), "GELU(\(x))")
        }
    }

    @Test("LayerNorm and softmax agree with Double arithmetic")
    func layerNormAndSoftmax() {
        let width = 37  // not a multiple of 16: exercises the scalar tails
        var row = (0..<width).map { Float(sin(Double($0)) * 3 + 1) }
        let original = row.map(Double.init)
        let weight = (0..<width).map { Float(1 + Double($0) / 100) }
        let bias = (0..<width).map { Float(Double($0) / 50) }
        row.withUnsafeMutableBufferPointer {
            Kernels.layerNorm(rows: 1, $0.baseAddress!, weight: weight, bias: bias, epsilon: 1e-12)
        }
        let mean = original.reduce(0, +) / Double(width)
        let variance = original.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(width)
        for index in 0..<width {
            let exact = (original[index] - mean) / variance.squareRoot() * Double(weight[index]) + Double(bias[index])
            #expect(abs(Double(row[index]) - exact) < 1e-5)
        }
        var scores = (0..<width).map { Float($0 % 7) * 10 }  // large values: the maximum must be subtracted
        scores.withUnsafeMutableBufferPointer { Kernels.softmax(rows: 1, width: width, $0.baseAddress!) }
        let exponentials = (0..<width).map { exp(Double($0 % 7) * 10 - 60) }
        let total = exponentials.reduce(0, +)
        for index in 0..<width {
            #expect(abs(Double(scores[index]) - exponentials[index] / total) < 1e-6)
        }
    }
}
