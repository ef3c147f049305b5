import ArgumentParser
import Foundation
import Retrieval
import RetrievalEval
import RetrievalFiles

/// `concierge-bench retrieve-eval`: scores retrieval on a labelled query set (recall@1, recall@3, MRR, per kind).
///
///     concierge-bench retrieve-eval --policies Seeds/policies --queries Seeds/eval/retrieval-queries.jsonl
///     concierge-bench retrieve-eval --policies Seeds/eval/corpus-b --queries Seeds/eval/corpus-b-queries.jsonl \
///         --per-category     # the held-out corpus: measure on it, never tune on it
struct RetrievalEvalBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieve-eval",
        abstract: "Score policy retrieval on a labelled query set."
    )

    @Option(help: "Directory of Markdown policy documents.")
    var policies: String = "Seeds/policies"

    @Option(help: "Labelled queries, JSON lines: {\"id\",\"query\",\"kind\",\"expected\":[{\"doc\",\"heading\"}]}.")
    var queries: String = "Seeds/eval/retrieval-queries.jsonl"

    @OptionGroup var lexiconOptions: LexiconOptions

    @Flag(help: "Also list the queries with no expected section in the top 3.")
    var misses = false

    @Flag(help: "Also print quantiles of the top result's relevance, to choose the relevance threshold.")
    var calibrate = false

    @Flag(
        help: ArgumentHelp(
            "Also print a table per category (recall@1, recall@3, MRR@10, all@3, relevance-gate outcomes).",
            discussion: "gated@3: the right section is in the top 3 but below the relevance gate; wrong>gate: the "
                + "top result is wrong yet above it; none: unanswerable queries whose top result is above it."))
    var perCategory = false

    @Option(
        name: .customLong("param"), parsing: .upToNextOption,
        help: ArgumentHelp("Override a ranking parameter, name=value (for tuning).", visibility: .hidden))
    var parameters: [String] = []

    func run() throws {
        let chunks = try PolicyDirectory.load(URL(fileURLWithPath: policies))
        let labelled = try LabelledQuery.load(URL(fileURLWithPath: queries))
        let retriever = PolicyRetriever(
            chunks: chunks, lexicon: try lexiconOptions.load(),
            configuration: try configuration())
        // Any ranker runs through the same scorer: `ranking` maps (query, top) to ranked chunk ids.
        let ranking = retriever.scoredChunks
        let report = RetrievalScorer.evaluate(chunks: chunks, queries: labelled, ranking: ranking)
        print("\(chunks.count) chunks, \(labelled.count) queries")
        print(report.formatted())
        if perCategory { print(report.perCategoryFormatted()) }
        if calibrate { print(report.relevanceQuantiles()) }
        guard misses else { return }
        for miss in report.misses {
            print("- [\(miss.query.kind)] \(miss.query.id) \"\(miss.query.query)\"")
            for line in miss.top { print("    \(line)") }
        }
    }

    private func configuration() throws -> LexicalConfiguration {
        var configuration = LexicalConfiguration.default
        let fields: [String: WritableKeyPath<LexicalConfiguration, Double>] = [
            "k1": \.k1, "bodyB": \.bodyB, "headingB": \.headingB, "titleWeight": \.titleWeight,
            "headingWeight": \.headingWeight, "bodyWeight": \.bodyWeight, "expansionWeight": \.expansionWeight,
            "knownWordExpansionWeight": \.knownWordExpansionWeight,
            "correctionWeight": \.correctionWeight, "repeatedClauseWeight": \.repeatedClauseWeight,
            "relevanceThreshold": \.relevanceThreshold,
        ]
        for parameter in parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let field = fields[parts[0]], let value = Double(parts[1]) else {
                throw ValidationError("unknown parameter \(parameter); known: \(fields.keys.sorted())")
            }
            configuration[keyPath: field] = value
        }
        return configuration
    }
}

extension RetrievalEvalBench {
    /// Where the query-expansion lexicon comes from (the same options as `concierge retrieve`).
    struct LexiconOptions: ParsableArguments {
        @Option(help: "Query-expansion lexicon file or directory (default: $SEEDS_DIR/lexicon or Seeds/lexicon).")
        var lexicon: String?

        @Flag(help: "Turn query expansion off.")
        var noLexicon = false

        /// The lexicon to use (`LexiconFiles.commandLine`: an absent default is a warning, not an error).
        func load() throws -> Lexicon { try LexiconFiles.commandLine(path: lexicon, off: noLexicon) }
    }
}
