import ConciergeCore

/// A deterministic stand-in for the sentence model: each word hashed (FNV-1a) to one of 64 dimensions, then
/// normalised. Shared words mean similar vectors, which is all the pipeline tests need; the real model is used by
/// the planted evaluation.
public struct HashingEmbedder: Embedder {
    public init() {}

    public var dimensions: Int { 64 }
    public var modelID: String { "hashing-test" }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map { text in
            var vector = [Float](repeating: 0, count: 64)
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                vector[Int(hash % 64)] += 1
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? vector.map { $0 / norm } : vector
        }
    }
}

