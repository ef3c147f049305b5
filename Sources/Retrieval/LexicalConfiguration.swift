/// Parameters of the lexical ranker. Defaults were chosen on the labelled set over `Seeds/policies` and checked
/// on a second, unrelated corpus (`Tests/RetrievalTests/Fixtures`) so they are not tuned to one shop's wording.
public struct LexicalConfiguration: Hashable, Sendable {
    /// BM25 term-frequency saturation.
    public var k1: Double = 1.2
    /// BM25 length normalisation of the body field.
    public var bodyB: Double = 0.75
    /// Length normalisation of the short title and heading fields.
    public var headingB: Double = 0.5
    /// Field weights (BM25F): a query word in a heading says more than one in the body.
    public var titleWeight: Double = 2.0
    public var headingWeight: Double = 3.0
    public var bodyWeight: Double = 1.0
    /// Weight of a lexicon expansion of a phrase ("money back") or of a word the corpus never uses ("stuff"),
    /// relative to a word the shopper wrote.
    public var expansionWeight: Double = 0.5
    /// Weight of the expansions of a single word the corpus already contains ("cancel" → cancellation).
    public var knownWordExpansionWeight: Double = 0.25
    /// Weight of a typo correction relative to a correctly spelt word.
    public var correctionWeight: Double = 0.8
    /// For a message with several questions ("delivery fee, and can I pay by gift card?"): how much a candidate's
    /// score on a question an earlier result already answers still counts when ordering results (1 = plain
    /// score order).
    public var repeatedClauseWeight: Double = 0.5
    /// `relevance` at or above which a result counts as answering the query (`RetrievalResult.isRelevant`).
    public var relevanceThreshold: Double = 0.3

    public init() {}

    public static let `default` = LexicalConfiguration()
}
