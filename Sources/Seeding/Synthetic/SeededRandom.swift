import ConciergeCore
import Foundation
import SeededRandom

/// Draws used by the generator, defined here (not through the standard library's `random(in:using:)`) so the
/// sequence for a given seed can never change under us with a toolchain update. Internal: the masking corpus
/// draws bounded integers its own way on the same `SplitMix64`, and two public `below(_:)`s would be ambiguous
/// wherever both modules are imported.
extension SplitMix64 {
    /// Uniform integer in `0..<bound` (Lemire's method with rejection: no modulo bias).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Picks an index with probability proportional to its weight.
    mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var remaining = below(total)
        for (index, weight) in weights.enumerated() {
            if remaining < weight { return index }
            remaining -= weight
        }
        return weights.count - 1
    }

    /// `count` characters from `alphabet`.
    mutating func string(_ count: Int, from alphabet: String) -> String {
        let characters = Array(alphabet)
        return String((0..<count).map { _ in characters[below(characters.count)] })
    }

    /// Replaces each `#` in `pattern` by a random digit.
    mutating func digits(in pattern: String) -> String {
        String(pattern.map { $0 == "#" ? Character(String(below(10))) : $0 })
    }
}
