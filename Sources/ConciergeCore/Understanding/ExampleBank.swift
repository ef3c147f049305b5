/// Labelled shopper messages as sentence vectors: a message's nearest labelled examples vote for its intents. This
/// is the "by meaning" half of understanding; it catches paraphrases no cue list has ("it's bucketing down and I'm
/// drenched" sits next to "I'm freezing"). Built once at start-up from the tune split of the labelled set.
public struct ExampleBank: Sendable {
    public struct Example: Sendable {
        public var vector: [Float]
        /// The message itself, for the spelling kernel (`CharGrams`).
        public var text: String
        /// Main ask first.
        public var intents: [Intent]
        /// The feeling the message carries, if any (complaint, frustration, thanks).
        public var sentiment: Sentiment?

        public init(vector: [Float], text: String, intents: [Intent], sentiment: Sentiment? = nil) {
            self.vector = vector
            self.text = text
            self.intents = intents
            self.sentiment = sentiment
        }
    }

    struct Vote: Sendable {
        /// Each intent's share of the neighbours' weight, 0…1 (a main ask counts fully, a secondary one half).
        var shares: [Intent: Double]
        /// Cosine similarity of the nearest example.
        var nearest: Double
        /// The nearest example's main intent.
        var nearestIntent: Intent?
    }

    let examples: [Example]
    let neighbours: Int
    /// The learned reading over the same examples (`nil` without examples).
    let model: IntentModel?

    /// `leaveOneOut` prepares the model to score its own examples as if each had been left out (evaluation only).
    public init(examples: [Example], neighbours: Int = 7, model settings: IntentModel.Settings = IntentModel.Settings(),
                leaveOneOut: Bool = false) {
        self.examples = examples.filter { !$0.vector.isEmpty && !$0.intents.isEmpty }
        self.neighbours = neighbours
        self.model = IntentModel(examples: self.examples, settings: settings, leaveOneOut: leaveOneOut)
    }

    /// The vector the bank holds for a labelled message's text, for scoring its own examples leave-one-out: they are
    /// left out by their exact vector, and a message embedded alone can differ in the last bits from the same message
    /// embedded in a padded batch (it did on one CPU, and every row then voted for itself).
    public func vector(ofText text: String) -> [Float]? {
        examples.first { $0.text == text }?.vector
    }

    /// The same examples with the learned model refitted with other settings (for tuning).
    public func refitted(_ settings: IntentModel.Settings, leaveOneOut: Bool = false) -> ExampleBank {
        ExampleBank(examples: examples, neighbours: neighbours, model: settings, leaveOneOut: leaveOneOut)
    }

    public var isEmpty: Bool { examples.isEmpty }
    public var count: Int { examples.count }

    /// The `neighbours` most similar examples vote, each weighted by its similarity. Vectors are unit length, so the
    /// dot product is the cosine. Ties in similarity keep the bank's order, so a vote is deterministic.
    func vote(_ query: [Float], excludingExactly excluded: [Float]? = nil) -> Vote {
        var scored: [(similarity: Double, index: Int)] = []
        scored.reserveCapacity(examples.count)
        for (index, example) in examples.enumerated() where example.vector.count == query.count {
            if let excluded, example.vector == excluded { continue }
            var dot: Float = 0
            for i in 0..<query.count { dot += query[i] * example.vector[i] }
            scored.append((Double(dot), index))
        }
        scored.sort { ($0.similarity, $1.index) > ($1.similarity, $0.index) }
        let top = scored.prefix(neighbours)
        var shares: [Intent: Double] = [:]
        var total = 0.0
        for neighbour in top {
            let weight = max(0, neighbour.similarity)
            total += weight
            for (position, intent) in examples[neighbour.index].intents.enumerated() {
                shares[intent, default: 0] += position == 0 ? weight : weight / 2
            }
        }
        if total > 0 { for key in shares.keys { shares[key]! /= total } }
        let first = top.first
        return Vote(shares: shares, nearest: first?.similarity ?? 0, nearestIntent: first.map { examples[$0.index].intents[0] })
    }
}
