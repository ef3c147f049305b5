import Foundation

/// "Do you have oat milk?" answered from `PromptContext.offering`: the policy sentence that names it, the shop's items
/// that hold it, or that neither does. An item of the menu asked for by name gets its price where it is sold.
enum OfferingAnswers {
    static func sentences(_ context: PromptContext) -> [String] {
        guard let offering = context.offering else { return [] }
        if let item = context.item, item.shop != nil,
            !Set(MessageWords.fold(item.name)).isDisjoint(with: MessageWords.fold(offering.asked)),
            let price = ItemAnswers.menu(context).first {
            return [price]
        }
        var parts: [String] = []
        if let passage = offering.passage, let source = offering.source { parts.append("\(passage) [\(source)]") }
        if let shop = offering.shop, !offering.items.isEmpty {
            let items = offering.items.map { "\($0.name) (\($0.price))" }.joined(separator: ", ")
            parts.append("At \(shop) there is \(items).")
        }
        if parts.isEmpty {
            let shop = offering.shop ?? "the shops near you"
            parts.append("I can't find \(offering.asked) on the menu at \(shop) or in our policies.")
        }
        return parts
    }

    /// Whether the answer owes the offering its own sentence after the main ask: a main ask about something else
    /// (opening hours, an order) that the menu answer does not already cover.
    static func owed(_ context: PromptContext, primary: Intent, intents: [Intent]) -> Bool {
        context.offering != nil && ![.menu, .dietary].contains(primary) && !primary.isComfort
            && !(AccountTask.leads(context))
    }
}
