import Foundation

/// "X is open", "X is closed" and the hours said of a named shop, against that shop's own facts. A claim belongs to
/// the shop named in its clause, or the one named last before it in the sentence ("…Night Owl Coffee, which is
/// open"); with no shop named it only has to be true of some shop in the context, so a sentence read alone is not
/// flagged for a name another sentence gives.
enum ShopStateClaims {
    static let openClaim = #"\b(?:is|are|'s|still|stays|now|currently)\s+(?:still\s+|now\s+)?open\b|\bopen\s+(?:now|until|till|til|today|tonight|right now|at the moment)\b"#
    static let closedClaim = #"\b(?:closed|shut|isn't open|is not open|not open|has closed)\b"#
    /// From a condition's word to the clause's end: "when it is open again", "once it opens", "if it's still open".
    static let conditional = #"\b(?:when|whenever|once|if|as soon as)\b.*$"#
    /// A clause about another day states no current status ("tomorrow it's open 7 am to 6 pm").
    /// So does one about a clock time asked ("Lakeside Café today: not open at 00:00").
    static let otherDay = #"\b(?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|every day|weekends?)\b|\bopen at \d{1,2}[:.]\d{2}\b"#

    static func unsupported(in answer: String, context: PromptContext) -> Set<String> {
        var kinds = Set<String>()
        // A sentence about another day states no current status ("X tomorrow (Sunday): closed all day").
        for sentence in ClaimText.sentences(answer) {
            let aboutAnotherDay = ClaimText.contains(otherDay, in: sentence.lowercased())
            var shop: ShopFacts?
            for clause in ClaimText.clauses(sentence) {
                if let named = context.shops.filter({ clause.contains($0.name) }).max(by: {
                    (clause.range(of: $0.name)?.lowerBound ?? clause.startIndex) < (clause.range(of: $1.name)?.lowerBound
                        ?? clause.startIndex)
                }) {
                    shop = named
                }
                let text = ClaimText.normalised(clause)
                if !aboutAnotherDay { kinds.formUnion(state(in: text, shop: shop, context: context)) }
                kinds.formUnion(hours(in: text, shop: shop))
            }
        }
        return kinds
    }

    /// An open or closed claim that contradicts the shop's status (or, unnamed, every shop's).
    static func state(in clause: String, shop: ShopFacts?, context: PromptContext) -> Set<String> {
        // Unnamed, only a claim about a shop counts: "the window to report problems closed…" is about something else.
        guard shop != nil || ClaimText.contains(#"\b(?:shops?|stores?|caf[eé]s?|branch(?:es)?|we're|we are)\b"#, in: clause)
        else { return [] }
        // "Come by when Lakeside Café is open again": a condition states no current status.
        let stated = ClaimText.replace(conditional, in: clause, with: " ")
        let saysClosed = ClaimText.contains(closedClaim, in: stated)
        let saysOpen = !saysClosed && ClaimText.contains(openClaim, in: stated)
        guard saysOpen || saysClosed else { return [] }
        let candidates = shop.map { [$0] } ?? context.shops
        return candidates.contains { $0.isOpen == saysOpen } ? [] : ["open"]
    }

    /// A clock time said about a named shop's hours must be one of that shop's own times (its status or the hours
    /// asked about), not another shop's or an order's.
    static func hours(in clause: String, shop: ShopFacts?) -> Set<String> {
        guard let shop, ClaimText.contains(#"\b(?:open|opens|close|closes|closing|until|till|shut)\b"#, in: clause)
        else { return [] }
        let own = QuantityFacts(facts: shop.status + " " + (shop.hoursAsked ?? ""), context: nil)
        var rest = ClaimText.replace(QuantityReader.placeholder, in: clause, with: " ")
        let times = QuantityReader().read(&rest).filter { $0.kind == "time" }
        return times.allSatisfy(own.supports) ? [] : ["time"]
    }
}
