import Foundation
import Retrieval

/// The section whose own headings name what the message is about, ahead of one that only shares its other words:
/// "do you deliver on sundays" matched the shops' Sunday hours on "sunday" (a rare word), while "deliver" is in
/// nearly every passage and counts for little; the headings "Delivery > Delivery times" say which one answers.
enum PolicySubject {
    /// `results` with the first one whose headings share a word with the message moved to the front, when the first
    /// result's headings share none. Otherwise unchanged.
    static func ordered(_ results: [RetrievalResult], message: String) -> [RetrievalResult] {
        let results = offeredAtAll(actionNamed(denied(results, message: message), message: message), message: message)
        let asked = PolicyExcerpt.contentWords(message)
        guard let first = results.first, !names(first, asked),
            let index = results.indices.dropFirst().first(where: { names(results[$0], asked) }) else { return results }
        var ordered = results
        ordered.insert(ordered.remove(at: index), at: 0)
        return ordered
    }

    /// A state the message denies ("beans I didn't open", "unused"): passages that state it ("Opened food…",
    /// "Gift cards that have been used") go after those that don't, and so does a document's opening paragraph,
    /// which only says what the document covers.
    static func denied(_ results: [RetrievalResult], message: String) -> [RetrievalResult] {
        let written = Set(MessageWords.fold(PolicyQuery.negationsJoined(message)))
        let stated = deniedStates.filter { written.contains($0.key) }.flatMap(\.value)
        guard !stated.isEmpty else { return results }
        func states(_ result: RetrievalResult) -> Bool {
            result.citation.headingPath.count <= 1
                || !Set(MessageWords.fold(result.chunk.text)).isDisjoint(with: stated)
        }
        return results.filter { !states($0) } + results.filter(states)
    }

    /// "Do u do gift cards?", "can I buy a gift card?": whether the chain has the thing at all, which a document's
    /// opening paragraph says ("Gift cards come as plastic cards from our shops or as e-gift cards…"), not the
    /// section that only shares a verb ("You cannot buy a gift card with another gift card…"). That paragraph goes
    /// first when its document's title names every word asked.
    static func offeredAtAll(_ results: [RetrievalResult], message: String) -> [RetrievalResult] {
        guard let wanted = askedAtAll(message), let index = results.firstIndex(where: { isOpening($0, of: wanted) })
        else { return results }
        var ordered = results
        let opening = ordered.remove(at: index)
        // After it, the document's first section retrieved ("Where we deliver", "Buying a gift card"): the document
        // goes from what there is to the details.
        let document = opening.citation.document
        func position(_ result: RetrievalResult) -> Int { Int(result.chunk.id.split(separator: "#").last ?? "") ?? .max }
        let sections = ordered.filter { $0.citation.document == document }
        if let first = sections.min(by: { position($0) < position($1) }), let at = ordered.firstIndex(of: first) {
            ordered.insert(ordered.remove(at: at), at: 0)
        }
        ordered.insert(opening, at: 0)
        return ordered
    }

    /// "Can I buy a gift card with points?": of two sections of one document ranked close, the one whose own heading
    /// names more of the words asked, the verb too ("Buying a gift card" over "Using a gift card"), goes first.
    static func actionNamed(_ results: [RetrievalResult], message: String) -> [RetrievalResult] {
        let asked = PolicyExcerpt.contentWords(message)
        func named(_ result: RetrievalResult) -> Int {
            let heading = PolicyExcerpt.contentWords(result.citation.headingPath.last ?? "")
            return asked.filter { word in
                word.count >= 3 && heading.contains { $0 == word || $0 == word + "s" || $0 == word + "ing" || $0 + "s" == word }
            }.count
        }
        guard let first = results.first, results.count > 1 else { return results }
        let rivals = results.prefix(3).dropFirst().filter { $0.citation.document == first.citation.document }
        // Only between sections that both name the subject: a first one naming none is `ordered`'s to move.
        guard named(first) > 0, let better = rivals.first(where: { named($0) > named(first) }),
            let index = results.firstIndex(of: better) else { return results }
        var ordered = results
        ordered.insert(ordered.remove(at: index), at: 0)
        return ordered
    }

    /// Whether `result` is the opening paragraph of a document whose title names every word of `wanted`.
    static func isOpening(_ result: RetrievalResult, of wanted: Set<String>) -> Bool {
        result.citation.headingPath.count <= 1
            && wanted.isSubset(of: Set(PolicyExcerpt.contentWords(result.citation.document.replacingOccurrences(of: "-", with: " "))
                .map(ItemClaims.singular)))
    }

    /// The words of the thing asked about when the message asks only whether the chain has it at all ("do u do gift
    /// cards", "can I buy a gift card"), singular; `nil` when it asks more ("…with points").
    static func askedAtAll(_ message: String) -> Set<String>? {
        let words = MessageWords(message)
        guard let asked = AskedOffering.phrase(in: words) ?? AskedPhrase(
            openers: ["can i buy", "can i get", "can u buy", "can we buy", "where can i buy", "how do i buy"],
            closers: [], boundaries: ["for", "with", "at", "in", "and", "or", "online", "here"],
            leading: ["a", "an", "the", "some", "any"]).find(in: words)?.words.joined(separator: " ")
        else { return nil }
        let wanted = Set(PolicyExcerpt.contentWords(asked).map(ItemClaims.singular))
        let rest = Set(PolicyExcerpt.contentWords(message).map(ItemClaims.singular)).subtracting(wanted)
            .subtracting(["buy", "get", "sell", "have", "offer", "stock", "serve", "guy", "guys"])
        return wanted.isEmpty || !rest.isEmpty ? nil : wanted
    }

    /// A denied state's word, and the words a passage states it with.
    private static let deniedStates: [String: [String]] = [
        "unopened": ["opened", "open"], "unused": ["used"], "unworn": ["worn"],
    ]

    /// Whether a heading word and an asked word are one word ("deliver" and "delivery", "refunds" and "refund").
    private static func names(_ result: RetrievalResult, _ asked: Set<String>) -> Bool {
        let headings = PolicyExcerpt.contentWords(([result.citation.document] + result.citation.headingPath)
            .joined(separator: " "))
        return headings.contains { heading in
            asked.contains { word in
                let (short, long) = word.count <= heading.count ? (word, heading) : (heading, word)
                guard short.count >= 3, !generic.contains(short) else { return false }
                return short == long || (short.count >= 5 && long.hasPrefix(short))
            }
        }
    }

    /// Verbs and words too common to say what a section is about: "make" is in "How we make drinks" and in "can you
    /// make it again" (a remake), "bring" in "Bring your own cup" and "can I bring my dog", "use" in "How we use your
    /// data" and "can I use both together", "order" in half the headings and most messages.
    private static let generic: Set<String> = [
        "order", "make", "made", "bring", "take", "want", "need", "have", "give", "work", "help", "like", "come", "find",
        "know", "please", "thing", "place", "would", "could", "should", "about", "when", "where", "what", "which", "your",
        "use", "used", "using", "get", "got", "keep", "send", "tell", "show", "look", "see", "does", "will",
    ]
}
