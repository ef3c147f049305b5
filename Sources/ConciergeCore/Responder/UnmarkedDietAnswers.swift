import Foundation

/// Diets the menu's tags do not mark (halal, kosher, Jain): said plainly, with the policy's sentence when there is
/// one, never "fit for a halal diet" over items nobody checked for it. What the tags do say (vegetarian) is offered,
/// and the shopper is asked to confirm with staff.
enum UnmarkedDietAnswers {
    /// The diet's word as shoppers type it, and as the answer writes it.
    private static let diets: [(typed: [String], written: String)] = [
        (["halal"], "halal"), (["kosher"], "kosher"), (["jain"], "Jain"),
    ]

    static func answer(_ context: PromptContext, message: String) -> [String]? {
        let words = MessageWords(message)
        guard context.item == nil, let diet = diets.first(where: { words.containsAny($0.typed) }) else { return nil }
        // The policy's own sentence when it has one ("Our food is not halal or kosher certified").
        var parts = [OfferedSentence.quote(naming: [diet.written.lowercased(), "certified"], in: context.policies)
            ?? "Our menu doesn't mark anything as \(diet.written)."]
        // Jain food leaves out onion, garlic and root vegetables, which the menu's tags do not record.
        if diet.written == "Jain" { parts.append("The menu doesn't list onion, garlic or root vegetables either.") }
        let vegetarian = context.suggestions.filter { $0.tags.contains("vegan") || $0.tags.contains("vegetarian") }
        if let shop = vegetarian.first?.shop {
            let names = vegetarian.prefix(3).map { "\($0.name) (\($0.price))" }
            parts.append("The vegetarian items at \(shop) include \(ItemAnswers.list(Array(names), joinedBy: "and")).")
        }
        return parts + [ItemAnswers.confirmWithStaff]
    }
}
