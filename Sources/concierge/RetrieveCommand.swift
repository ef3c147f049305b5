import ArgumentParser
import ConciergeApp
import Foundation
import Retrieval
import RetrievalFiles

/// `concierge retrieve`: policy retrieval from the command line, for use and for measurement.
///
///     concierge retrieve --policies Seeds/policies --top 3 "can I get my money back"
///     concierge retrieve --policies DIR --jsonl < queries.jsonl     # {"id","query"} in, one line out per query
///
/// Results are `{"text","doc","heading","score","relevant"}`: `doc` is the document id (file name without
/// extension), `heading` the heading path from the document title down, joined with " > ".
struct RetrieveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieve",
        abstract: "Find the policy sections that answer a query.",
        discussion: """
            With --jsonl, reads one {"id": ..., "query": "..."} object per line on stdin and prints one \
            {"id", "results", "latency_ms"} line per input line as soon as it is answered; a malformed line gets \
            {"id", "error", "results": []} and the stream goes on.
            """
    )

    @Option(help: "Directory of Markdown, HTML and PDF policy documents to index directly (no store needed).")
    var policies: String?

    @Option(help: "Results per query.")
    var top: Int = 5

    @Flag(help: "Stream JSON lines: {\"id\",\"query\"} on stdin, {\"id\",\"results\",\"latency_ms\"} on stdout.")
    var jsonl = false

    @OptionGroup var lexiconOptions: LexiconOptions

    @Argument(help: "The query (omit with --jsonl).")
    var query: String?

    func validate() throws {
        guard (1...100).contains(top) else { throw ValidationError("--top must be between 1 and 100") }
        if jsonl && query != nil { throw ValidationError("give either a query or --jsonl, not both") }
        if !jsonl && query == nil { throw ValidationError("missing query (or use --jsonl)") }
    }

    func run() async throws {
        let chunks: [PolicyChunk]
        if let policies {
            chunks = try PolicyDirectory.load(URL(fileURLWithPath: policies))
        } else {
            chunks = try await loadStoredPolicyChunks()
        }
        let retriever = PolicyRetriever(chunks: chunks, lexicon: try lexiconOptions.load())
        let output = JSONLineOutput()
        if let query {
            output.write(retriever.retrieve(query, top: top).map(ResultLine.init), pretty: true)
        } else {
            while let line = readLine(strippingNewline: true) {
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                output.write(QueryLine.answer(line, retriever: retriever, top: top), pretty: false)
            }
        }
    }
}

// MARK: - Store hook

/// The chunks to search when `--policies` is not given: the corpus `concierge ingest` put in the configured store.
private func loadStoredPolicyChunks() async throws -> [PolicyChunk] {
    let configuration = try CommandSupport.configuration()
    let chunks = try await CommandSupport.withStore(configuration) { try await $0.policyChunks() }
    guard !chunks.isEmpty else {
        throw ValidationError("the store holds no policies: run `concierge ingest` (or `concierge seed`) first")
    }
    return chunks
}

// MARK: - Options and output (nested so they never collide with other commands' types)

extension RetrieveCommand {
    /// Where the query-expansion lexicon comes from.
    struct LexiconOptions: ParsableArguments {
        @Option(help: "Query-expansion lexicon file or directory (default: $SEEDS_DIR/lexicon or Seeds/lexicon).")
        var lexicon: String?

        @Flag(help: "Turn query expansion off.")
        var noLexicon = false

        /// The lexicon to use (`LexiconFiles.commandLine`: an absent default is a warning, not an error).
        func load() throws -> Lexicon { try LexiconFiles.commandLine(path: lexicon, off: noLexicon) }
    }

    /// One result as printed.
    struct ResultLine: Encodable {
        var text: String
        var doc: String
        var heading: String
        var score: Double
        var relevant: Bool

        init(_ result: RetrievalResult) {
            text = result.chunk.text
            doc = result.citation.document
            heading = result.citation.heading
            // Four decimals are plenty to compare and keep the output stable to read.
            score = (result.score * 10_000).rounded() / 10_000
            relevant = result.isRelevant
        }
    }

    /// One `--jsonl` exchange.
    enum QueryLine {
        /// An id as given: string or number, echoed back unchanged.
        enum ID: Codable {
            case string(String)
            case number(Double)

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let text = try? container.decode(String.self) {
                    self = .string(text)
                } else {
                    self = .number(try container.decode(Double.self))
                }
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .string(let text): try container.encode(text)
                case .number(let value) where value == value.rounded() && abs(value) < 1e15:
                    try container.encode(Int64(value))
                case .number(let value): try container.encode(value)
                }
            }
        }

        struct Request: Decodable {
            var id: ID?
            var query: String
        }

        struct Answer: Encodable {
            var id: ID?
            var results: [ResultLine]
            var latencyMilliseconds: Double?
            var error: String?

            enum CodingKeys: String, CodingKey {
                case id, results, error
                case latencyMilliseconds = "latency_ms"
            }
        }

        /// The answer line for one input line; never throws, whatever the input.
        static func answer(_ line: String, retriever: PolicyRetriever, top: Int) -> Answer {
            guard let request = try? JSONDecoder().decode(Request.self, from: Data(line.utf8)) else {
                let id = (try? JSONDecoder().decode(IDOnly.self, from: Data(line.utf8)))?.id
                return Answer(
                    id: id, results: [], latencyMilliseconds: nil,
                    error: "expected a JSON object with a string \"query\" and an \"id\"")
            }
            let start = ContinuousClock.now
            let results = retriever.retrieve(request.query, top: top)
            let elapsed = ContinuousClock.now - start
            return Answer(
                id: request.id, results: results.map(ResultLine.init),
                latencyMilliseconds: (elapsed.milliseconds * 1_000).rounded() / 1_000, error: nil)
        }

        private struct IDOnly: Decodable { var id: ID? }
    }

    /// Writes JSON straight to stdout (unbuffered), one document per line, so `--jsonl` streams.
    struct JSONLineOutput {
        func write(_ value: some Encodable, pretty: Bool) {
            let encoder = JSONEncoder()
            encoder.outputFormatting =
                pretty
                ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                : [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(value)) ?? Data(#"{"error":"could not encode the answer"}"#.utf8)
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}
