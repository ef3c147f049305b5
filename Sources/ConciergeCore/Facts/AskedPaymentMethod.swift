import Foundation
import Retrieval

/// "Can I pay with UPI?", "do you take PayPal?", "UPI chalega?": whether a way to pay is one the chain lists. Read from
/// the policies retrieved for the message (the chain's own list of ways to pay), never from a list in code, so a
/// chain that takes UPI says so in its policy and is answered yes.
enum AskedPaymentMethod {
    private static let openers = ["pay with", "pay by", "pay using", "pay via", "pay through", "pay in", "paying with",
                                  "paying by", "do you take", "do you accept", "do u take", "do u accept", "you guys take", "u guys take",
                                  "you take", "you accept", "is it ok to use", "aceptan", "pagar con",
                                  // The way straight after the verb ("can I pay cash?"), tried last.
                                  "can i pay", "can we pay", "can u pay", "could i pay"]
    /// Hinglish puts the verb last: "UPI chalega?".
    private static let closers = ["chalega", "chalta hai", "accept karte", "accept hai", "se pay"]
    private static let boundaries: Set<String> = ["and", "or", "at", "for", "on", "please", "pls", "instead", "online",
                                                  "here", "there", "today", "now", "when", "if", "too", "also", "in",
                                                  "aur", "y", "o", "kya", "to", "payment", "payments"]
    /// Shorthands for ways to pay, in the words a payment policy spells out.
    private static let aliases = ["amex": "american express", "gpay": "google pay", "applepay": "apple pay",
                                  "master card": "mastercard", "giftcard": "gift card", "check": "cheque",
                                  "checks": "cheques", "tap": "contactless", "efectivo": "cash", "tarjeta": "card"]
    private static let leading: Set<String> = ["a", "an", "the", "my", "your", "any", "mi", "el", "la", "mera", "meri"]

    static func find(in message: String, policies: [RetrievalResult]) -> PaymentMethodFacts? {
        guard let asked = phrase(in: MessageWords(message)) else { return nil }
        let wanted = PolicyExcerpt.contentWords(aliases[asked] ?? asked)
        // Only a passage about paying can say whether a way to pay is listed; without one, nothing is claimed.
        let paying = policies.filter(listsWaysToPay)
        guard !wanted.isEmpty, !paying.isEmpty else { return nil }
        // As the shopper wrote it ("UPI", not "upi"), the folded words otherwise.
        let written = message.range(of: asked, options: [.caseInsensitive, .diacriticInsensitive]).map { String(message[$0]) }
        var facts = PaymentMethodFacts(asked: written ?? asked, listed: false)
        // Of the clauses that name it, the one sharing most words with the message: "cash for delivery" is answered
        // by "cash cannot be used for delivery orders", not by "in our shops we also accept cash".
        let said = PolicyExcerpt.contentWords(message)
        var best: (clause: String, passage: Int, shared: Int)?
        for (index, result) in paying.enumerated() {
            let clauses = PolicyExcerpt.sentences(of: result.chunk.text).flatMap { $0.components(separatedBy: "; ") }
            for clause in clauses {
                let words = PolicyExcerpt.contentWords(clause)
                guard wanted.isSubset(of: words) else { continue }
                let shared = words.intersection(said).count
                if shared > best?.shared ?? -1 { best = (clause.trimmingCharacters(in: .whitespaces), index, shared) }
            }
        }
        if let best {
            facts.listed = true
            facts.passage = best.clause.hasSuffix(".") ? best.clause : best.clause + "."
            facts.source = PolicyFacts(result: paying[best.passage], question: asked).source
        }
        return facts
    }

    /// Whether a passage is the chain's list of ways to pay.
    static func listsWaysToPay(_ result: RetrievalResult) -> Bool {
        MessageWords(result.chunk.text).containsAny(["we accept", "ways to pay"])
    }

    /// The way to pay asked about: after an opener, or before a Hinglish closer, up to three words.
    /// "Can I pay for delivery in cash?": cash named anywhere in a question about paying is the way asked about.
    static func phrase(in message: MessageWords) -> String? {
        AskedPhrase(openers: openers, closers: closers, boundaries: boundaries, leading: leading).find(in: message)?
            .words.joined(separator: " ")
            ?? ["cash", "efectivo"].first { message.words.contains($0) && message.containsAny(["pay", "paying", "pagar"]) }
    }
}

/// Whether a way to pay the shopper asked about is one the chain's payment policy lists.
public struct PaymentMethodFacts: Codable, Hashable, Sendable {
    /// As the shopper wrote it ("UPI", "PayPal").
    public var asked: String
    /// True when a retrieved payment passage names it; false when the passages about paying do not.
    public var listed: Bool
    /// The sentence that names it, and its source, when listed.
    public var passage: String?
    public var source: String?
}
