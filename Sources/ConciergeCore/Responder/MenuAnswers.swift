import Foundation

/// Menu answers about what was asked (`PromptContext.menu`): "do you sell X?" answered yes or no from the menu or the
/// policy, two items compared from their tags, and suggestions steered by what the shopper described, saying what
/// they were chosen by and what the menu's data cannot tell. Every name and price is copied from the context.
enum MenuAnswers {
    static let compareWords = ["difference", "diff", "diffrence", "differnce", "vs", "versus", "compare", "compared",
                               "between", "or", "better", "diferencia", "farak", "fark", "which"]

    /// `nil` when the message asks nothing of the menu that the plain item or list answers do not already cover.
    static func answer(_ context: PromptContext, message: String) -> [String]? {
        guard let menu = context.menu else { return nil }
        let named = menu.asked.filter { $0.exact || !$0.items.isEmpty }
        // "Can I get an extra shot in my latte?": how a drink is made is the policy's to say, first.
        if MessageWords(message).containsAny(MenuFacts.shotWords), let quoted = menu.policy {
            return [quoted] + sold(menu, context).filter { $0 != quoted }
        }
        // "Hot chocolate with soya milk pls": the drink is had with that milk, as "can I get oat milk in the chai?" is;
        // not whether its recipe lists soy, nor "it isn't vegan" for the dairy milk swapped out.
        // (A diet asked of them, "are your oat milk lattes vegan?", is answered item by item below.)
        let milkSwap = menu.plantMilkAsked != nil && context.slots.diet.isEmpty && !menu.asked.isEmpty
            && menu.asked.allSatisfy { $0.exact && !$0.items.isEmpty }
        if menu.asksIfSold || milkSwap, !menu.asked.isEmpty || !menu.unmatched.isEmpty {
            return sold(menu, context) + allergyNote(menu.asked.flatMap(\.items), context)
        }
        // "Is the oat milk extra?": the policy's sentence on plant milks says what they cost.
        if menu.milkCostAsked != nil, menu.asked.isEmpty, let quoted = menu.policy { return [quoted] }
        let comparing = MessageWords(message).containsAny(compareWords) || context.intents.first == "menu"
        if menu.asked.count > 1, !named.isEmpty, comparing {
            let cheaper = MessageWords(message).containsAny(priceWords) ? cheaperOne(menu) : []
            return cheaper + compared(menu, context) + allergyNote(menu.asked.flatMap(\.items), context)
        }
        // "How much is a latte?": no one item is a latte; the ones named for it are listed with their prices.
        if menu.asked.count == 1, let thing = menu.asked.first, !thing.exact, !thing.items.isEmpty,
            context.item?.shop == nil {
            // "Are your oat milk lattes vegan?": the diet asked of each, not the list alone.
            if !context.slots.diet.isEmpty { return kindFits(thing, menu, context) }
            return compared(menu, context) + allergyNote(thing.items, context)
        }
        // "What's in the pumpkin spice latte?", "how much is a bagel?": a thing the menu does not list, with what it does.
        // "Is paneer sandwich veg?": the sandwich there is, and whether it fits what the shopper asked or has on file.
        // With nothing of its range left by what they described ("the breakfast burrito"), what was chosen for that.
        if menu.asked.count == 1, let thing = menu.asked.first, thing.items.isEmpty, context.item?.shop == nil,
            !thing.alternatives.isEmpty || (thing.alternativesFrom != nil && !context.suggestions.isEmpty) {
            let others = thing.alternatives.isEmpty ? nearest(context) : alternatives(thing)
            return [notListed(article(thing.phrase), menu: menu) + others] + thing.alternatives.compactMap { clash($0, context) }
                + allergyNote(thing.alternatives, context)
        }
        // One item asked about ("is the flat white cheap?") is the item answer's.
        guard context.item?.shop == nil,
            !menu.chosenBy.isEmpty || !menu.cannotTell.isEmpty || menu.capInOtherCurrency != nil else { return nil }
        return described(menu, context)
    }

    // MARK: Do you sell X?

    private static func sold(_ menu: MenuFacts, _ context: PromptContext) -> [String] {
        var parts: [String] = []
        for thing in menu.asked {
            if !thing.items.isEmpty {
                let listed = ItemAnswers.list(thing.items.map(priced), joinedBy: "and")
                let clashes = thing.items.compactMap { clash($0, context, milkSwapped: menu.plantMilkAsked != nil) }
                // "Gluten free bread?": "Yes, … Banana Bread. Banana Bread lists gluten." said yes to what it lacks.
                if clashes.count == thing.items.count {
                    parts.append("\(menu.shop) has \(listed), but none that fits:")
                } else {
                    parts.append("Yes, \(menu.shop) has \(listed).")
                }
                parts += clashes
            } else {
                parts.append(notListed(article(thing.phrase), menu: menu)
                             + (thing.alternatives.isEmpty && menu.asked.count == 1 ? nearest(context) : alternatives(thing)))
                parts += thing.alternatives.compactMap { clash($0, context) }
            }
        }
        // "Do you have oat milk for the cold brew?", "extra hot oat latte": the item, then the policy's sentence.
        if !menu.asked.isEmpty, let quoted = menu.policy { parts.append(quoted) }
        if menu.asked.isEmpty, !menu.unmatched.isEmpty {
            let words = menu.unmatched.joined(separator: " ")
            // The sentence found among every passage retrieved, also those judged weak for the whole message (a
            // Spanish message matches the policies' words only through its glossed ones).
            if let quoted = menu.policy ?? context.offering.flatMap({ offering in
                offering.passage.flatMap { passage in offering.source.map { "\(passage) [\($0)]" } }
            }) {
                parts.append(quoted)
            } else {
                parts.append(notListed(words, menu: menu) + nearest(context))
            }
        }
        return parts
    }

    private static func notListed(_ phrase: String, menu: MenuFacts) -> String {
        "We don't list \(phrase) on the menu at \(menu.shop)"
    }

    private static func alternatives(_ thing: AskedThing) -> String {
        guard let from = thing.alternativesFrom, !thing.alternatives.isEmpty else { return "." }
        return "; from the \(range(from)) there's \(ItemAnswers.list(thing.alternatives.map(priced), joinedBy: "and"))."
    }

    private static func nearest(_ context: PromptContext) -> String {
        guard !context.suggestions.isEmpty else { return "." }
        return "; you could try \(ItemAnswers.list(context.suggestions.map(priced), joinedBy: "or")) instead."
    }

    static let priceWords = ["cheaper", "cheapest", "expensive", "costs less", "cost less", "pricier", "sasta", "barato"]

    /// "Which is cheaper, a flat white or a cappuccino?": the cheaper of the items named whole, said first.
    private static func cheaperOne(_ menu: MenuFacts) -> [String] {
        let items = menu.asked.filter(\.exact).compactMap(\.items.first)
        let priced = items.compactMap { item in Int(item.price.filter(\.isNumber)).map { (item, $0) } }
        guard priced.count == 2, priced.count == items.count else { return [] }
        let (a, b) = (priced[0], priced[1])
        if a.1 == b.1 { return ["\(a.0.name) and \(b.0.name) cost the same (\(a.0.price))."] }
        let (low, high) = a.1 < b.1 ? (a.0, b.0) : (b.0, a.0)
        return ["\(low.name) (\(low.price)) is cheaper than \(high.name) (\(high.price))."]
    }

    // MARK: A kind asked about with a diet

    /// "Of the lattes at Lakeside Café, none is vegan as listed: …", then the policy's sentence on how they can be made
    /// (plant milks), then the allergens note: each item answered from its own tags, nothing called free of anything.
    private static func kindFits(_ thing: AskedThing, _ menu: MenuFacts, _ context: PromptContext) -> [String] {
        let plural = MenuLookup.plural(thing.phrase)
        var parts: [String] = []
        for need in ItemAnswers.needs(context) where need != "caffeine" {
            let diet = ["vegan", "vegetarian"].contains(need)
            let fits = thing.items.filter { item in
                diet ? item.tags.contains(need) || (need == "vegetarian" && item.tags.contains("vegan"))
                    : !item.tags.contains(need)
            }
            let other = thing.items.filter { item in !fits.contains(item) }
            let fitting = ItemAnswers.list(fits.map(priced), joinedBy: "and")
            let rest = ItemAnswers.list(other.map(priced), joinedBy: "and")
            if diet {
                parts.append(fits.isEmpty ? "None of the \(plural) at \(menu.shop) is \(need) as listed: \(rest)."
                    : other.isEmpty ? "The \(plural) at \(menu.shop) are \(need): \(fitting)."
                    : "Of the \(plural) at \(menu.shop), \(fitting) \(fits.count == 1 ? "is" : "are") \(need); "
                        + "\(rest) \(other.count == 1 ? "isn't" : "aren't").")
            } else {
                if !other.isEmpty { parts.append("\(rest) \(other.count == 1 ? "lists" : "list") \(need).") }
                if !fits.isEmpty { parts.append("\(fitting) \(fits.count == 1 ? "doesn't" : "don't") list \(need) in the recipe.") }
            }
        }
        if let quoted = menu.policy { parts.append(quoted) }
        return parts + [ItemAnswers.confirmWithStaff]
    }

    // MARK: Two items compared

    private static func compared(_ menu: MenuFacts, _ context: PromptContext) -> [String] {
        var parts: [String] = []
        for thing in menu.asked {
            if thing.exact, let item = thing.items.first {
                parts.append(describe(item))
            } else if !thing.items.isEmpty {
                // "latte" names no one item: the ones named for it, not a recipe for "a latte".
                parts.append("We don't list a plain \(thing.phrase); the \(MenuLookup.plural(thing.phrase)) on the menu at \(menu.shop) are "
                             + ItemAnswers.list(thing.items.map(priced), joinedBy: "and") + ".")
            } else {
                parts.append(notListed(article(thing.phrase), menu: menu) + ".")
            }
        }
        // Two items described from their tags: the tags are all there is, so no recipe is implied beyond them.
        if menu.asked.contains(where: \.exact) {
            parts.append("That's what the menu lists for each; I don't have their recipes beyond it.")
        }
        return parts
    }

    /// "Flat White (£3.40) is a hot drink that lists dairy and caffeine; it is vegetarian, not vegan."
    static func describe(_ item: ItemFacts) -> String {
        let tags = Set(item.tags)
        let temperature = tags.contains("hot") ? "hot " : tags.contains("cold") ? "cold " : ""
        let drink = item.name.range(of: "Latte|Tea|Water|Brew|Espresso|White|Cappuccino|Chocolate|Lemonade|Smoothie|Frapp",
                                    options: .regularExpression) != nil
        let kind = tags.isEmpty ? "item" : drink ? "drink" : "food item"
        let listed = AskedItemFinder.allergenTags.filter { tags.contains($0.0.rawValue) }.map(\.1)
            + (tags.contains("caffeine") ? ["caffeine"] : [])
        let contents = listed.isEmpty ? "that lists no common allergens or caffeine"
            : "that lists \(ItemAnswers.list(listed, joinedBy: "and"))"
        let diet = tags.contains("vegan") ? "it is vegan" : tags.contains("vegetarian") ? "it is vegetarian, not vegan"
            : tags.isEmpty ? "" : "it is neither vegan nor vegetarian"
        let tail = diet.isEmpty ? "" : "; \(diet)"
        return "\(item.name) (\(item.price)) is a \(temperature)\(kind) \(contents)\(tail)."
    }

    // MARK: Described

    private static func described(_ menu: MenuFacts, _ context: PromptContext) -> [String] {
        var parts: [String] = []
        if let other = menu.capInOtherCurrency {
            parts.append("Prices at \(menu.shop) aren't in \(other), so I haven't applied that limit.")
        }
        // The policy's sentence about decaf or sugar-free ("Sugar-free vanilla and caramel syrups…") comes first.
        if let quoted = menu.policy { parts.append(quoted) }
        let asked = ItemAnswers.needs(context).filter { $0 != "caffeine" }
        let diet = asked.isEmpty ? [] : ["for " + ItemAnswers.list(asked.map(ItemAnswers.describe), joinedBy: "and")]
        let rules = menu.chosenBy + diet
        // "What's healthy?" with nothing else asked: the data cannot tell, so no list is passed off as the answer.
        if !menu.chosenBy.isEmpty {
            parts.append(context.suggestions.isEmpty
                ? "Nothing on the menu at \(menu.shop) is \(ItemAnswers.list(rules, joinedBy: "and"))."
                : "At \(menu.shop), chosen as \(ItemAnswers.list(rules, joinedBy: "and")): "
                    + ItemAnswers.list(context.suggestions.map(priced), joinedBy: "and") + ".")
        }
        // "Christmas drinks?" for a vegan: what there is of that kind, and why it does not fit.
        if context.suggestions.isEmpty, let unfitting = menu.unfitting, !unfitting.isEmpty,
            !menu.chosenBy.isEmpty, !rules.isEmpty {
            // "Leaving the vegan diet aside, there's …" (it read "Chosen as from the seasonal menu only: …").
            let left = asked.map { need in
                let described = ItemAnswers.describe(need)
                return described.hasPrefix("a ") ? "the " + described.dropFirst(2) : described
            }
            parts.append("Leaving \(ItemAnswers.list(left, joinedBy: "and")) aside, there's "
                         + ItemAnswers.list(unfitting.map(priced), joinedBy: "and") + ".")
            parts += unfitting.compactMap { clash($0, context) }
        }
        // "What's your most popular drink?": no sales figures here, said before what the menu has instead.
        if menu.cannotTell.contains(MenuWishReader.popular) {
            parts.insert("I can't see what sells most, so I can't tell you what's most popular.", at: 0)
        }
        let nutrition = menu.cannotTell.filter { $0 != MenuWishReader.popular }
        if !nutrition.isEmpty {
            parts.append("The menu I can see doesn't say what's \(ItemAnswers.list(nutrition)) (no calories or "
                         + "portion sizes here); calories are shown for every item on the menu boards.")
        }
        if menu.chosenBy.contains(MenuKind.light.rule) {
            parts.append("I can't see calories, so 'not a meal' is as close as I can get to light.")
        }
        return parts + allergyNote(context.suggestions, context)
    }

    // MARK: Helpers

    /// "Almond Croissant lists nuts." for an allergy on file or named, "Butter Croissant isn't vegan." for a diet.
    /// Why an item does not fit the shopper's needs, `nil` when nothing rules it out. With a plant milk asked for in a
    /// drink (`milkSwapped`), its dairy is the milk swapped: that alone rules it out of nothing (whether the rest of it
    /// is vegan, syrups and toppings, the policy's sentence says).
    static func clash(_ item: ItemFacts, _ context: PromptContext, milkSwapped: Bool = false) -> String? {
        let needs = ItemAnswers.needs(context)
        let swapped = milkSwapped && item.tags.contains("dairy") && (item.tags.contains("hot") || item.tags.contains("cold"))
        let allergens = AskedItemFinder.allergenTags.filter { needs.contains($0.1) && item.tags.contains($0.0.rawValue) }
            .map(\.1).filter { !(swapped && $0 == "dairy") }
        if !allergens.isEmpty { return "\(item.name) lists \(ItemAnswers.list(allergens, joinedBy: "and"))." }
        if swapped, item.tags.contains("vegetarian") { return nil }
        if needs.contains("vegan"), !item.tags.isEmpty, !item.tags.contains("vegan") {
            return item.tags.contains("dairy") ? "\(item.name) lists dairy, so it isn't vegan." : "\(item.name) isn't vegan."
        }
        if needs.contains("vegetarian"), !item.tags.isEmpty, item.tags.allSatisfy({ !["vegan", "vegetarian"].contains($0) }) {
            return "\(item.name) isn't vegetarian."
        }
        return nil
    }

    private static func priced(_ item: ItemFacts) -> String { "\(item.name) (\(item.price))" }

    private static func article(_ phrase: String) -> String {
        phrase.hasSuffix("s") ? phrase : ("aeiou".contains(phrase.prefix(1)) ? "an " : "a ") + phrase
    }

    private static func range(_ category: String) -> String {
        switch category {
        case "hot-drinks": "hot drinks"
        case "cold-drinks": "cold drinks"
        case "hot-food", "food": "food range"
        default: category
        }
    }

    /// Allergy answers end by asking to confirm with staff; nothing is called free of anything.
    private static func allergyNote(_ items: [ItemFacts], _ context: PromptContext) -> [String] {
        let allergens = ItemAnswers.needs(context)
            .filter { ["nuts", "dairy", "gluten", "egg", "soy", "sesame"].contains($0) }
        return allergens.isEmpty ? [] : [ItemAnswers.confirmWithStaff]
    }
}
