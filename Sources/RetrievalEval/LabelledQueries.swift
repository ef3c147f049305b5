import Foundation
import Retrieval
import RetrievalFiles

/// One labelled query of `Seeds/eval/retrieval-queries.jsonl`:
///
///     {"id":"q001","query":"refnd polcy","kind":"misspelled",
///      "expected":[{"doc":"returns-and-refunds","heading":"Refunds"}]}
///
/// `expected` lists the sections that answer the query; any one of them in the top k is a hit. For `multi`
/// queries (two questions in one message) entries carry an `intent` number, entries of one intent being
/// alternatives, and `all@3` also asks for every intent in the top 3. `kind` is `direct`, `paraphrase`, `colloquial`, `misspelled`, `multi`, or `none` for questions the
/// corpus cannot answer (`expected` empty), which measure the relevance threshold instead of recall.
///
/// `kind` is the query's category in the per-category report (`multi` is a multi-part question, `none` an
/// unanswerable one). The same format labels the held-out second corpus, `Seeds/eval/corpus-b-queries.jsonl`.
public struct LabelledQuery: Codable, Hashable, Sendable {
    public struct Expected: Codable, Hashable, Sendable {
        /// Document id.
        public var doc: String
        /// The section's heading path joined with " > ", or any trailing part of it ("How long a refund
        /// takes", "Refunds > How long a refund takes"); absent or empty for "anywhere in the document".
        public var heading: String?
        /// For `multi` queries: which of the questions this section answers (entries without one stand alone).
        public var intent: Int?

        public init(doc: String, heading: String?, intent: Int? = nil) {
            self.doc = doc
            self.heading = heading
            self.intent = intent
        }

        /// Whether a result for (`document`, `headingPath`) is this section.
        public func matches(document: String, headingPath: [String]) -> Bool {
            guard document == doc else { return false }
            guard let heading, !heading.isEmpty else { return true }
            let wanted = heading.components(separatedBy: " > ").map(Self.normalised)
            let path = headingPath.map(Self.normalised)
            return wanted.count <= path.count && Array(path.suffix(wanted.count)) == wanted
        }

        private static func normalised(_ text: String) -> String {
            text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    public var id: String
    public var query: String
    public var expected: [Expected]
    public var kind: String

    public init(id: String, query: String, expected: [Expected], kind: String) {
        self.id = id
        self.query = query
        self.expected = expected
        self.kind = kind
    }

    /// Reads a JSON-lines file; blank lines and lines starting with `//` are skipped.
    public static func load(_ url: URL) throws -> [LabelledQuery] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        var queries: [LabelledQuery] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("//") else { continue }
            do {
                queries.append(try decoder.decode(LabelledQuery.self, from: Data(trimmed.utf8)))
            } catch {
                throw PolicyDirectory.LoadError(path: url.path, reason: "line \(number + 1): \(error)")
            }
        }
        return queries
    }
}
