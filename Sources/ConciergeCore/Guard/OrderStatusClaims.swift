import Foundation

/// What the answer says an order's state is ("has been delivered", "on its way", "is late") must be the state of the
/// order it names (its placeholder) or, unnamed, of some order in the context. Conditional talk ("once it has been
/// delivered…", "if it is late…") states nothing and is skipped.
enum OrderStatusClaims {
    /// Phrases of each `OrderStatus` raw value, in the shopper's words.
    static let phrases: [(status: String, pattern: String)] = [
        ("delivered", #"\b(?:has been|was|been|got|is)\s+delivered\b|\b(?:has |have )?arrived\b|\bdropped off\b"#),
        ("in_transit", #"\bon (?:its|the|their) way\b|\bout for delivery\b|\bin transit\b|\bcourier is (?:bringing|on)\b|\bhas left the (?:shop|store|café)\b|\ben route\b"#),
        ("preparing", #"\bbeing (?:prepared|made)\b|\bin preparation\b"#),
        ("cancelled", #"\b(?:has been|was|is|been)\s+cancell?ed\b"#),
        ("refunded", #"\b(?:has been|was|is|been)\s+refunded\b"#),
    ]
    static let late = #"\b(?:is|are|'s|running)\s+(?:running\s+)?(?:late|delayed)\b|\bhas been delayed\b"#
    static let notLate = #"\b(?:isn't|is not|not|aren't|never)\s+(?:running\s+)?late\b|\bon time\b"#
    static let conditional = #"\b(?:if|once|when|whenever|after|before|until|unless)\b"#

    static func unsupported(in answer: String, context: PromptContext) -> Set<String> {
        var kinds = Set<String>()
        for sentence in ClaimText.sentences(answer) {
            let named = context.orders.filter { sentence.contains($0.id) }
            let orders = named.isEmpty ? context.orders : named
            for clause in ClaimText.clauses(sentence) {
                let text = ClaimText.normalised(clause)
                guard !ClaimText.contains(conditional, in: text) else { continue }
                let aboutAnOrder = !orders.isEmpty || ClaimText.contains(#"\border\b|<order_id_\d+>"#, in: text)
                guard aboutAnOrder else { continue }
                for (status, pattern) in phrases where ClaimText.contains(pattern, in: text) {
                    if !orders.contains(where: { $0.status == status }) { kinds.insert("status") }
                }
                if ClaimText.contains(notLate, in: text) {
                    if !orders.contains(where: { !$0.isLate }) { kinds.insert("status") }
                } else if ClaimText.contains(late, in: text), !orders.contains(where: \.isLate) {
                    kinds.insert("status")
                }
            }
        }
        return kinds
    }
}
