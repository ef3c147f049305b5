import Foundation

/// A BM25F index over policy chunks with three fields (document title, section headings, body), typo
/// tolerance and lexicon query expansion. Immutable once built; safe to share between concurrent requests.
///
/// Each posting stores the term's saturated, length-normalised frequency for its chunk
/// (`tf̃ (k1 + 1) / (tf̃ + k1)` with `tf̃ = Σ_f w_f tf_f / (1 − b_f + b_f len_f / avglen_f)`), so a query is
/// a weighted sum of precomputed impacts: no per-query length arithmetic.
public struct LexicalIndex: Sendable {
    struct Posting: Sendable {
        var chunk: Int32
        var impact: Float
    }

    public let configuration: LexicalConfiguration
    /// Number of chunks indexed.
    public let chunkCount: Int
    var termIDs: [String: Int32] = [:]
    var postings: [[Posting]] = []
    var idf: [Double] = []
    /// IDF of a word that no chunk contains: what an unknown query word costs the relevance normaliser.
    let unseenIDF: Double
    var typos: TypoCorrector
    let lexicon: CompiledLexicon

    /// Builds the index. Chunk `i` in results refers to `chunks[i]`.
    public init(chunks: [PolicyChunk], lexicon: Lexicon = .empty, configuration: LexicalConfiguration = .default) {
        self.configuration = configuration
        self.chunkCount = chunks.count
        self.lexicon = CompiledLexicon(lexicon)
        let analysed = chunks.map(AnalysedChunk.init)
        let averages = AnalysedChunk.averageLengths(analysed)
        var surfaces: [String: (stem: String, frequency: Int)] = [:]
        for (position, chunk) in analysed.enumerated() {
            for (stem, counts) in chunk.frequencies.sorted(by: { $0.key < $1.key }) {
                let id = termIDs[stem] ?? Self.newTerm(stem, &termIDs, &postings)
                let impact = Self.impact(counts, lengths: chunk.lengths, averages: averages, configuration)
                postings[Int(id)].append(Posting(chunk: Int32(position), impact: Float(impact)))
            }
            for (surface, stem) in chunk.surfaces { surfaces[surface, default: (stem, 0)].frequency += 1 }
        }
        let total = Double(chunks.count)
        idf = postings.map { Self.inverseDocumentFrequency(documents: Double($0.count), total: total) }
        unseenIDF = Self.inverseDocumentFrequency(documents: 0, total: max(total, 1))
        // Lexicon words are correction targets too ("trak" → track when the corpus only says "tracking"), but
        // only when their stem is in the corpus: "fixing" a word into a lexicon-only word ("dealt" → "deal")
        // would fire that word's expansions on a query that never meant it.
        for (surface, stem) in self.lexicon.surfaces where surfaces[surface] == nil && termIDs[stem] != nil {
            surfaces[surface] = (stem, 0)
        }
        typos = TypoCorrector(words: surfaces)
    }

    private static func newTerm(_ stem: String, _ ids: inout [String: Int32], _ postings: inout [[Posting]]) -> Int32 {
        let id = Int32(postings.count)
        ids[stem] = id
        postings.append([])
        return id
    }

    /// Lucene's BM25 IDF: always positive, so a word in most chunks still counts a little.
    static func inverseDocumentFrequency(documents: Double, total: Double) -> Double {
        log(1 + (total - documents + 0.5) / (documents + 0.5))
    }

    static func impact(
        _ counts: AnalysedChunk.Counts, lengths: AnalysedChunk.Counts, averages: AnalysedChunk.Averages,
        _ c: LexicalConfiguration
    ) -> Double {
        func normalised(_ tf: Int, _ length: Int, _ average: Double, _ b: Double) -> Double {
            tf == 0 ? 0 : Double(tf) / (1 - b + b * Double(length) / max(average, 1))
        }
        let pseudoFrequency =
            c.titleWeight * normalised(counts.title, lengths.title, averages.title, c.headingB)
            + c.headingWeight * normalised(counts.headings, lengths.headings, averages.headings, c.headingB)
            + c.bodyWeight * normalised(counts.body, lengths.body, averages.body, c.bodyB)
        return pseudoFrequency * (c.k1 + 1) / (pseudoFrequency + c.k1)
    }

    /// Number of distinct terms.
    public var vocabularySize: Int { postings.count }
}

/// One chunk's fields analysed: term counts per field and field lengths (content words).
struct AnalysedChunk {
    struct Counts {
        var title = 0
        var headings = 0
        var body = 0
    }

    struct Averages {
        var title: Double
        var headings: Double
        var body: Double
    }

    var frequencies: [String: Counts] = [:]
    var lengths = Counts()
    /// Surface words (for typo correction) mapped to their stems.
    var surfaces: [String: String] = [:]

    init(_ chunk: PolicyChunk) {
        // The heading path starts with the title, which has a field of its own.
        let headings = chunk.headingPath.first == chunk.title ? chunk.headingPath.dropFirst() : chunk.headingPath[...]
        add(chunk.title, \.title)
        add(headings.joined(separator: "\n"), \.headings)
        add(chunk.text, \.body)
    }

    private mutating func add(_ text: String, _ field: WritableKeyPath<Counts, Int>) {
        for token in TextAnalyzer.tokens(text) where !token.isStop {
            frequencies[token.stem, default: Counts()][keyPath: field] += 1
            guard !token.isExtra else { continue }
            lengths[keyPath: field] += 1
            surfaces[token.surface] = token.stem
        }
    }

    static func averageLengths(_ chunks: [AnalysedChunk]) -> Averages {
        let count = Double(max(chunks.count, 1))
        return Averages(
            title: Double(chunks.reduce(0) { $0 + $1.lengths.title }) / count,
            headings: Double(chunks.reduce(0) { $0 + $1.lengths.headings }) / count,
            body: Double(chunks.reduce(0) { $0 + $1.lengths.body }) / count)
    }
}
