import Foundation

/// Items a message names, looked up on one shop's menu: whole names first ("flat white"), then words of names that
/// stand for several items ("latte", "beans", "mug"), then kinds of thing the menu does not list ("bagels"), with the
/// range an alternative comes from. Only the menu's data is used; nothing about a recipe is guessed.
enum MenuLookup {
    struct Found: Equatable, Sendable {
        /// The shopper's word(s), as folded ("latte", "coffee beans"), or the item's own name when named whole.
        var phrase: String
        var items: [MenuItem]
        /// True when the whole name was given: it is that item, not one of a kind.
        var exact: Bool
        /// For a thing the menu does not list: the range the nearest alternatives come from.
        var alternativeCategory: String?
        /// Words before the kind that no item's name holds ("pumpkin spice" latte): a drink the menu does not list, of
        /// a kind it does. The items are then the alternatives, never an answer for that drink.
        var variety: String? = nil
    }

    /// Things shoppers ask for that no item is named for, with the range that comes closest.
    static let unlistedThings: [String: String] = [
        "bagel": "bakery", "scone": "bakery", "cookie": "bakery", "cake": "bakery", "pastry": "bakery", "donut": "bakery",
        "doughnut": "bakery", "pie": "bakery", "tart": "bakery", "biscuit": "bakery", "danish": "bakery",
        "americano": "hot-drinks", "mocha": "hot-drinks", "macchiato": "hot-drinks", "cortado": "hot-drinks",
        "latte": "hot-drinks", "juice": "cold-drinks", "milkshake": "cold-drinks", "soda": "cold-drinks",
        "coke": "cold-drinks", "wrap": "food", "panini": "food", "burger": "food", "pizza": "food", "bagels": "bakery",
        "tshirt": "merchandise", "bottle": "merchandise", "thermos": "merchandise", "flask": "merchandise",
        "burrito": "food", "taco": "food", "quesadilla": "food", "pasta": "food", "noodle": "food", "samosa": "food",
        "sushi": "food", "omelette": "food", "omelet": "food", "kebab": "food", "hotdog": "food", "pancake": "bakery",
        "waffle": "bakery", "cheesecake": "bakery", "eclair": "bakery", "kombucha": "cold-drinks",
    ]
    /// Words shoppers use for a whole range of the menu.
    static let rangeWords = ["merch": "merchandise", "merchandise": "merchandise"]
    /// Name words that describe rather than name an item: "oat" or "hot" alone is not asking for one.
    static let describing: Set<String> = ["hot", "cold", "iced", "still", "fresh", "house", "english", "spiced", "free",
                                          "gluten", "sparkling", "oat", "vegan", "reusable", "blend", "with", "flat",
                                          "white", "berry", "berries", "almond", "mint", "ceramic", "chocolate",
                                          "butter", "tomato", "lentil", "cheese", "ham", "chicken", "pesto", "breakfast"]
    /// Words of other languages and shortenings for the names' words.
    static let synonyms: [String: String] = [
        "grano": "beans", "granos": "beans", "taza": "mug", "tazas": "mug", "cofee": "coffee", "coffe": "coffee",
        "expresso": "espresso", "cappucino": "cappuccino", "capuccino": "cappuccino", "croisant": "croissant",
        "sarnie": "sandwich", "sandwhich": "sandwich", "choc": "chocolate", "lattes": "latte", "muffins": "muffin",
    ]

    static func find(in message: String, menu: [MenuItem]) -> [Found] {
        let typed = MessageWords.fold(message)
        var words = typed.map { ItemClaims.singular(synonyms[$0] ?? $0) }
        var found: [(position: Int, Found)] = []
        // Whole names, longest first, so "oat flat white" is not read as "flat white".
        let names = menu.map { item in
            (item, MessageWords.fold(item.name).map(ItemClaims.singular).filter { $0 != "with" && !$0.contains(where: \.isNumber) })
        }
        for (item, name) in names.sorted(by: { $0.1.count > $1.1.count })
        where name.count > 1 || !describing.contains(name.first ?? "") {
            guard let at = start(of: name, in: words) else { continue }
            found.append((at, Found(phrase: item.name, items: [item], exact: true)))
            for index in at..<(at + name.count) { words[index] = "" }
        }
        for (index, word) in words.enumerated() where word.count >= 3 && !describing.contains(word) {
            // "a cup of tea", "a bowl of soup": a measure, not the Reusable Cup.
            if index + 1 < words.count, words[index + 1] == "of" { continue }
            // "Do you sell merch?": the range by its name.
            let range = rangeWords[word]
            let items = range.map { range in menu.filter { $0.category == range } } ?? names.filter { $0.1.contains(word) }.map(\.0)
            if !items.isEmpty {
                var thing = Found(phrase: word, items: items, exact: false, alternativeCategory: unlistedThings[word])
                thing.variety = variety(before: index, in: words, typed: typed, menuWords: Set(names.flatMap(\.1)))
                // Not listed, it is named as typed: "we don't list decaf beans", not "decaf bean".
                if thing.variety != nil { thing.phrase = typed[index] }
                found.append((index, thing))
                for other in words.indices where words[other] == word { words[other] = "" }
            } else if let category = unlistedThings[word] {
                // As typed, with the words that say which: "we don't list bagels", "…a breakfast burrito".
                let phrase = (saidWhich(before: index, in: words, typed: typed) + [typed[index]]).joined(separator: " ")
                found.append((index, Found(phrase: phrase, items: [], exact: false, alternativeCategory: category)))
                words[index] = ""
            }
        }
        // The words items' names end with ("latte", "croissant"): such a word names a kind, never a flavour of another.
        return merged(found.sorted { $0.position < $1.position }, kinds: Set(names.compactMap(\.1.last)))
    }

    /// Words that say which one rather than name one: sizes, praise, articles, the shopper's own ("my usual latte").
    static let notVarieties: Set<String> = [
        "the", "your", "you", "my", "our", "any", "this", "that", "some", "one", "two", "three", "another", "more", "large",
        "small", "medium", "regular", "big", "tall", "grande", "venti", "good", "nice", "cheap", "cheapest", "best", "usual",
        "decent", "double", "single", "extra", "warm", "decaf", "skinny", "normal", "plain", "standard", "classic", "simple",
        "new", "seasonal", "favourite", "favorite", "whats", "what", "how", "much", "does", "for", "and", "with", "get",
        "want", "like", "love", "order", "ordered", "tasty", "yummy", "sweet", "strong", "weak", "proper", "real", "hot",
        "cup", "mug", "glass", "quick", "today", "please", "pls", "can", "have", "has", "had", "got", "need", "buy",
        "sell", "price", "cost", "costs", "about", "was", "were", "are", "not", "too", "very", "lukewarm", "cold",
        "stale", "bad", "wrong", "burnt", "bitter", "sour", "watery", "dry", "kya", "hai", "una", "tienen",
        // Milks are how a drink is made, not another drink: "oat milk latte" is a latte (the policy says any drink
        // can be made with a plant milk).
        "milk", "soya", "soy", "coconut", "skimmed", "skim", "whole", "semi", "lactose", "dairy",
        // Where, when and how much, and how it turned out: "is there soup today", "the soggy sandwich I got".
        "there", "here", "also", "just", "only", "try", "bring", "give", "gimme", "which", "where", "did", "even",
        "really", "maybe", "kind", "type", "sort", "lot", "lots", "bit", "piece", "slice", "bowl", "box", "pack",
        "bag", "pot", "then", "now", "tomorrow", "tonight", "morning", "afternoon", "evening", "yesterday", "last",
        "first", "same", "half", "soggy", "mouldy", "moldy", "rotten", "undercooked", "raw", "hard", "chewy",
        "gross", "disgusting", "horrible", "awful", "terrible", "lovely", "delicious", "amazing", "great", "spilled",
        "spilt", "broken", "damaged", "squashed", "crushed", "missing", "expired", "old", "mushy", "melted", "smelly",
        "koi", "kuch", "wala", "wali", "mera", "meri", "bhi", "thanks", "yes", "yeah", "okay",
    ]

    /// "pumpkin spice" in "what's in the pumpkin spice latte": up to two words before the kind that no item on the
    /// menu holds, at least one of them not even spelt nearly like a word that one does (a typo of "gingerbread" is
    /// not a new drink; "spice" next to "pumpkin" is).
    private static func variety(before index: Int, in words: [String], typed: [String], menuWords: Set<String>) -> String? {
        var taken: [String] = []
        var unknown = false
        var at = index - 1
        // A drink is made decaf on request; a bag of beans is decaf or it is not ("decaf beans" is not House Blend).
        let packaged = ["bean", "beans", "ground"].contains(words[index])
        while at >= 0, taken.count < 2 {
            let word = words[at]
            // "paneer wala sandwich" (the sandwich with paneer): the linking word is passed over, not a stop.
            if linkers.contains(word), at == index - 1 { at -= 1; continue }
            let sayWhich = (notVarieties.contains(word) || askingHow.contains(word)) && !(packaged && word == "decaf")
            guard word.count >= 3, word.allSatisfy(\.isLetter), !describing.contains(word), !sayWhich,
                unlistedThings[word] == nil, !menuWords.contains(word)
            else { break }
            if !spelledLikeMenu(word, menuWords: menuWords) { unknown = true }
            taken.insert(typed[at], at: 0)
            at -= 1
        }
        return unknown ? taken.joined(separator: " ") : nil
    }

    /// Up to two words the shopper put before a thing the menu does not list that say which one ("breakfast" burrito),
    /// as typed; words that only point at it or size it ("the", "large") are not repeated.
    private static func saidWhich(before index: Int, in words: [String], typed: [String]) -> [String] {
        var taken: [String] = []
        var at = index - 1
        while at >= 0, taken.count < 2 {
            let word = words[at]
            guard word.count >= 3, word.allSatisfy(\.isLetter), !notVarieties.contains(word), !askingHow.contains(word),
                unlistedThings[word] == nil else { break }
            taken.insert(typed[at], at: 0)
            at -= 1
        }
        return taken
    }

    /// Hinglish words that join a dish to what it is made with ("paneer wala sandwich", "aloo wali tikki").
    static let linkers: Set<String> = ["wala", "wali", "wale", "vala", "vali", "waala", "waali"]

    /// The word before `position` that could say which dish, passing over one linking word ("paneer wala sandwich").
    static func wordBefore(_ position: Int, in words: [String]) -> String? {
        var at = position - 1
        if at >= 0, linkers.contains(words[at]) { at -= 1 }
        return at >= 0 ? words[at] : nil
    }

    /// Whether a word's first four letters start a word of the menu's names (a typo of "gingerbread" is not a new
    /// dish).
    private static func spelledLikeMenu(_ word: String, menuWords: Set<String>) -> Bool {
        menuWords.contains { $0.hasPrefix(word.prefix(4)) }
    }

    /// Words next to a kind that ask how it is, not which dish it is ("a veggie sandwich" is answered by the diet).
    static let askingHow: Set<String> = ["vegetarian", "veggie", "halal", "kosher", "healthy", "lunch", "dinner",
                                         "toasted", "fancy", "nice", "any", "yummy"]

    /// "paneer" in "is paneer sandwich veg?": a word before an item's word that names a dish the menu does not list,
    /// as `variety(before:)` reads it.
    static func namesAnotherDish(_ word: String, menuWords: Set<String>) -> Bool {
        word.count >= 3 && word.allSatisfy(\.isLetter) && !describing.contains(word) && !notVarieties.contains(word)
            && !askingHow.contains(word) && unlistedThings[word] == nil && !menuWords.contains(word)
            && !spelledLikeMenu(word, menuWords: menuWords)
    }

    /// "sandwiches", "lattes", "beans": a kind's word made plural as it is written.
    static func plural(_ phrase: String) -> String {
        if phrase.hasSuffix("s") { return phrase }
        return ["ch", "sh", "x"].contains(where: phrase.hasSuffix) ? phrase + "es" : phrase + "s"
    }

    /// Words side by side that name the same item are one ask: "gingerbread latte" is the Gingerbread Spiced Latte,
    /// not gingerbreads and lattes.
    private static func merged(_ found: [(position: Int, Found)], kinds: Set<String>) -> [Found] {
        var out: [(position: Int, Found)] = []
        for next in found {
            if let last = out.last, !last.1.exact, !next.1.exact, next.position - last.position <= 2 {
                let shared = last.1.items.filter { item in next.1.items.contains { $0.sku == item.sku } }
                if !shared.isEmpty {
                    let phrase = shared.count == 1 ? shared[0].name : last.1.phrase + " " + next.1.phrase
                    out[out.count - 1] = (next.position, Found(phrase: phrase, items: shared, exact: shared.count == 1))
                    continue
                }
                // "caramel latte": the word before names no latte, so it is one drink the menu does not list, of a
                // kind it does (not "a plain caramel" and "a plain latte"). "latte, croissant" stays two asks.
                if next.position - last.position == 1, !next.1.items.isEmpty, last.1.variety == nil,
                    !kinds.contains(last.1.phrase) {
                    var thing = next.1
                    thing.variety = last.1.phrase
                    out[out.count - 1] = (next.position, thing)
                    continue
                }
            }
            out.append(next)
        }
        return out.map(\.1)
    }

    /// "do you sell X", "have you got X", "¿tienen X?", "X milte hai?": the message asks whether the shop has it.
    static let sellFrames = ["do you sell", "do you have", "do you stock", "do you carry", "do you do", "have you got",
                             "do u sell", "do u have", "do u hav", "do ya have", "u sell", "you sell", "can i buy",
                             "can i get", "is there any", "are there any", "is there anything", "tienen", "venden", "hay", "milte hai",
                             "milta hai", "milega", "milegi", "bechte", "sell", "stock"]

    /// "What do you have…?" asks for the menu, not whether one thing is sold.
    static func asksIfSold(_ message: String) -> Bool {
        let words = MessageWords(message)
        return words.containsAny(sellFrames)
            && !words.containsAny(["what do you have", "what do you sell", "what have you got", "what do u have"])
    }

    /// The words asked for after a sell frame, for "we don't list X" when nothing matched ("decaf", "oat milk").
    static func askedWords(_ message: String) -> [String] {
        let words = MessageWords(message)
        let filler: Set<String> = ["a", "an", "any", "some", "the", "to", "take", "home", "away", "please", "pls", "kya",
                                   "hai", "here", "there", "in", "at", "stock", "today", "now", "you", "u", "options",
                                   "option", "something", "anything", "stuff", "things", "for", "me", "de", "el", "la",
                                   "los", "las", "un", "una", "and", "or", "what", "that", "thats", "which", "else", "like",
                                   "with", "got", "is", "are", "it", "there", "yall", "guys"]
        // Where the thing asked for ends: who it is for or why ("…without sugar for my diabetic dad"), or where ("…spicy
        // on the menu": "We don't list spicy on on the menu").
        let ends: Set<String> = ["for", "my", "our", "his", "her", "because", "since", "as", "if", "when", "cos", "coz",
                                 "on"]
        for frame in sellFrames {
            guard let at = MenuWishReader.position(of: [frame], in: words) else { continue }
            let after = words.words.dropFirst(at + frame.split(separator: " ").count).prefix { !ends.contains($0) }
                .filter { !filler.contains($0) }
            let before = words.words.prefix(at).filter { !filler.contains($0) }
            // Hinglish puts the verb last: "coffee beans milte hai".
            return freeOf(Array(after.isEmpty ? Array(before) : Array(after)).prefix(3).map { $0 })
        }
        return []
    }

    /// "without sugar", "no dairy", "sin azúcar": in the words a menu or policy writes it, "sugar free".
    private static func freeOf(_ words: [String]) -> [String] {
        guard let first = words.first, ["without", "no", "sin", "bina"].contains(first), words.count >= 2 else { return words }
        return Array(words.dropFirst().prefix(2)) + ["free"]
    }

    private static func start(of name: [String], in words: [String]) -> Int? {
        guard !name.isEmpty, words.count >= name.count else { return nil }
        for at in 0...(words.count - name.count) where Array(words[at..<(at + name.count)]) == name { return at }
        return nil
    }
}
