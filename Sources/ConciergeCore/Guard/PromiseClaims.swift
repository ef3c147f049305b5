import Foundation

/// Things the answer may never say, whatever the facts: that this chat did or will do something it cannot (e-mail,
/// call, refund, cancel, apply a coupon…; `care.cannot` lists the routes instead), and that an item is free from an
/// allergen (rule 9: the kitchens handle every allergen, so only what a recipe lists may be said).
enum PromiseClaims {
    static let done = #"\b(?:i|we)(?:'ve| have| just| already|'ve just|'ve already)?\s+(?:e-?mailed|sent|texted|messaged|called|phoned|rung|refunded|cancell?ed|applied|added|arranged|booked|reserved|issued|credited|changed|updated|notified|asked|told|contacted|forwarded|escalated|passed|put through|processed|scheduled|set up)\b"#
    static let will = #"\b(?:i|we)(?:'ll| will| am going to|'m going to| are going to|'re going to| can)\s+(?:now\s+)?(?:e-?mail|send|text|message|call|phone|ring|refund|cancel|apply|add|arrange|book|reserve|issue|credit|change|update|notify|remind|contact|let you know|get back to you|follow up|process|schedule)\b"#
    /// Said by the deterministic answer of a hand-off, so allowed when the context has one.
    static let handoffWords = #"\b(?:passed|forwarded|escalated|put through)\b"#

    static let allergens = #"(?:nuts?|peanuts?|tree ?nuts?|gluten|wheat|dairy|milk|lactose|eggs?|soya?|sesame|fish|shellfish|celery|mustard|lupin|allergens?|almonds?|hazelnuts?)"#
    static let freeFrom = #"\b"# + allergens + #"[- ]free\b|\bfree (?:of|from) (?:any |all )?"# + allergens
        + #"\b|\b(?:contains?|has|have) no "# + allergens + #"\b|\b(?:doesn't|does not|don't|do not) (?:contain|have|include) (?:any )?"#
        + allergens + #"\b|\bsafe for (?:you|your allergy|people with|anyone with|nut|coeliac)"#
    /// "we can't promise it is nut-free": a denial is the rule followed, not broken.
    static let denial = #"\b(?:can't|cannot|can not|couldn't|won't|never|not able to|unable to|no way to|isn't|is not|aren't|doesn't|does not|don't|do not|not)\b"#

    /// `facts`: the normalised facts block; a free-from sentence copied from a policy there ("oat milk does not contain
    /// nuts, but…") is the chain's own wording, not the model's promise.
    static func unsupported(in answer: String, context: PromptContext, itemNames: [String], facts: String) -> Set<String> {
        var kinds = Set<String>()
        for sentence in ClaimText.sentences(answer) {
            for clause in ClaimText.clauses(sentence) {
                let text = ClaimText.normalised(clause)
                kinds.formUnion(promises(in: text, context: context))
                // A name such as "Gluten-Free Brownie" names an item; it claims nothing about it.
                var unnamed = text
                for name in itemNames { unnamed = unnamed.replacingOccurrences(of: name.lowercased(), with: " ") }
                if let match = ClaimText.matches(freeFrom, in: unnamed).first,
                    let range = unnamed.range(of: match[0]), !facts.contains(match[0]),
                    !ClaimText.contains(denial, in: String(unnamed[..<range.lowerBound])) {
                    kinds.insert("freefrom")
                }
            }
        }
        return kinds
    }

    static func promises(in clause: String, context: PromptContext) -> Set<String> {
        for match in ClaimText.matches(done, in: clause) + ClaimText.matches(will, in: clause) {
            if context.handoff != nil && ClaimText.contains(handoffWords, in: match[0]) { continue }
            let before = clause.range(of: match[0]).map { String(clause[..<$0.lowerBound]) } ?? ""
            if ClaimText.contains(denial, in: before) { continue }
            return ["promise"]
        }
        return []
    }
}
