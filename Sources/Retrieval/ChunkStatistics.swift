/// The token statistics of one chunk as the lexical index sees it: field lengths and per-field counts of each
/// stem. Ingest stores them next to the chunk for inspection (and for the analyst side later); the index
/// recomputes them at load from the chunk text, which takes milliseconds, so a stored copy never goes stale
/// when the analyser changes.
public struct ChunkStatistics: Codable, Hashable, Sendable {
    /// Names the analyser (tokeniser, stop words, stemmer) that produced the statistics.
    public static let currentAnalyzerVersion = "retrieval-en-1"

    public struct TermCount: Codable, Hashable, Sendable {
        public var stem: String
        public var title: Int
        public var headings: Int
        public var body: Int
    }

    public var analyzerVersion: String
    /// Content words (stop words excluded) per field.
    public var titleLength: Int
    public var headingsLength: Int
    public var bodyLength: Int
    /// Sorted by stem, so equal chunks encode to equal bytes.
    public var terms: [TermCount]

    public init(_ chunk: PolicyChunk) {
        let analysed = AnalysedChunk(chunk)
        analyzerVersion = Self.currentAnalyzerVersion
        titleLength = analysed.lengths.title
        headingsLength = analysed.lengths.headings
        bodyLength = analysed.lengths.body
        terms = analysed.frequencies.keys.sorted().map { stem in
            let counts = analysed.frequencies[stem, default: AnalysedChunk.Counts()]
            return TermCount(stem: stem, title: counts.title, headings: counts.headings, body: counts.body)
        }
    }
}
