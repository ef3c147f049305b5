/// Finds the segments a question names, by name, id or a documented alias — never by a bare number.
///
/// Matching is over word stems, longest phrase first, so "at-risk churn" (the rule segment) wins over "at risk"
/// (the RFM segment) and "new customers" over nothing. A segment is whatever the snapshots list: an imported chain's
/// ML segments are found by their names and ids without code changes. Aliases are only the ones below: each is what
/// analysts call that very segment; invented groups ("VIPs", "whales") are not aliases of anything, and the answer
/// asks which segment is meant (the groundedness check would reject a name that does not exist).
struct AnalystSegmentNames: Sendable {
    /// The id of the chain-wide snapshot.
    static let wholeBaseID = "all-customers"

    /// Alias phrases per segment id (used only when a snapshot with that id exists).
    static let aliases: [String: [String]] = [
        "high-value-active": ["high value", "high value customers"],
        "at-risk-churn": ["churn risk", "churn risk segment", "at risk churn"],
        "low-engagement-new": ["low engagement", "new low engagement"],
        "rfm-loyal-customers": ["loyals"],
        "rfm-cant-lose-them": ["cant lose", "cannot lose them", "can not lose them"],
        "rfm-need-attention": ["needs attention", "needing attention"],
        "rfm-no-purchase": ["never purchased", "non buyers", "no purchases"],
    ]

    /// Ways of saying "all customers"; they name the chain-wide snapshot, not a segment.
    static let wholeBase: [[String]] = ["all customers", "all customer", "everyone", "everybody", "overall",
        "whole base", "entire base", "chain wide", "across all", "all the base", "base", "in total", "altogether",
        "all segments", "all of them", "customer base"].map(AnalystWords.phrase)

    /// Single names that are also everyday words ("the other one", "we lost money", "looks promising"): they name the
    /// segment only when written capitalised, or next to a word that makes them one (see `isSegmentUse`).
    static let everydayWords: Set<String> = ["other", "lost", "promising", "new", "others"]

    struct Found: Sendable {
        var segments: [String] = []
        var wholeBase = false
        var unresolved: String?
        /// Word indices taken by segment names, so "value" in `high-value-active` is not read as a metric.
        var consumed: Set<Int> = []
    }

    private struct Phrase {
        var stems: [String]
        var segmentID: String
        var exactWords: [String]
    }

    private let phrases: [Phrase]

    init(_ snapshots: [SegmentSnapshot]) {
        var phrases: [Phrase] = []
        for snapshot in snapshots where snapshot.id != Self.wholeBaseID {
            var texts = [snapshot.name, snapshot.id] + (Self.aliases[snapshot.id] ?? [])
            if snapshot.id.hasPrefix("rfm-") { texts.append(String(snapshot.id.dropFirst(4))) }
            for text in Set(texts) {
                let words = AnalystWords(text).words
                guard !words.isEmpty else { continue }
                phrases.append(Phrase(stems: words.map(\.stem), segmentID: snapshot.id, exactWords: words.map(\.text)))
            }
        }
        // Longest first, then exact spelling: "others" is the RFM segment Others, "other" the rule segment.
        self.phrases = phrases.sorted { ($0.stems.count, $0.segmentID) > ($1.stems.count, $1.segmentID) }
    }

    func find(in question: AnalystWords) -> Found {
        var found = Found()
        var taken: [(start: Int, id: String)] = []
        for length in Set(phrases.map(\.stems.count)).sorted(by: >) {
            for start in 0..<max(0, question.count - length + 1) {
                let span = Set(start..<(start + length))
                guard span.isDisjoint(with: found.consumed) else { continue }
                let candidates = phrases.filter {
                    $0.stems.count == length && question.positions(of: $0.stems).contains(start)
                }
                // An exact spelling beats a plural-folded or one-typo match ("Others" vs "Other").
                let exact = candidates.first { phrase in
                    phrase.exactWords.indices.allSatisfy { question.words[start + $0].text == phrase.exactWords[$0] }
                }
                guard let phrase = exact ?? candidates.first, isSegmentUse(phrase, at: start, in: question) else {
                    continue
                }
                taken.append((start, phrase.segmentID))
                found.consumed.formUnion(span)
            }
        }
        for entry in taken.sorted(by: { $0.start < $1.start }) where !found.segments.contains(entry.id) {
            found.segments.append(entry.id)
        }
        for phrase in Self.wholeBase {
            for start in question.positions(of: phrase) where !found.consumed.contains(start) {
                found.wholeBase = true
                found.consumed.formUnion(start..<(start + phrase.count))
            }
        }
        found.unresolved = Self.unresolvedReference(in: question)
        return found
    }

    /// Whether a matched phrase is used as a segment name here.
    private func isSegmentUse(_ phrase: Phrase, at start: Int, in question: AnalystWords) -> Bool {
        let before = start > 0 ? question.words[start - 1].text : ""
        let afterIndex = start + phrase.stems.count
        let after = afterIndex < question.count ? question.words[afterIndex].text : ""
        // "value at risk", "at risk of": the phrase, not the segment.
        if phrase.stems == ["at", "risk"] {
            let idiomatic: Set<String> = ["value", "clv", "revenue", "money", "most", "is", "are", "be", "being",
                                          "sale"]
            if idiomatic.contains(before) { return false }
            if after == "of" { return false }
        }
        guard phrase.stems.count == 1, Self.everydayWords.contains(phrase.stems[0]) else { return true }
        if question.words[start].capitalised && start > 0 { return true }
        if ["segment", "group", "bucket", "customer", "customers", "people", "folks", "cohort"].contains(after) {
            return true
        }
        let notNames: Set<String> = ["one", "ones", "two", "thing", "things", "way", "than", "side", "hand", "day",
                                     "money", "sales"]
        if notNames.contains(after) {
            return false
        }
        let connectors: Set<String> = ["with", "vs", "versus", "and", "or", "than", "of", "in", "for", "about", "to",
                                       "compare", "cmpare", "the"]
        let subjects: Set<String> = ["we", "i", "they", "have", "has", "had", "be", "been", "was", "were", "get", "got",
                                     "is", "looks", "seems", "very", "more", "most", "any", "each", "every", "some"]
        if subjects.contains(before) { return false }
        return connectors.contains(before) || connectors.contains(after) || after.isEmpty
    }

    /// "segment 3", "cluster 2", "the VIPs": a reference that names no segment. Numbers are never ids (ids are
    /// slugs such as `high-value-active`), so the answer asks which segment is meant.
    static func unresolvedReference(in question: AnalystWords) -> String? {
        let nouns: Set<String> = ["segment", "cluster", "group", "bucket", "tier"]
        for index in question.words.indices.dropLast() where nouns.contains(question.words[index].stem) {
            let next = question.words[index + 1].text
            if next.allSatisfy(\.isNumber) || ["one", "two", "three", "four", "five", "a", "b", "c"].contains(next) {
                return question.words[index].text + " " + next
            }
        }
        return question.words.first { ["vip", "whale", "whales", "vips"].contains($0.text) }?.text
    }
}
