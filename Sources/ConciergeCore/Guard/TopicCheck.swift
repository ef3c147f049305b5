import Foundation

/// An answer that ignores the question: it speaks of another topic (orders, coupons, points, shops, allergens) and
/// says nothing about any of the asks in `intents`. Judged on the whole answer only — one sentence of a good answer
/// may well be about something else.
enum TopicCheck {
    enum Topic: CaseIterable { case shops, orders, offers, loyalty, diet }

    static func topics(of intent: String) -> [Topic] {
        switch intent {
        case "open-now", "nearest", "comfort-cold", "comfort-thirsty", "comfort-hungry", "comfort-tired": [.shops]
        case "menu": [.shops, .diet]
        case "order-status", "order-change", "refund", "complaint": [.orders]
        case "offers": [.offers]
        case "loyalty": [.loyalty]
        case "dietary": [.diet]
        default: []  // greetings, hand-off, policy questions and the rest: any answer may fit
        }
    }

    /// `namesAShop`: the answer names one of the chain's shops (the context may list none).
    static func ignoresTheQuestion(_ answer: String, context: PromptContext, namesAShop: Bool) -> Bool {
        guard context.choices.isEmpty else { return false }
        let asked = Set(context.intents.flatMap(topics))
        guard !asked.isEmpty else { return false }
        var spoken = Set(Topic.allCases.filter { mentions($0, in: answer, context: context) })
        if namesAShop { spoken.insert(.shops) }
        return spoken.isDisjoint(with: asked) && !spoken.isEmpty
    }

    static func mentions(_ topic: Topic, in answer: String, context: PromptContext) -> Bool {
        let text = ClaimText.normalised(answer)
        switch topic {
        case .shops:
            // What to get there is part of where to go: the suggestions are the nearby shops' items.
            return context.shops.contains { answer.contains($0.name) } || context.suggestions.contains { answer.contains($0.name) }
                || ClaimText.contains(#"\b(?:open|opens|closed|closes|closing|hours|nearest|closest|walk)\b"#, in: text)
        case .orders:
            let items = context.orders.flatMap { $0.items.components(separatedBy: ", ") }
                .map { $0.replacingOccurrences(of: #"^\d+ × "#, with: "", options: .regularExpression) }
            // A gift card is a policy's subject, not a payment of an order ("gift card kitne ka milta hai", asked
            // with a price cue, was judged an answer about orders to a question about the menu).
            let text = text.replacingOccurrences(of: #"\bgift[ -]?cards?\b"#, with: " ", options: .regularExpression)
            return items.contains { answer.contains($0) }
                || ClaimText.contains(#"\b(?:orders?|deliver(?:y|ed)?|courier|arriv(?:e|ed|ing)|on (?:its|the) way|refunds?|report|replacement|receipts?|payments?|cards?|sorry|apologi[sz]e|customer care)\b|<order_id_\d+>"#, in: text)
        case .offers:
            return context.coupons.contains { answer.contains($0.code) }
                || ClaimText.contains(#"\b(?:coupons?|offers?|discounts?|deals?|promo(?:tion)?s?|codes?)\b|% off"#, in: text)
        case .loyalty:
            return ClaimText.contains(#"\b(?:points?|rewards?|loyalty)\b"#, in: text)
        case .diet:
            let names = context.suggestions.map(\.name) + [context.item?.name].compactMap { $0 }
            return names.contains { answer.contains($0) }
                || ClaimText.contains(#"\b(?:vegan|vegetarian|allergens?|allerg(?:y|ies)|recipe|nuts?|gluten|dairy|milk|menu)\b"#, in: text)
        }
    }
}
