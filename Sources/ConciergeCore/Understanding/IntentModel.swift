import Foundation

/// A learned reading of intents from sentence vectors: kernel ridge regression from the labelled examples' vectors
/// to their intents (main ask 1, a secondary ask `secondaryTarget`), one output per intent.
///
/// Unlike the raw nearest-neighbour vote, every example weighs in and examples that say the same thing do not
/// outvote the rest: the fit learns how much each example should count. Training is one Cholesky solve of an
/// n × n system (n ≈ 300: milliseconds), exact and deterministic — no randomness, no iteration count. Because the
/// fit is closed-form, an example's own leave-one-out score is exact too (`scores(_:leavingOut:)`), so the labelled
/// split the model is built from can still be scored honestly.
public struct IntentModel: Sendable {
    public struct Settings: Sendable, Hashable {
        /// Ridge: larger is smoother.
        public var lambda = 0.03
        /// Kernel width on cosine similarity: k = exp((cos − 1) / width).
        public var width = 1.0
        /// Target of a secondary ask (the main ask's is 1).
        public var secondaryTarget = 0.6
        /// Weight of the spelling kernel (character n-grams, `CharGrams`) added to the sentence kernel; 0 leaves it out.
        public var charWeight = 0.0
        /// Its width on the n-grams' cosine, as `width` is on the sentence vectors'.
        public var charWidth = 1.0

        public init(lambda: Double = 0.03, width: Double = 1.0, secondaryTarget: Double = 0.6, charWeight: Double = 0.0,
                    charWidth: Double = 1.0) {
            self.lambda = lambda
            self.width = width
            self.secondaryTarget = secondaryTarget
            self.charWeight = charWeight
            self.charWidth = charWidth
        }
    }

    static let intents = Intent.allCases
    /// Sentiment is learned beside the intents, from the same kernel (one more column each): the same fit, solved
    /// for three more targets.
    static let sentiments: [Sentiment] = [.complaint, .frustration, .thanks]
    static var columns: Int { intents.count + sentiments.count }
    let vectors: [[Float]]
    /// The examples' spelling (`nil` when `charWeight` is 0).
    let grams: CharGrams?
    /// n × classes, row-major: the dual weights.
    let alpha: [Double]
    /// n × classes, row-major: the targets.
    let targets: [Double]
    /// Diagonal of the hat matrix K (K + λI)⁻¹: how much each example explains itself.
    let leverage: [Double]
    let settings: Settings

    public var count: Int { vectors.count }

    /// `nil` when there are no usable examples or the vectors differ in length. `leaveOneOut` also works out each
    /// example's leverage, which scoring an example as if left out needs (n more solves: the evaluation asks for it,
    /// a running app does not).
    public init?(examples: [ExampleBank.Example], settings: Settings = Settings(), leaveOneOut: Bool = false) {
        let usable = examples.filter { !$0.vector.isEmpty && !$0.intents.isEmpty }
        guard let dimension = usable.first?.vector.count, usable.allSatisfy({ $0.vector.count == dimension }) else { return nil }
        let n = usable.count
        let classes = Self.columns
        self.settings = settings
        vectors = usable.map(\.vector)
        let grams = settings.charWeight > 0 ? CharGrams(texts: usable.map(\.text)) : nil
        self.grams = grams
        var y = [Double](repeating: 0, count: n * classes)
        for (row, example) in usable.enumerated() {
            for (position, intent) in example.intents.enumerated() {
                let column = Self.intents.firstIndex(of: intent)!
                y[row * classes + column] = max(y[row * classes + column], position == 0 ? 1 : settings.secondaryTarget)
            }
            if let sentiment = example.sentiment, let column = Self.sentiments.firstIndex(of: sentiment) {
                y[row * classes + Self.intents.count + column] = 1
            }
        }
        targets = y
        // K + λI, then its Cholesky factor.
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            let spelling = grams.map { $0.cosines($0.examples[i]) }
            for j in i..<n {
                var k = Self.kernel(Self.dot(vectors[i], vectors[j]), width: settings.width)
                if let spelling { k += settings.charWeight * Self.kernel(spelling[j], width: settings.charWidth) }
                a[i * n + j] = k
                a[j * n + i] = k
            }
            a[i * n + i] += settings.lambda
        }
        guard let l = Self.cholesky(a, n) else { return nil }
        var weights = [Double](repeating: 0, count: n * classes)
        var column = [Double](repeating: 0, count: n)
        for c in 0..<classes {
            for i in 0..<n { column[i] = y[i * classes + c] }
            let solved = Self.solve(l, n, column)
            for i in 0..<n { weights[i * classes + c] = solved[i] }
        }
        alpha = weights
        guard leaveOneOut else {
            leverage = []
            return
        }
        // H = K (K + λI)⁻¹ = I − λ (K + λI)⁻¹, so H_ii = 1 − λ [(K + λI)⁻¹]_ii.
        leverage = Self.inverseDiagonal(l, n).map { 1 - settings.lambda * $0 }
    }

    /// The diagonal of (L Lᵀ)⁻¹ = L⁻ᵀ L⁻¹: entry i is the squared length of column i of L⁻¹, which a forward
    /// substitution from row i gives (the column is zero above it) — a sixth of n³ instead of n full solves.
    static func inverseDiagonal(_ l: [Double], _ n: Int) -> [Double] {
        var diagonal = [Double](repeating: 0, count: n)
        var z = [Double](repeating: 0, count: n)
        l.withUnsafeBufferPointer { l in
            for i in 0..<n {
                z[i] = 1 / l[i * n + i]
                var sum = z[i] * z[i]
                for r in (i + 1)..<max(i + 1, n) {
                    var s = 0.0
                    for k in i..<r { s -= l[r * n + k] * z[k] }
                    z[r] = s / l[r * n + r]
                    sum += z[r] * z[r]
                }
                diagonal[i] = sum
            }
        }
        return diagonal
    }

    /// Each intent's score for a message vector (about 1 for the main ask, about `secondaryTarget` for another ask,
    /// about 0 for the rest) and each sentiment's (about 1 when the message carries it), from one pass over the
    /// examples. `text` is the message `query` is the vector of (the spelling kernel reads it). `leavingOut` is the
    /// index of the example `query` is, to score it as if it had not been trained on (exact for ridge regression).
    public func reading(_ query: [Float], text: String,
                        leavingOut: Int? = nil) -> (intents: [Intent: Double], sentiments: [Sentiment: Double]) {
        let output = columnScores(query, text: text, leavingOut: leavingOut)
        var intents: [Intent: Double] = [:]
        for (c, intent) in Self.intents.enumerated() { intents[intent] = output[c] }
        var sentiments: [Sentiment: Double] = [:]
        for (c, sentiment) in Self.sentiments.enumerated() { sentiments[sentiment] = output[Self.intents.count + c] }
        return (intents, sentiments)
    }

    /// The intents' part of `reading`.
    public func scores(_ query: [Float], text: String, leavingOut: Int? = nil) -> [Intent: Double] {
        reading(query, text: text, leavingOut: leavingOut).intents
    }

    private func columnScores(_ query: [Float], text: String, leavingOut: Int?) -> [Double] {
        let classes = Self.columns
        var output = [Double](repeating: 0, count: classes)
        let spelling = grams.map { $0.cosines($0.vector(text)) }
        for (row, vector) in vectors.enumerated() where vector.count == query.count {
            var k = Self.kernel(Self.dot(query, vector), width: settings.width)
            if let spelling { k += settings.charWeight * Self.kernel(spelling[row], width: settings.charWidth) }
            if k < 1e-9 { continue }
            for c in 0..<classes { output[c] += k * alpha[row * classes + c] }
        }
        if let i = leavingOut, i < vectors.count {
            precondition(!leverage.isEmpty, "leave-one-out scores need a model fitted with leaveOneOut")
            let h = leverage[i]
            if h < 0.999_999 {
                for c in 0..<classes { output[c] = (output[c] - h * targets[i * classes + c]) / (1 - h) }
            }
        }
        return output
    }

    /// The index of the example with exactly this vector, if any.
    public func index(of vector: [Float]) -> Int? { vectors.firstIndex(of: vector) }

    static func kernel(_ cosine: Double, width: Double) -> Double { exp((cosine - 1) / width) }

    static func dot(_ a: [Float], _ b: [Float]) -> Double {
        var sum: Float = 0
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                for i in 0..<min(x.count, y.count) { sum += x[i] * y[i] }
            }
        }
        return Double(sum)
    }

    /// Lower-triangular L with L Lᵀ = a (row-major, n × n); `nil` if `a` is not positive definite.
    static func cholesky(_ a: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        l.withUnsafeMutableBufferPointer { l in
            a.withUnsafeBufferPointer { a in
                for j in 0..<n {
                    var sum = a[j * n + j]
                    for k in 0..<j { sum -= l[j * n + k] * l[j * n + k] }
                    guard sum > 0 else { l[0] = .nan; return }
                    let pivot = sum.squareRoot()
                    l[j * n + j] = pivot
                    for i in (j + 1)..<max(j + 1, n) {
                        var s = a[i * n + j]
                        for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                        l[i * n + j] = s / pivot
                    }
                }
            }
        }
        return l[0].isNaN ? nil : l
    }

    /// x with L Lᵀ x = b.
    static func solve(_ l: [Double], _ n: Int, _ b: [Double]) -> [Double] {
        var z = b
        for i in 0..<n {
            var s = z[i]
            for k in 0..<i { s -= l[i * n + k] * z[k] }
            z[i] = s / l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = z[i]
            for k in (i + 1)..<max(i + 1, n) { s -= l[k * n + i] * z[k] }
            z[i] = s / l[i * n + i]
        }
        return z
    }
}
