import Foundation

/// What the shopper asked of the menu beyond one item, decided in code from the nearest menu: how the suggestions
/// were chosen (in words the answer can repeat), what the menu's data cannot tell, and each thing named or asked for.
public struct MenuFacts: Codable, Hashable, Sendable {
    /// The shop whose menu was read.
    public var shop: String
    /// What the suggestions were chosen by: "sweet (named for …)", "not a meal", "no caffeine", "£5.00 or less".
    public var chosenBy: [String]
    /// Describing words the menu's data cannot decide ("healthy", "to share"): it has no calories or portion sizes.
    public var cannotTell: [String]
    /// `avoid` ("do you have decaf?") or `want` ("something with caffeine").
    public var caffeine: String?
    /// A cap the shopper gave in another currency than the menu's ("under 5 quid" in Mumbai): not applied.
    public var capInOtherCurrency: String?
    /// The message asks whether the shop has something ("do you sell X?", "¿tienen X?").
    public var asksIfSold: Bool
    /// Things named, in the order named.
    public var asked: [AskedThing]
    /// Words asked for that match no item and no kind of thing ("decaf", "oat milk"), for "we don't list X".
    public var unmatched: [String]
    /// The policy sentence that answers what the menu does not ("Any espresso drink can be made with decaf beans."),
    /// with its source. Kept here so that trimming the policies to the token budget never loses it.
    public var policy: String?
    /// Food and a drink were wanted as two things ("something to eat and a cold drink"): the suggestions alternate,
    /// one of each, so an answer names the first two.
    public var twoThings: Bool? = nil
    /// Nothing described fits the diet: the items that are what was described but not the diet ("Christmas drinks"
    /// for a vegan: the Gingerbread Spiced Latte, which lists dairy), so the answer names them and why, not only
    /// "nothing".
    public var unfitting: [ItemFacts]? = nil
    /// The plant milk whose cost was asked ("is the oat milk extra?"): the policy's sentence answers it.
    public var milkCostAsked: String? = nil
    /// The plant milk asked for in a drink ("can I get oat milk in the chai?"): the drink's dairy is its milk, which
    /// any drink can be made without, so it does not rule the drink out.
    public var plantMilkAsked: String? = nil
}

public struct AskedThing: Codable, Hashable, Sendable {
    /// The item's name when named whole, else the shopper's word ("latte").
    public var phrase: String
    /// True when it is one item named whole.
    public var exact: Bool
    /// The items it matches on this menu (at most three; none when the menu does not list it).
    public var items: [ItemFacts]
    /// For a thing not listed: the range the alternatives come from ("bakery"), and the alternatives that fit.
    public var alternativesFrom: String?
    public var alternatives: [ItemFacts]
}

extension MenuFacts {
    static let itemsPerThing = 3
    static let shotWords = ["extra shot", "double shot", "another shot", "more shots", "extra espresso", "an extra shot",
                            "shot of espresso", "additional shot"]
    static let plantMilks = ["oat", "soya", "soy", "almond", "coconut"]
    static let milkDrinks = ["latte", "lattes", "cappuccino", "cappuccinos", "mocha", "cortado", "chai", "matcha",
                             "coffee", "coffees", "americano", "hot chocolate"]

    /// `nil` when the message asks nothing of the menu that one item or a plain list does not already answer.
    static func build(message: String, wish: MenuWish, needs: [DietaryFlag], dietNamed: Bool,
                      near shops: [NearbyShop], policies: [PolicyFacts]) -> MenuFacts? {
        guard let shop = MenuSuggestions.shop(near: shops) else { return nil }
        let found = MenuLookup.find(in: message, menu: shop.menu)
        let asksIfSold = MenuLookup.asksIfSold(message)
        let described = Set(MenuWishReader.kindWords.flatMap(\.1) + MenuWishReader.cheapWords
                            + MenuWishReader.cheapestWords
                            + MenuWishReader.unanswerableWords.flatMap(\.1)
                            + ["decaf", "decaffeinated", "descafeinado", "caffeine", "coffee", "cafe", "menu", "food",
                               "drink", "drinks", "eat"])
        // "Do you have anything sweet?" describes; only a thing named and not found is "not listed".
        // "¿tienen leche de almendra?" is asked in the words the menu and the policies use: "almond milk".
        let unmatched = asksIfSold && found.isEmpty && !dietNamed && wish.isEmpty
            ? AskedOffering.english(MenuLookup.askedWords(message).filter { !described.contains($0) })
                .split(separator: " ").map(String.init) : []
        let cap = wish.priceCap.flatMap { $0.currency == nil || $0.currency == shop.currency ? nil : $0.currency }
        // One item named whole is the item answer's (`AskedItem`); a word that names several ("latte") is answered here.
        // So does a kind of thing it does not list ("how much is a bagel?"), answered with what it lists instead.
        let namesAKind = found.count == 1 && !found[0].exact && (!found[0].items.isEmpty || found[0].alternativeCategory != nil)
        let words = MessageWords(message)
        // "Is the oat milk extra?", "do you charge for soya?": the price of the milk, not of a drink.
        let milkCost = found.isEmpty && Self.plantMilks.contains(where: words.set.contains)
            && words.containsAny(["extra", "charge", "charged", "cost", "costs", "price", "pay", "more", "surcharge"])
        // "Hot chocolate with soya milk pls": one drink named whole, with a plant milk for it.
        let drinkWithPlantMilk = found.count == 1 && found[0].exact && words.set.contains("milk")
            && Self.plantMilks.contains(where: words.set.contains)
        guard !wish.isEmpty || found.count > 1 || namesAKind || milkCost || drinkWithPlantMilk
            || (asksIfSold && !(found.isEmpty && unmatched.isEmpty))
        else { return nil }
        let asked = found.map { thing in
            // A drink of a listed kind that the menu does not list: not listed, and the kind's items are the alternatives.
            if let variety = thing.variety {
                return AskedThing(phrase: variety + " " + thing.phrase, exact: false, items: [],
                                  alternativesFrom: MenuLookup.plural(thing.phrase),
                                  alternatives: thing.items.prefix(itemsPerThing).map { MenuSuggestions.facts($0, shop: shop) })
            }
            return AskedThing(
                phrase: thing.phrase, exact: thing.exact,
                items: thing.items.prefix(itemsPerThing).map { MenuSuggestions.facts($0, shop: shop) },
                alternativesFrom: thing.items.isEmpty ? thing.alternativeCategory : nil,
                alternatives: thing.items.isEmpty ? alternatives(in: thing.alternativeCategory, shop: shop, needs: needs,
                                                                 wish: wish) : [])
        }
        let noSugar = words.containsAny(MenuWishReader.noSugar)
        // "Are your oat milk lattes vegan?": the menu lists its drinks with dairy milk; the policy says which milks any
        // drink can be made with.
        // "An oat latte" asks for the milk as much as "oat milk" does.
        let plantMilk = Self.plantMilks.first { words.set.contains($0) }.flatMap { plant in
            milkCost || words.set.contains("milk") || words.containsAny(Self.milkDrinks.map { "\(plant) \($0)" })
                ? [plant, "milk"] : nil
        }
        let policyWords = found.isEmpty && !unmatched.isEmpty ? unmatched : wish.caffeine == .avoid ? ["decaf"]
            : noSugar ? ["sugar", "free"] : plantMilk ?? []
        // "Extra hot" is the drink-quality policy's ("Ask for extra hot and we heat the milk to about 80 °C").
        let extraHot = words.contains(phrase: "extra hot") ? OfferedSentence.quote(naming: ["extra", "hot"], in: policies) : nil
        // "Can I get an extra shot in my latte?": the sentence on shots, before whether the drink is on the menu.
        // "The strongest coffee": an extra shot makes any of them stronger.
        let extraShot = words.containsAny(Self.shotWords) || wish.kinds.contains(.strong) ? OfferedSentence.quote(naming: ["extra", "shot"], in: policies) : nil
        // A vegan asking for a plant milk: the milk is not all of a drink (syrups, toppings).
        let toppings = plantMilk != nil && needs.contains(.vegan)
            ? OfferedSentence.quote(naming: ["syrups", "vegan"], in: policies) : nil
        let quoted = [extraShot, extraHot, OfferedSentence.quote(naming: policyWords, in: policies), toppings]
            .compactMap { $0 }
        var facts = MenuFacts(shop: shop.name, chosenBy: chosenBy(wish, shop: shop), cannotTell: wish.unanswerable,
                              caffeine: wish.caffeine?.rawValue, capInOtherCurrency: cap, asksIfSold: asksIfSold,
                              asked: asked, unmatched: unmatched,
                              policy: quoted.isEmpty ? nil : quoted.joined(separator: " "),
                              twoThings: wish.pair == nil ? nil : true)
        facts.unfitting = unfitting(wish, shop: shop, needs: needs)
        if milkCost { facts.milkCostAsked = plantMilk?.first }
        if !milkCost, let plant = plantMilk?.first, quoted.contains(where: { $0.contains("milk") }) {
            facts.plantMilkAsked = plant
        }
        return facts
    }

    /// The items of the kinds described that the diet rules out, when no item of those kinds fits it.
    private static func unfitting(_ wish: MenuWish, shop: Shop, needs: [DietaryFlag]) -> [ItemFacts]? {
        guard !wish.kinds.isEmpty, !needs.isEmpty, wish.pair == nil else { return nil }
        let described = shop.menu.filter { item in wish.kinds.allSatisfy { $0.fits(item) } && wish.allows(item, in: shop) }
        guard !described.isEmpty, !described.contains(where: { DietaryRules.allows($0.tags, for: needs) }) else { return nil }
        return described.sorted { ($0.priceMinor, $0.sku) < ($1.priceMinor, $1.sku) }.prefix(2)
            .map { MenuSuggestions.facts($0, shop: shop) }
    }

    /// "Do you sell beans?": the item asked for leads the suggestions (and so the next step) when it fits the diet.
    func leading(_ suggestions: [ItemFacts], needs: [DietaryFlag]) -> [ItemFacts] {
        guard asksIfSold, let asked = asked.lazy.flatMap(\.items).first(where: {
            DietaryRules.allows($0.tags.compactMap(ItemTag.init(rawValue:)), for: needs)
        }) else { return suggestions }
        return Array(([asked] + suggestions.filter { $0.name != asked.name }).prefix(max(1, suggestions.count)))
    }

    private static func alternatives(in category: String?, shop: Shop, needs: [DietaryFlag],
                                     wish: MenuWish) -> [ItemFacts] {
        guard let category else { return [] }
        return shop.menu
            .filter { $0.category == category && DietaryRules.allows($0.tags, for: needs) && wish.allows($0, in: shop) }
            .sorted { ($0.priceMinor, $0.sku) < ($1.priceMinor, $1.sku) }
            .prefix(itemsPerThing).map { MenuSuggestions.facts($0, shop: shop) }
    }

    private static func chosenBy(_ wish: MenuWish, shop: Shop) -> [String] {
        // Two things wanted: "food or cold drinks", not "drinks, food and cold drinks".
        var rules = wish.pair.map { pair in
            [ItemAnswers.list(pair.food.kinds.map(\.rule), joinedBy: "and") + " or "
                + (pair.drink.kinds.contains(.cold) ? MenuKind.cold.rule
                   : ItemAnswers.list(pair.drink.kinds.map(\.rule), joinedBy: "and"))]
        } ?? wish.kinds.map(\.rule)
        rules += wish.notKinds.map(\.notRule)
        switch wish.caffeine {
        case .avoid?: rules.append("with no caffeine listed")
        case .want?: rules.append("with caffeine")
        case nil: break
        }
        if let cap = wish.priceCap, cap.currency == nil || cap.currency == shop.currency {
            rules.append(Money.format(cap.minor, currency: shop.currency) + " or less")
        }
        if wish.cheap { rules.append("from the budget price range") }
        if wish.cheapest { rules.append("by the lowest price") }
        return rules
    }
}
