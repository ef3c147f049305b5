/// Query expansion rules: how shoppers say things ("money back", "where's my stuff") mapped to the words policy
/// documents use ("refund", "order", "delivery").
///
/// Text format, one rule per line, `#` starts a comment:
///
///     money back | my money | reimburse => refund, refund policy
///     where is my | where's my => track, order status
///
/// Keys (left of `=>`, separated by `|`) and expansions (right, separated by `,`) are words or short phrases and
/// go through the same analyser as queries, so "refunds" and "Refund" are the same key. A key matches when its
/// words appear in order with only stop words of the query between them ("my money back" matches "money back";
/// "how does it work" does not match "not working"); the longest of overlapping keys wins.
/// Expansions are added to the query at reduced weight; they never replace what the shopper wrote.
public struct Lexicon: Hashable, Sendable {
    public struct Rule: Hashable, Sendable {
        public var keys: [String]
        public var expansions: [String]

        public init(keys: [String], expansions: [String]) {
            self.keys = keys
            self.expansions = expansions
        }
    }

    public private(set) var rules: [Rule]

    public static let empty = Lexicon(rules: [])

    public init(rules: [Rule]) { self.rules = rules }

    /// Parses the text format above; several files can be concatenated.
    public init(parsing text: String) throws(LexiconError) {
        var rules: [Rule] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let sides = line.components(separatedBy: "=>")
            guard sides.count == 2 else {
                throw LexiconError(line: number + 1, message: "expected `keys => expansions`")
            }
            let keys = sides[0].split(separator: "|").map { $0.trimmingWhitespace() }
            let expansions = sides[1].split(separator: ",").map { $0.trimmingWhitespace() }
            guard !keys.isEmpty, !expansions.isEmpty, !keys.contains(""), !expansions.contains("") else {
                throw LexiconError(line: number + 1, message: "empty key or expansion")
            }
            rules.append(Rule(keys: keys, expansions: expansions))
        }
        self.rules = rules
    }

    /// Appends another lexicon's rules (for a lexicon split over several files).
    public func merged(with other: Lexicon) -> Lexicon { Lexicon(rules: rules + other.rules) }
}

/// A lexicon line that could not be read.
public struct LexiconError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "lexicon line \(line): \(message)" }
}

/// The lexicon analysed for matching: keys as stem sequences indexed by their first stem.
struct CompiledLexicon: Sendable {
    struct Entry: Sendable {
        /// Stems of every word of the key, stop words included ("not working" → not, work).
        var key: [String]
        /// Content stems of the rule's expansions, without duplicates, in rule order.
        var expansions: [String]
    }

    /// A key found in a query: the tokens `start..<end` of the query's word sequence.
    struct Match {
        var entry: Entry
        var start: Int
        var end: Int
    }

    private(set) var entries: [Entry] = []
    private var byFirstStem: [String: [Int]] = [:]
    /// Every surface word and stem the lexicon mentions: words the typo corrector must not "fix".
    private(set) var knownWords: Set<String> = []
    /// Content words of the lexicon (surface → stem): possible targets for the typo corrector.
    private(set) var surfaces: [String: String] = [:]

    init(_ lexicon: Lexicon) {
        for rule in lexicon.rules {
            var expansions: [String] = []
            for phrase in rule.expansions {
                for token in TextAnalyzer.tokens(phrase) where !token.isStop && !token.isExtra {
                    if !expansions.contains(token.stem) { expansions.append(token.stem) }
                    remember(token)
                }
            }
            for key in rule.keys {
                let tokens = TextAnalyzer.tokens(key).filter { !$0.isExtra }
                for token in tokens { remember(token) }
                guard let first = tokens.first?.stem else { continue }
                byFirstStem[first, default: []].append(entries.count)
                entries.append(Entry(key: tokens.map(\.stem), expansions: expansions))
            }
        }
    }

    private mutating func remember(_ token: Token) {
        knownWords.insert(token.surface)
        knownWords.insert(token.stem)
        if !token.isStop { surfaces[token.surface] = token.stem }
    }

    /// Keys occurring in the query's word sequence (`stems`, with `isStop` flags), in query order. Each key word
    /// must appear in order; only stop words of the query may come between them. A match lying inside a longer
    /// key's match is dropped, so "pay with my phone" wins over "phone".
    func matches(stems: [String], isStop: [Bool]) -> [Match] {
        var found: [Match] = []
        for start in stems.indices {
            for entryIndex in byFirstStem[stems[start]] ?? [] {
                let entry = entries[entryIndex]
                if let end = Self.end(of: entry.key, at: start, stems, isStop) {
                    found.append(Match(entry: entry, start: start, end: end))
                }
            }
        }
        return found.filter { match in
            !found.contains { other in
                other.entry.key.count > match.entry.key.count && other.start <= match.start && match.end <= other.end
            }
        }
    }

    private static func end(of key: [String], at start: Int, _ stems: [String], _ isStop: [Bool]) -> Int? {
        var position = start + 1
        var matched = 1
        while matched < key.count {
            guard position < stems.count else { return nil }
            if stems[position] == key[matched] {
                matched += 1
            } else if !isStop[position] {
                return nil
            }
            position += 1
        }
        return position
    }
}
