import Foundation

/// The policy sentence that answers "do you have X?" when no menu item is named for it: of the retrieved passages'
/// clauses that name every word asked, one saying the chain offers it ("Every drink can be made with oat, soya,
/// almond or coconut milk…") before one that only names it ("Our almond milk contains tree nuts"), the retriever's
/// order otherwise. One rule for both readers of the ask (`AskedOffering` and `MenuFacts`).
enum OfferedSentence {
    /// Words of a clause saying the chain offers something.
    static let offeringWords = ["made with", "we offer", "we serve", "we sell", "available", "we stock",
                                "you can choose", "can ask for", "on request", "at no extra charge", "can be made"]

    /// The chosen clause and the index of the passage it is from; `names` says whether a clause names every word.
    static func find(in passages: [String], names: (String) -> Bool) -> (clause: String, passage: Int)? {
        var naming: [(clause: String, passage: Int)] = []
        for (index, text) in passages.enumerated() {
            // A list is one sentence of items ("Sugar-free syrups…; Any espresso drink can be made with decaf beans;
            // Calories…"): the item that names the words is the answer, not its neighbours.
            let clauses = PolicyExcerpt.sentences(of: text).flatMap { $0.components(separatedBy: "; ") }
            naming += clauses.filter(names).map { ($0.trimmingCharacters(in: .whitespaces), index) }
        }
        let offered = naming.first { found in
            let words = MessageWords(found.clause)
            return offeringWords.contains { words.contains(phrase: $0) }
        }
        return offered ?? naming.first
    }

    /// The first policy sentence that names all of these words, with its source: what answers a "do you have X?" the
    /// menu does not list ("decaf", "oat milk"), or what to bring to a return instead of a lost receipt.
    static func quote(naming words: [String], in policies: [PolicyFacts]) -> String? {
        guard !words.isEmpty,
            let found = find(in: policies.map(\.text), names: { words.allSatisfy(Set(MessageWords.fold($0)).contains) })
        else { return nil }
        let sentence = found.clause.prefix(1).uppercased() + found.clause.dropFirst()
        return (sentence.hasSuffix(".") ? sentence : sentence + ".") + " [\(policies[found.passage].source)]"
    }
}
