import Foundation

/// Answers about what a shop offers besides its menu, from the shop's own record (`AmenityFacts`).
enum AmenityAnswers {
    /// The asks an amenity question is read as when nothing else is asked: a general question (retrieval would quote
    /// an unrelated passage), a shop question, off-topic, or a payment ("can I charge my laptop there?"). Next to a
    /// real ask ("is Lakeside open and does it have wifi?") it is a secondary sentence instead.
    /// A menu reading with nothing of the menu asked ("do you have power outlets at Lakeside?") is one too.
    static func leads(_ primary: Intent, _ context: PromptContext) -> Bool {
        if primary == .menu { return context.offering == nil && context.item == nil && context.menu?.asked.isEmpty != false }
        return [.policyQuestion, .offTopic, .nearest, .payment].contains(primary)
    }

    static func sentences(_ context: PromptContext) -> [String] {
        (context.amenities ?? []).map(\.sentence)
    }

    /// What to do next: ask the shop itself when its record does not settle it, else go there when it is open.
    static func nextStep(_ context: PromptContext) -> String? {
        guard let amenities = context.amenities, let asked = amenities.first,
            let shop = context.shops.first(where: { $0.name == asked.shop }) else { return nil }
        if amenities.contains(where: { $0.listed != true }) {
            return "Next step: call \(shop.name) on \(shop.phone) to check before you go."
        }
        return shop.isOpen
            ? "Next step: drop in at \(shop.name); it \(ShopAnswers.statusClause(shop))."
            : "Next step: come by when \(shop.name) is open again (\(shop.status.lowercasedFirst))."
    }
}
