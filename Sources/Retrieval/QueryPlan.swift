/// A query turned into weighted index terms, plus the normaliser that turns a BM25 score into a 0…1 relevance.
struct QueryPlan: Sendable {
    struct Term: Hashable, Sendable {
        var id: Int32
        var weight: Double
        /// The clauses of the message this term serves (empty for extras of stop-word keys).
        var clauses: [Int]
    }

    /// Terms in order of first appearance (a fixed order keeps floating-point sums reproducible).
    var terms: [Term]
    /// Sum, over the shopper's content words, of the best `weight × idf` among each word's alternatives (itself,
    /// its spelling correction, its lexicon expansions). A word no chunk contains costs the unseen-word IDF, so
    /// queries about things the corpus never mentions score low relevance.
    var normaliser: Double
    /// Clauses with searchable words: two or more means several questions in one message ("what's the delivery
    /// fee, and can I pay by gift card?"), which the ranker answers with a mix of sections.
    var clauseCount: Int
}

extension LexicalIndex {
    /// One content word of the query and the stems that may stand for it, with weights.
    private struct Concept {
        var stem: String
        var alternatives: [(stem: String, weight: Double)]
        var clause: Int
    }

    /// The query as a word sequence (stop words included, for lexicon matching) and its concepts.
    private struct QueryWords {
        var concepts: [Concept] = []
        var stems: [String] = []
        var isStop: [Bool] = []
        /// Per word: the concept it is, nil for stop words.
        var conceptOfWord: [Int?] = []
        var clauseOfWord: [Int] = []
        var clauseCount = 0
        /// Terms outside any concept: joined hyphen pairs and expansions of stop-word keys.
        var extras: [(stem: String, weight: Double)] = []
    }

    /// Words that start a new clause: "refund times and points expiry", "lost my card, also ...".
    static let conjunctions: Set<String> = ["and", "also", "plus", "then"]

    func plan(_ query: String) -> QueryPlan {
        var words = analyse(query)
        var clauses = ClauseMerger(count: words.clauseCount)
        for match in lexicon.matches(stems: words.stems, isStop: words.isStop) {
            // A key spanning a conjunction ("click and collect") is one clause, not two.
            clauses.merge(words.clauseOfWord[match.start], words.clauseOfWord[match.end - 1])
            expand(&words, with: match)
        }
        for index in words.concepts.indices {
            words.concepts[index].clause = clauses.root(of: words.concepts[index].clause)
        }
        return assemble(concepts: words.concepts, extras: words.extras)
    }

    /// Tokens of each clause segment, unknown words resolved, clause numbers assigned.
    private func analyse(_ query: String) -> QueryWords {
        var words = QueryWords()
        var clause = -1
        for segment in Self.clauseSegments(query) {
            clause += 1
            for token in TextAnalyzer.tokens(String(segment)) {
                if token.isExtra {
                    if termIDs[token.stem] != nil { words.extras.append((token.stem, 1)) }
                    continue
                }
                if token.isStop && Self.conjunctions.contains(token.stem) { clause += 1 }
                words.clauseOfWord.append(clause)
                words.isStop.append(token.isStop)
                guard !token.isStop else {
                    words.conceptOfWord.append(nil)
                    words.stems.append(token.stem)
                    continue
                }
                var concept = resolve(token)
                concept.clause = clause
                words.conceptOfWord.append(words.concepts.count)
                words.concepts.append(concept)
                words.stems.append(concept.stem)
            }
        }
        words.clauseCount = clause + 1
        return words
    }

    /// Adds a lexicon match's expansions: a multi-word key ("money back") expands once, on its last content
    /// word; a key of stop words only ("how much") adds its expansions as extra terms.
    private func expand(_ words: inout QueryWords, with match: CompiledLexicon.Match) {
        let attached = words.conceptOfWord[match.start..<match.end].last(where: { $0 != nil }) ?? nil
        let weight = expansionWeight(for: match, attachedTo: attached.map { words.concepts[$0] })
        let expansions = match.entry.expansions.map { (stem: $0, weight: weight) }
        if let attached {
            words.concepts[attached].alternatives += expansions
        } else {
            words.extras += expansions
        }
    }

    /// Splits a message at sentence punctuation: `?`, `!`, `;`, a line break, and `.` before a space. Commas do
    /// not split: "I typed the wrong street, can it be fixed?" is one question.
    static func clauseSegments(_ query: String) -> [Substring] {
        var segments: [Substring] = []
        var start = query.startIndex
        var index = query.startIndex
        while index < query.endIndex {
            let next = query.index(after: index)
            let character = query[index]
            let breaks =
                "?!;\n".contains(character)
                || (character == "." && (next == query.endIndex || query[next].isWhitespace))
            if breaks {
                segments.append(query[start..<index])
                start = next
            }
            index = next
        }
        segments.append(query[start...])
        return segments
    }

    /// Phrases ("money back") and words the corpus does not use ("stuff") lean on their expansions; a single
    /// word the corpus already knows ("cancel") mostly stands for itself, so its expansions weigh less.
    private func expansionWeight(for match: CompiledLexicon.Match, attachedTo concept: Concept?) -> Double {
        let isPhrase = match.entry.key.count > 1
        let isKnown = concept.map { termIDs[$0.stem] != nil } ?? false
        return isPhrase || !isKnown ? configuration.expansionWeight : configuration.knownWordExpansionWeight
    }

    /// Known words stand for themselves; an unknown word is replaced by its one-edit correction or, failing
    /// that, split into two known words ("giftcard" → gift card).
    private func resolve(_ token: Token) -> Concept {
        let known =
            termIDs[token.stem] != nil || lexicon.knownWords.contains(token.surface)
            || lexicon.knownWords.contains(token.stem)
        guard !known else { return Concept(stem: token.stem, alternatives: [(token.stem, 1)], clause: 0) }
        if let fix = typos.correction(for: token.surface) {
            return Concept(stem: fix.stem, alternatives: [(fix.stem, configuration.correctionWeight)], clause: 0)
        }
        if let parts = compoundSplit(token.surface) {
            return Concept(
                stem: token.stem, alternatives: parts.map { ($0, configuration.correctionWeight) }, clause: 0)
        }
        return Concept(stem: token.stem, alternatives: [(token.stem, 1)], clause: 0)
    }

    /// The split of an unknown run-together word into two indexed words, the rarer half as common as possible.
    private func compoundSplit(_ word: String) -> [String]? {
        let characters = Array(word)
        guard characters.count >= 6 else { return nil }
        var best: (parts: [String], frequency: Int)?
        for cut in 3...(characters.count - 3) {
            let left = Stemmer.stem(String(characters[..<cut]))
            let right = Stemmer.stem(String(characters[cut...]))
            guard let leftID = termIDs[left], let rightID = termIDs[right] else { continue }
            let frequency = min(postings[Int(leftID)].count, postings[Int(rightID)].count)
            if frequency > best?.frequency ?? 0 { best = ([left, right], frequency) }
        }
        return best?.parts
    }

    /// Sums weights per term: across the shopper's words (a repeated word counts twice), keeping the larger
    /// weight when a word and an expansion coincide.
    private func assemble(concepts: [Concept], extras: [(stem: String, weight: Double)]) -> QueryPlan {
        var order: [String] = []
        var weights: [String: Double] = [:]
        var clausesOfStem: [String: Set<Int>] = [:]
        var searchableClauses: Set<Int> = []
        var normaliser = 0.0
        for concept in concepts {
            var best: [String: Double] = [:]
            for (stem, weight) in concept.alternatives where weight > best[stem] ?? 0 {
                if best[stem] == nil && weights[stem] == nil { order.append(stem) }
                best[stem] = weight
            }
            for (stem, weight) in best {
                weights[stem, default: 0] += weight
                clausesOfStem[stem, default: []].insert(concept.clause)
            }
            let scored = best.compactMap { stem, weight in termIDs[stem].map { weight * idf[Int($0)] } }
            if !scored.isEmpty { searchableClauses.insert(concept.clause) }
            normaliser += scored.max() ?? unseenIDF
        }
        for (stem, weight) in extras where weight > weights[stem] ?? 0 {
            if weights[stem] == nil { order.append(stem) }
            weights[stem] = weight
        }
        let terms = order.compactMap { stem in
            termIDs[stem].map {
                QueryPlan.Term(
                    id: $0, weight: weights[stem, default: 0],
                    clauses: clausesOfStem[stem, default: []].sorted())
            }
        }
        return QueryPlan(terms: terms, normaliser: normaliser, clauseCount: searchableClauses.count)
    }
}

/// Union-find over clause numbers, for clauses joined by a lexicon phrase.
struct ClauseMerger {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<max(count, 0)) }

    mutating func merge(_ a: Int, _ b: Int) {
        let (rootA, rootB) = (root(of: a), root(of: b))
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }

    func root(of clause: Int) -> Int {
        var current = clause
        while parent[current] != current { current = parent[current] }
        return current
    }
}
