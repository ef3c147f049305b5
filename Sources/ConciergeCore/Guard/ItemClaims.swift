import Foundation

/// Menu items the answer names must be the chain's ("Pumpkin Spice Latte" is not), and what it says the asked-about
/// item contains or suits must be what its recipe lists.
struct ItemClaims: Sendable {
    /// The chain's item names, lower-cased.
    let menu: Set<String>
    /// Last words of the chain's item names ("latte", "croissant") plus dishes a model invents that the chain does not
    /// sell: a Title Case phrase ending in one of them is presented as an item.
    let heads: Set<String>

    static let inventedHeads: Set<String> = [
        "cheesecake", "tart", "danish", "cake", "pie", "scone", "cookie", "bagel", "donut", "doughnut", "macchiato",
        "mocha", "americano", "frappuccino", "panini", "wrap", "quiche", "muffin", "pastry", "latte", "croissant",
        "brownie", "bun", "sandwich", "toastie", "smoothie", "tea", "soup", "salad", "roll", "loaf",
    ]

    init(menu: [String]) {
        self.menu = Set(menu.map { $0.lowercased() })
        // Only a last word that names a dish alone: "Flat White" ends in "white", which is no dish.
        let lastWords = menu.compactMap { $0.lowercased().split(separator: " ").last.map(String.init) }
        heads = Self.inventedHeads.union(lastWords.filter { Self.inventedHeads.contains($0) || $0.count > 6 })
    }

    func unsupported(in answer: String, context: PromptContext, facts: String) -> Set<String> {
        var kinds = Set<String>()
        for sentence in ClaimText.sentences(answer) {
            if inventsAnItem(sentence, context: context, facts: facts) { kinds.insert("item") }
            for clause in ClaimText.clauses(sentence) where misstatesRecipe(clause, context: context) {
                kinds.insert("item")
            }
        }
        return kinds
    }

    /// A Title Case run ending in a dish word ("Blueberry Cheesecake") that is neither a menu item (or the end of
    /// one: "Blueberry Muffin" for "Vegan Blueberry Muffin") nor written in the facts.
    func inventsAnItem(_ sentence: String, context: PromptContext, facts: String) -> Bool {
        let raw = sentence.split(whereSeparator: \.isWhitespace).map(String.init)
        let words = raw.map { $0.trimmingCharacters(in: .punctuationCharacters.subtracting(["&", "-"])) }
        for (index, word) in words.enumerated() where heads.contains(Self.singular(word.lowercased())) {
            guard word.first?.isUppercase == true else { continue }
            // A name runs back over capitalised words, and stops at punctuation: "At Lakeside Café, Vegan Blueberry
            // Muffin" names the muffin, not "Café Vegan Blueberry Muffin".
            var start = index
            while start > 0, let last = raw[start - 1].last, last.isLetter || raw[start - 1] == "&",
                let first = words[start - 1].first, first.isUppercase || words[start - 1] == "&" {
                start -= 1
            }
            let phrase = (words[start..<index] + [Self.singular(word.lowercased())]).joined(separator: " ").lowercased()
            let trimmed = Self.droppingLeadingNonItemWords(phrase, context: context)
            // A dish word alone ("we have no Cheesecake") presents nothing as an item of ours.
            guard trimmed.contains(" "), !facts.contains(trimmed),
                !menu.contains(where: { $0 == trimmed || $0.hasSuffix(" " + trimmed) })
            else {
                continue
            }
            return true
        }
        return false
    }

    /// Capitalised words before an item that are not part of it: the sentence's first word, "I", "Our", a shop name.
    static func droppingLeadingNonItemWords(_ phrase: String, context: PromptContext) -> String {
        var text = phrase
        for name in context.shops.map({ $0.name.lowercased() }) + ["try", "our", "the", "a", "at", "your", "i", "we", "yes",
                                                                    "good news", "get", "order", "have", "enjoy"] {
            while text.hasPrefix(name + " ") { text = String(text.dropFirst(name.count + 1)) }
        }
        return text
    }

    /// Nouns whose singular ends in "ie": "cookies" is not the plural of "cooky".
    private static let singularInIe: Set<String> = ["cookie", "smoothie", "brownie", "toastie", "pie", "sarnie", "veggie",
                                                    "hoodie", "brekkie", "foodie", "goodie", "selfie"]

    static func singular(_ word: String) -> String {
        if word.hasSuffix("ies") {
            let ie = String(word.dropLast())
            return singularInIe.contains(ie) ? ie : String(word.dropLast(3)) + "y"
        }
        if word.hasSuffix("ches") || word.hasSuffix("shes") { return String(word.dropLast(2)) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    /// "The Almond Croissant contains soy", "…is vegan": allergens and diets said of the asked-about item must be the
    /// ones its facts list.
    func misstatesRecipe(_ clause: String, context: PromptContext) -> Bool {
        guard let item = context.item else { return false }
        let text = ClaimText.normalised(clause).replacingOccurrences(of: item.name.lowercased(), with: " it ")
        guard ClaimText.contains(#"\bit\b"#, in: text) else { return false }
        let listed = Set(item.contains.map(Self.allergenGroup))
        if let match = ClaimText.matches(#"\b(?:contains?|has|have|lists?|made with|includes?)\s+(.*)$"#, in: text).first,
            !ClaimText.contains(PromiseClaims.denial, in: text) {
            // "It lists no common allergens in its recipe" is true of an item that lists none, and false of any other.
            let none = #"\bno (?:common |major )?allergens?\b"#
            if ClaimText.contains(none, in: match[1]) { return !listed.isEmpty }
            let said = ClaimText.matches(#"\b"# + PromiseClaims.allergens + #"\b"#, in: match[1]).map { Self.allergenGroup($0[0]) }
            if said.contains(where: { !listed.contains($0) }) { return true }
        }
        for diet in ["vegan", "vegetarian"] where ClaimText.contains(#"\b(?:is|it's|are)\s+(?:also\s+)?"# + diet + #"\b"#, in: text) {
            if !item.suits.contains(diet) { return true }
        }
        return false
    }

    /// Words for the same allergen group: "almonds" are nuts, "milk" is dairy, "wheat" is gluten.
    static func allergenGroup(_ word: String) -> String {
        let word = word.lowercased()
        if word.contains("nut") || word.hasPrefix("almond") { return "nuts" }
        if word.hasPrefix("milk") || word.hasPrefix("lactose") { return "dairy" }
        if word.hasPrefix("wheat") { return "gluten" }
        if word.hasPrefix("egg") { return "eggs" }
        if word.hasPrefix("soy") { return "soy" }
        return word
    }
}
