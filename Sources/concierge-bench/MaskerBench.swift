import ArgumentParser
import PIIMaskingEval

/// `concierge-bench masker`: masking throughput on one core over the generated corpus, plus one long message.
struct MaskerBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "masker",
        abstract: "Measure PII masking throughput (messages/s, MB/s) on one core; use a release build."
    )

    @Option(help: "Number of generated messages per pass.")
    var messages = 20_000

    @Option(help: "Corpus seed.")
    var seed: UInt64 = 42

    @Option(help: "Carrier sentences: all, formal, or chat (the spellings of issue 13 alone).")
    var family: Family = .all

    enum Family: String, ExpressibleByArgument {
        case all, formal, chat

        var corpus: CorpusGenerator.Family {
            switch self {
            case .all: .all
            case .formal: .formal
            case .chat: .chat
            }
        }
    }

    @Option(help: "Timed passes over the corpus (the best is reported; 0 skips timing).")
    var passes = 5

    @Option(help: "Size of the single long message, in MB (0 to skip).")
    var longMB = 10

    @Flag(help: "Also score the corpus (recall/precision per type, hard-negative FP rate) before timing.")
    var score = false

    @Option(help: "With --score, print up to this many mis-masked messages.")
    var examples = 0

    func run() throws {
        let corpus = CorpusGenerator(seed: seed, family: family.corpus).messages(messages)
        if score { print(Scorer.score(corpus, keepExamples: examples).formatted(), terminator: "\n\n") }
        guard passes > 0 else { return }
        let result = MaskerBenchmark.run(corpus: corpus, passes: passes, longMessageBytes: longMB * 1_000_000)
        print(result.formatted())
    }
}
