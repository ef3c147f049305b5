import Foundation

/// Messages as bags of character 3–5-grams of their folded words, compared by cosine: the spelling-level half of
/// the learned reader. A typo ("wher is my ordr"), a Hinglish spelling ("kahan hai", "kahaan hai") or a shortened
/// word still shares most of its n-grams with the examples, where the sentence model's word pieces often break apart.
///
/// Weights are sublinear term counts (1 + ln tf), unit length, with no inverse document frequency: an IDF would be
/// counted over the examples, so leaving one out would change every other example's vector and the model's
/// closed-form leave-one-out score would no longer be exact.
struct CharGrams: Sendable {
    /// Sorted gram ids and their weights, unit length over all the message's grams (grams no example has count in
    /// the length but are dropped, as they can match nothing).
    struct Vector: Sendable, Equatable {
        var ids: [Int32] = []
        var weights: [Double] = []
    }

    static let lengths = 3...5
    /// Gram → id, in order of first appearance over the examples (so the ids, and every sum, are the same each run).
    private let vocabulary: [String: Int32]
    /// Per gram id, the examples that have it and their weight, by example index.
    private let postings: [[(example: Int32, weight: Double)]]
    let examples: [Vector]

    init(texts: [String]) {
        var vocabulary: [String: Int32] = [:]
        var counted: [[(Int32, Int)]] = []
        for text in texts {
            var counts: [Int32: Int] = [:]
            for gram in Self.grams(text) {
                let id = vocabulary[gram] ?? {
                    let next = Int32(vocabulary.count)
                    vocabulary[gram] = next
                    return next
                }()
                counts[id, default: 0] += 1
            }
            counted.append(counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        self.vocabulary = vocabulary
        examples = counted.map { Self.normalised($0.map { (id: $0.0, count: $0.1) }, unknown: []) }
        var postings = [[(example: Int32, weight: Double)]](repeating: [], count: vocabulary.count)
        for (index, vector) in examples.enumerated() {
            for (id, weight) in zip(vector.ids, vector.weights) { postings[Int(id)].append((Int32(index), weight)) }
        }
        self.postings = postings
    }

    /// A message's vector over the examples' grams.
    func vector(_ text: String) -> Vector {
        var known: [Int32: Int] = [:]
        var unknown: [String: Int] = [:]
        for gram in Self.grams(text) {
            if let id = vocabulary[gram] { known[id, default: 0] += 1 } else { unknown[gram, default: 0] += 1 }
        }
        return Self.normalised(known.sorted { $0.key < $1.key }.map { (id: $0.key, count: $0.value) },
                               unknown: unknown.values.sorted())
    }

    /// Cosine of `vector` with every example (0 where they share no gram), in example order.
    func cosines(_ vector: Vector) -> [Double] {
        var out = [Double](repeating: 0, count: examples.count)
        for (id, weight) in zip(vector.ids, vector.weights) {
            for posting in postings[Int(id)] { out[Int(posting.example)] += weight * posting.weight }
        }
        return out
    }

    /// The folded words joined by single spaces and padded, so a gram can hold a word's start or end.
    static func grams(_ text: String) -> [String] {
        let characters = Array(" " + MessageWords.fold(text).joined(separator: " ") + " ")
        var grams: [String] = []
        for length in lengths where characters.count >= length {
            for start in 0...(characters.count - length) {
                let gram = characters[start..<(start + length)]
                // A gram that is only the padding between words says nothing.
                if gram.allSatisfy({ $0 == " " }) { continue }
                grams.append(String(gram))
            }
        }
        return grams
    }

    private static func normalised(_ counts: [(id: Int32, count: Int)], unknown: [Int]) -> Vector {
        let weights = counts.map { 1 + log(Double($0.count)) }
        let norm = (weights.map { $0 * $0 }.reduce(0, +) + unknown.map { pow(1 + log(Double($0)), 2) }.reduce(0, +))
            .squareRoot()
        guard norm > 0 else { return Vector() }
        return Vector(ids: counts.map(\.id), weights: weights.map { $0 / norm })
    }
}
