import Foundation

/// Whether a model's answer says anything about the shopper's main ask, and says it once. A real model answered
/// "I'm cold." to "I'm cold", "You have 10 points." to a shopper with 1,250, and repeated one citation until the
/// token limit — every claim in those is grounded or absent, so the claim checks let them through. The
/// deterministic answer leads with the fact the main ask needs; a model answer must at least contain it.
/// Judged on the whole answer only, after streaming as well.
enum AnswerCoverage {
    /// `unanswered` when the context holds the main ask's key fact and the answer has none of it; `repetitive` when
    /// a run of four words comes back four times or more.
    static func problems(in answer: String, context: PromptContext) -> Set<String> {
        var found = Set<String>()
        if isRepetitive(answer) { found.insert("repetitive") }
        // Number words and thousands separators read as digits: "one thousand two hundred and fifty points".
        let normalised = ClaimText.normalised(answer)
        if context.choices.isEmpty, let main = context.intents.first, let needed = keyFacts(for: main, context: context),
           !needed.isEmpty,
           !needed.contains(where: { answer.localizedCaseInsensitiveContains($0) || normalised.contains($0.lowercased()) })
        {
            found.insert("unanswered")
        }
        return found
    }

    /// What an answer to `intent` must contain one of, or `nil` when this check has no opinion (the context lacks the
    /// fact, or any wording may answer: greetings, policy questions, hand-offs, complaints).
    static func keyFacts(for intent: String, context: PromptContext) -> [String]? {
        switch intent {
        case "order-status":
            // The order itself (its placeholder id, what was in it) or where it is.
            // A named order id that is not the shopper's is answered by saying so, which any wording may do.
            guard !context.orders.isEmpty, context.orderLookup?.found != false else { return nil }
            return context.orders.flatMap { order in [order.id] + itemNames(order.items) } + [
                "on its way", "on the way", "arrive", "due", "delivered", "courier", "ready", "collected", "preparing",
                "cancelled", "refunded", "in transit", "late", "with you", "minutes",
            ]
        case "loyalty":
            // The balance (compared after normalisation, so "1,250" and number words count).
            return [String(context.shopper.loyaltyPoints)]
        case "offers":
            guard !context.coupons.isEmpty else { return nil }
            return context.coupons.map(\.code)
        case "comfort-cold", "comfort-thirsty", "comfort-hungry", "comfort-tired":
            // Something to have, or where to get it (the deterministic answer leads with the shop).
            guard !context.suggestions.isEmpty || !context.shops.isEmpty else { return nil }
            return context.suggestions.map(\.name) + context.shops.map(\.name)
        // "Open on Christmas Day?": the policy's holiday sentence (or the holiday named) answers it, with no shop named.
        case "open-now" where context.holidayHours != nil:
            return [context.holidayHours!] + context.shops.map(\.name)
                + ["christmas", "new year", "bank holiday", "boxing day", "easter", "holiday"]
        case "open-now", "nearest":
            guard !context.shops.isEmpty else { return nil }
            return context.shops.map(\.name)
        case "dietary":
            return context.item.map { [$0.name] }
        default:
            return nil
        }
    }

    /// "2 × Oat Hot Chocolate, 1 × Vegan Blueberry Muffin" → the item names.
    static func itemNames(_ items: String) -> [String] {
        items.components(separatedBy: ", ")
            .map { $0.replacingOccurrences(of: #"^\d+ × "#, with: "", options: .regularExpression) }
            .filter { !$0.isEmpty }
    }

    /// A run of four words back four times: a model looping until its token limit. (Three words three times is
    /// ordinary: "Oat Hot Chocolate" is named, discounted and suggested in one good answer.)
    static func isRepetitive(_ answer: String) -> Bool {
        let words = answer.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard words.count >= 16 else { return false }
        var seen: [String: Int] = [:]
        for start in 0...(words.count - 4) {
            let run = words[start..<start + 4].joined(separator: " ")
            seen[run, default: 0] += 1
            if seen[run]! >= 4 { return true }
        }
        return false
    }
}
