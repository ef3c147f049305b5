import Foundation

/// A question about one item the menu's tags answer besides its diet: whether it is served hot or cold ("ok and is it
/// hot?") and how long a seasonal drink stays on ("whens the gingerbread latte available till"). `nil` when the message
/// asks neither, or names no item a nearby shop sells.
enum ItemQuestionAnswers {
    private static let hotWords: Set<String> = ["hot", "warm", "garam", "caliente"]
    private static let coldWords: Set<String> = ["cold", "iced", "chilled", "thanda", "thandi", "frio", "fria"]
    private static let questionOpeners: Set<String> = ["is", "its", "it", "does", "do", "are", "was", "will", "hot",
                                                       "cold", "kya", "es", "esta"]
    /// How long something is on, in the shopper's words.
    static let untilWords = ["available till", "available until", "available til", "until when", "till when",
                                     "til when", "how long", "still available", "still on", "still around", "still got", "still serving",
                                     "still selling", "still have the", "still do the", "around till",
                                     "around until", "on till", "on until", "kab tak", "hasta cuando", "is it seasonal",
                                     "seasonal", "limited time", "leaving the menu", "when does it end", "end date"]

    /// What is in it: "whats in the berry smoothie", "ingredients of the brownie" (not "made with oat milk").
    static let ingredientWords = ["whats in", "what is in", "what s in", "whats inside", "what goes in", "what goes into",
                                  "ingredients", "ingredient", "made of", "made from", "what is it made", "whats it made",
                                  "isme kya", "ismein kya", "kya dala", "que lleva", "que tiene", "ingredientes"]

    static func asksIngredients(_ message: String) -> Bool {
        let words = MessageWords(message)
        return words.containsAny(ingredientWords) && !words.containsAny(MenuFacts.plantMilks)
    }

    static func answer(_ context: PromptContext, message: String) -> [String]? {
        guard let item = context.item, let shop = item.shop, let price = item.price, context.complaint == nil else {
            return nil
        }
        let words = MessageWords(message)
        let own = MessageWords.fold(item.name)
        var parts: [String]
        if words.containsAny(untilWords) {
            parts = season(item, shop: shop, price: price, context: context)
        } else if asksIngredients(message) {
            // What goes into it matters most to someone with an allergy: staff confirm, whoever asks.
            return [ingredients(item, shop: shop, price: price), ItemAnswers.confirmWithStaff]
        } else if let asked = temperatureAsked(words, besides: own) {
            parts = [served(item, asked: asked, shop: shop, price: price)]
        } else {
            return nil
        }
        if ItemAnswers.hasAllergy(context) { parts.append(ItemAnswers.confirmWithStaff) }
        return parts
    }

    /// "hot" or "cold" when a short question asks whether it is that, "either" when it asks which ("hot or cold?"),
    /// in a word that is not part of the item's own name ("is the hot chocolate hot?" asks once).
    private static func temperatureAsked(_ words: MessageWords, besides own: [String]) -> String? {
        guard words.words.count <= 10,
            words.words.prefix(3).contains(where: questionOpeners.contains) || words.words.contains("or")
                || words.contains(phrase: "served") else {
            return nil
        }
        // The item's own words are taken out once each: "is the hot chocolate hot?" still asks "hot".
        var free = words.words
        for word in own { if let index = free.firstIndex(of: word) { free.remove(at: index) } }
        let hot = free.contains(where: hotWords.contains), cold = free.contains(where: coldWords.contains)
        // "Hot or cold?" asks which: no yes or no.
        if hot && cold { return "either" }
        return hot ? "hot" : cold ? "cold" : nil
    }

    private static func served(_ item: AskedItem, asked: String, shop: String, price: String) -> String {
        guard let served = item.served else {
            return "The menu doesn't say whether \(item.name) (\(price) at \(shop)) is served hot or cold."
        }
        let answer = asked == "either" ? "" : served == asked ? "Yes, " : "No, "
        return "\(answer)\(item.name) (\(price) at \(shop)) is served \(served)."
    }

    /// The menu gives allergens and diets, not recipes: said so, then what it does give.
    private static func ingredients(_ item: AskedItem, shop: String, price: String) -> String {
        let listed = item.contains.isEmpty ? "no common allergens" : ItemAnswers.list(item.contains, joinedBy: "and")
        let diet = item.suits.first.map { " and is \($0)" } ?? ""
        return "The menu doesn't give a full ingredient list for \(item.name) (\(price) at \(shop)). It lists \(listed) "
            + "in its recipe\(diet)."
    }

    private static func season(_ item: AskedItem, shop: String, price: String, context: PromptContext) -> [String] {
        guard item.seasonal == true else {
            return ["\(item.name) (\(price) at \(shop)) is on the regular menu, not a seasonal one."]
        }
        let stocks = OfferedSentence.quote(naming: ["seasonal", "stocks"], in: context.policies)
        return ["\(item.name) (\(price) at \(shop)) is a seasonal drink; the menu doesn't give an end date."]
            + (stocks.map { [$0] } ?? [])
    }
}
