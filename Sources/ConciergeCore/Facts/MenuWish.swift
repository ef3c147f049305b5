import Foundation

/// What a shopper says they want from the menu besides a diet: words that describe it ("sweet", "not too heavy",
/// "breakfast"), caffeine wanted or avoided, and a price cap ("under 5 quid", "cheap"). Read from the message by word
/// lists, in English, Spanish and Hinglish, so the suggestion is steered by what was asked and the answer can say how.
struct MenuWish: Hashable, Sendable {
    enum Caffeine: String, Hashable, Sendable { case avoid, want }

    /// Kinds every suggestion must be (`MenuKind`), in the order the answer names them.
    var kinds: [MenuKind] = []
    /// Kinds no suggestion may be ("not too sweet", "not too heavy" is `.filling` here).
    var notKinds: [MenuKind] = []
    /// Words the menu's data cannot answer ("healthy", "to share"): said honestly, never guessed.
    var unanswerable: [String] = []
    var caffeine: Caffeine?
    var priceCap: PriceCap?
    /// "cheap", "budget": the menu's own budget price tier.
    var cheap = false
    /// "The cheapest drink": the lowest prices of what fits, whatever their tier (the budget tier left out the
    /// Espresso, cheaper than the lemonade it listed).
    var cheapest = false

    /// "Something gluten-free to eat and a cold drink": a kind only food is and a kind only a drink is, wanted as two
    /// things (`nil` when the kinds describe one).
    var pair: (food: MenuWish, drink: MenuWish)? {
        guard kinds.contains(where: MenuKind.foodKinds.contains), kinds.contains(where: MenuKind.drinkKinds.contains)
        else { return nil }
        var food = self
        food.kinds.removeAll(where: MenuKind.drinkKinds.contains)
        var drink = self
        drink.kinds.removeAll(where: MenuKind.foodKinds.contains)
        return (food, drink)
    }

    var isEmpty: Bool {
        kinds.isEmpty && notKinds.isEmpty && unanswerable.isEmpty && caffeine == nil && priceCap == nil && !cheap
            && !cheapest
    }
}

/// A price cap in minor units of whatever currency the menu is priced in, with the currency the shopper named
/// (`nil`: none named, so the shop's own is meant).
struct PriceCap: Hashable, Sendable {
    var minor: Int
    var currency: String?
}

enum MenuWishReader {
    /// The words for each kind. "heavy" is the opposite of light: "not too heavy" rules out the filling kind.
    static let kindWords: [(MenuKind, [String])] = [
        (.sweet, ["sweet", "sweets", "dessert", "treat", "sugary", "meetha", "meethi", "dulce", "postre"]),
        (.light, ["light", "lighter", "small", "halka", "halki", "ligero", "ligera"]),
        (.savoury, ["savoury", "savory", "namkeen", "salado", "salty"]),
        (.filling, ["filling", "heavy", "hearty", "substantial", "proper meal", "a meal", "lunch", "dinner", "bhari",
                    "comida", "almuerzo"]),
        (.breakfast, ["breakfast", "brekkie", "brekky", "nashta", "nasta", "desayuno", "desayunar"]),
        (.snack, ["snack", "snacks", "nibble", "bite", "merienda"]),
        (.drink, ["drink", "drinks", "to drink", "beverage", "peene", "bebida", "beber", "tomar", "thirsty",
                  "parched"]),
        // A dessert is sweet food: not a lemonade.
        (.food, ["to eat", "eat", "food", "khana", "khane", "comer", "hungry", "starving", "peckish", "dessert",
                 "desserts", "postre", "postres"]),
        (.coffee, ["coffee", "coffees"]),
        // "Hot" alone is also the hot chocolate's name.
        (.hot, ["hot drink", "hot drinks", "something hot", "anything hot", "a hot one", "thats hot", "that's hot",
                "served hot", "kuch garam", "garam", "caliente", "bebida caliente",
                // Spanish puts it after the noun: "algo vegano caliente", "cafe caliente", read in English words.
                "vegan hot", "coffee hot", "tea hot", "drink hot"]),
        (.strong, ["strongest", "strong coffee", "strong one", "most caffeine", "kadak", "mas fuerte", "cafe fuerte"]),
        // A plant milk is still milk: "coffee without milk" is not an Oat Flat White.
        (.black, ["black coffee", "coffee without milk", "coffee with no milk", "coffee no milk", "cafe solo",
                  "cafe negro"]),
        // "Cold coffee" is what Indian menus call an iced coffee.
        (.cold, ["cold drink", "cold drinks", "something cold", "iced drink", "chilled drink", "thanda", "thandi",
                 "bebida fria", "algo frio", "cold coffee", "iced coffee", "cold coffees", "iced coffees"]),
        // "Holiday" alone is also the shops' holiday hours.
        (.seasonal, ["seasonal", "christmas", "xmas", "festive", "winter special", "winter specials",
                     "holiday drink", "holiday drinks", "holiday menu", "limited edition", "navidad", "navideno"]),
    ]
    /// Descriptions the menu's data cannot decide: it has no calories, nutrition or portion sizes.
    static let unanswerableWords: [(String, [String])] = [
        ("healthy", ["healthy", "healthier", "nutritious", "low calorie", "low cal", "saludable", "sano", "sana"]),
        ("to share", ["to share", "for sharing", "sharing", "share", "compartir"]),
        // Nor sales: nothing in the data says what sells most.
        (MenuWishReader.popular, ["popular", "best seller", "bestseller", "best selling", "bestselling", "most ordered",
                                  "sells most", "sells the most", "people usually get", "everyone gets"]),
    ]
    static let popular = "most popular"
    static let avoidCaffeine = ["decaf", "decafe", "decaffeinated", "descafeinado", "descafeinada", "caffeine free",
                                "no caffeine", "without caffeine", "less caffeine", "avoid caffeine", "avoiding caffeine",
                                "off caffeine", "cut caffeine", "non caffeinated", "sin cafeina", "bina caffeine",
                                "not caffeine", "no coffee", "without coffee", "avoid coffee"]
    static let wantCaffeine = ["need caffeine", "with caffeine", "caffeine kick", "caffeinated", "some caffeine",
                               "a caffeine", "have caffeine", "has caffeine", "contain caffeine", "more caffeine"]
    static let cheapWords = ["cheap", "cheapest", "budget", "inexpensive", "affordable", "sasta", "sasti", "barato",
                             "barata", "economico", "economica"]
    static let cheapestWords = ["cheapest", "least expensive", "lowest price", "lowest priced", "sabse sasta",
                                "sabse sasti", "mas barato", "mas barata"]
    static let noSugar = ["without sugar", "no sugar", "sugar free", "sugarfree", "low sugar", "less sugar", "diabetic",
                          "diabetes", "sin azucar", "bina cheeni", "bina chini"]
    private static let negations: Set<String> = ["not", "no", "nothing", "without", "non", "nahi", "nahin", "sin", "ni"]

    /// Long words of the phrases below that shoppers misspell on phones ("anythng without cafeine"): a word one
    /// letter from one of them reads as it, so the phrase still matches.
    private static let respelled = ["caffeine", "anything", "something", "without", "decaffeinated"]

    /// Words between a negation and a kind that leave it denied ("not too sweet", "nothing very heavy").
    static let strengthening: Set<String> = ["too", "very", "so", "overly", "really", "that", "a", "super", "mas",
                                            "muy", "zyada", "bahut", "kuch", "something", "anything", "else"]

    static func respell(_ words: MessageWords) -> MessageWords {
        let fixed = words.words.map { word in
            // Two letters swapped is two edits away: the one shoppers make most is spelt out.
            if word == "caffiene" { return "caffeine" }
            guard word.count >= 6, !MessageWords.notTypos.contains(word) else { return word }
            return respelled.first { $0 != word && abs($0.count - word.count) <= 1 && EditDistance.isAtMostOne(word, $0) }
                ?? word
        }
        return fixed == words.words ? words : MessageWords(fixed.joined(separator: " "))
    }

    static func read(_ message: String) -> MenuWish {
        let words = respell(MessageWords(message))
        var wish = MenuWish()
        for (kind, phrases) in kindWords {
            guard let at = position(of: phrases, in: words) else { continue }
            // "not too heavy", "nothing sweet": the word names what they do not want.
            // "Without caffeine that's hot" denies the caffeine, not the heat: a negation two words back counts
            // only across a word that strengthens ("not too sweet").
            let negated = at >= 1 && negations.contains(words.words[at - 1])
                || at >= 2 && negations.contains(words.words[at - 2]) && Self.strengthening.contains(words.words[at - 1])
            switch (kind, negated) {
            case (.filling, true): if !wish.kinds.contains(.light) { wish.kinds.append(.light) }
            case (_, true): wish.notKinds.append(kind)
            case (_, false): if !wish.kinds.contains(kind) { wish.kinds.append(kind) }
            }
        }
        // "The strongest coffee" is a coffee already: said once.
        if wish.kinds.contains(.strong) || wish.kinds.contains(.black) { wish.kinds.removeAll { $0 == .coffee } }
        if wish.kinds.contains(.strong) { wish.kinds.removeAll { $0 == .black } }
        // "Without sugar for my diabetic dad": nothing sweet is suggested (the sugar-free syrups answer the ask itself).
        if words.containsAny(noSugar), !wish.notKinds.contains(.sweet) {
            wish.kinds.removeAll { $0 == .sweet }
            wish.notKinds.append(.sweet)
        }
        wish.unanswerable = unanswerableWords.filter { words.containsAny($0.1) }.map(\.0)
        // "Can't live without coffee" wants it, whatever "without coffee" says alone.
        let cannotGoWithout = words.containsAny(["live without", "do without", "survive without", "function without"])
        if !cannotGoWithout,
            words.containsAny(avoidCaffeine) || words.containsLoosely("decaffeinated") || avoidsCaffeine(words) {
            wish.caffeine = .avoid
        } else if cannotGoWithout || words.containsAny(wantCaffeine) {
            wish.caffeine = .want
        }
        // Caffeine is a drink's: "do you have decaf?" asks for drinks, not a muffin that lists none.
        // Hot and without caffeine is a drink too ("anything without caffeine that's hot"), not the porridge.
        if wish.caffeine == .avoid, wish.kinds.allSatisfy({ $0 == .hot }) { wish.kinds.insert(.drink, at: 0) }
        wish.priceCap = PriceCapReader.read(words, text: message)
        wish.cheapest = wish.priceCap == nil && words.containsAny(cheapestWords)
        wish.cheap = wish.priceCap == nil && !wish.cheapest && words.containsAny(cheapWords)
        return wish
    }

    /// Words that say caffeine is kept out, a few words before it: "can't do caffeine", "cannot have any caffeine",
    /// "sensitive to caffeine", "trying to quit coffee". Without them, "caffeine" named alone was no rule at all, and
    /// the Espresso was offered to someone who can't have it.
    private static let avoidingWords: Set<String> = ["cant", "cannot", "avoid", "avoiding", "quit", "quitting",
                                                     "stopped", "sensitive", "intolerant", "allergic", "allergy",
                                                     "cut", "cutting", "reduce", "reducing", "limit", "limiting", "skip",
                                                     "skipping", "nahi", "nahin"]

    static func avoidsCaffeine(_ words: MessageWords) -> Bool {
        guard let at = words.words.firstIndex(where: { ["caffeine", "caffiene", "coffee"].contains($0) }) else {
            return false
        }
        // The first word before it that is not a filler decides: "can't do caffeine" avoids it, "can't decide which
        // coffee" and "can't live without coffee" do not.
        let fillers: Set<String> = ["do", "have", "drink", "take", "handle", "any", "to", "down", "on", "back", "my",
                                    "more", "much", "the", "of", "from"]
        let leading = words.words[..<at].reversed().first { !fillers.contains($0) }
        return leading.map(avoidingWords.contains) ?? false
    }

    /// Where the first of the phrases starts, one typo allowed only in a long single word ("brekfast"): "light" one
    /// letter from "night" (Night Owl Coffee) must not read as a wish.
    static func position(of phrases: [String], in words: MessageWords) -> Int? {
        for phrase in phrases {
            if phrase.contains(" ") {
                if let range = words.joined.range(of: " \(phrase) ") {
                    return words.joined[..<range.lowerBound].filter { $0 == " " }.count
                }
                continue
            }
            if let at = words.words.firstIndex(of: phrase) { return at }
            if phrase.count >= 7,
                let at = words.words.firstIndex(where: {
                    abs($0.count - phrase.count) <= 1 && EditDistance.isAtMostOne($0, phrase)
                }) {
                return at
            }
        }
        return nil
    }
}

/// "under 5 quid", "below £4.50", "less than 300 rupees", "menos de 5 libras", "200 se kam": a cap, in minor units of
/// whatever currency the menu is priced in, with the currency the shopper named when they named one.
enum PriceCapReader {
    static let capWords = ["under", "below", "less than", "max", "maximum", "up to", "upto", "menos de",
                           "no more than", "se kam", "tak", "or less", "or under"]
    static let currencyWords: [String: String] = [
        "quid": "GBP", "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "libras": "GBP", "libra": "GBP",
        "dollar": "USD", "dollars": "USD", "bucks": "USD", "usd": "USD", "dolares": "USD",
        "rupee": "INR", "rupees": "INR", "rs": "INR", "inr": "INR", "rupaye": "INR", "rupay": "INR",
        "euro": "EUR", "euros": "EUR", "eur": "EUR",
    ]

    static let symbols: [Character: String] = ["£": "GBP", "$": "USD", "₹": "INR", "€": "EUR"]

    static func read(_ words: MessageWords, text: String) -> PriceCap? {
        let list = words.words
        for (index, word) in list.enumerated() {
            guard let amount = Int(word), amount > 0, amount < 100_000 else { continue }
            let window = list[max(0, index - 3)..<min(list.count, index + 4)].joined(separator: " ")
            guard capWords.contains(where: { (" " + window + " ").contains(" \($0) ") }) else { continue }
            // "£4.50" folds to "4 50": the pence follow.
            var minor = amount * 100
            if index + 1 < list.count, let pence = Int(list[index + 1]), list[index + 1].count == 2 { minor += pence }
            // The symbol typed ("£4") folds away with the punctuation, so it is read from the text itself.
            let symbol = text.lazy.compactMap { symbols[$0] }.first
            return PriceCap(minor: minor, currency: symbol ?? list.lazy.compactMap { currencyWords[$0] }.first)
        }
        return nil
    }
}
