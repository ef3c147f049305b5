import Foundation

/// Slots by rules, where rules are exact: ids, times, the chain's own item and shop names, and short word lists
/// for diets, channels, feelings and language. Pure and deterministic.
struct SlotExtractor: Sendable {
    let vocabulary: ChainVocabulary
    /// Words only one menu item has ("muffin", "brownie"), with that item, in word order: worked out once per chain,
    /// not per message, and in a fixed order so that a reading never depends on dictionary order.
    let uniqueWords: [(word: String, item: String)]
    /// Every word of every item's name: a word next to an item's word that is none of these names another dish.
    let menuWords: Set<String>
    /// Every item's whole name, as words.
    let fullNames: Set<[String]>

    init(vocabulary: ChainVocabulary) {
        self.vocabulary = vocabulary
        var owners: [String: [String]] = [:]
        for item in vocabulary.items {
            for word in Set(item.words) where !Self.describing.contains(word) { owners[word, default: []].append(item.written) }
        }
        uniqueWords = owners.filter { $0.value.count == 1 }.map { ($0.key, $0.value[0]) }.sorted { $0.word < $1.word }
        menuWords = Set(vocabulary.items.flatMap(\.words))
        fullNames = Set(vocabulary.items.map(\.words))
    }

    func slots(_ text: String, _ message: MessageWords) -> Slots {
        let shop = shop(in: message)
        let item = item(in: message, besides: shop)
        let order = order(text, message, item: item)
        var time = TimeSlotReader.read(message, text: text)
        // "my order from Monday" dates the order; it is not a time asked about.
        if order?.kind == .date, time == order?.value { time = nil }
        return Slots(order: order, item: item, shop: shop, time: time, diet: diet(in: message), channel: channel(in: message),
                     sentiment: SentimentReader.read(text, message), language: LanguageGuess.of(message, text: text))
    }

    // MARK: Orders

    /// Nouns that stand for an order when the shopper makes them theirs ("my order", "the delivery", "my lunch").
    private static let orderNouns: Set<String> = ["order", "ordr", "oder", "orders", "pedido", "delivery", "food", "lunch",
                                                  "grub", "stuff", "parcel", "package", "pickup", "purchase", "compra",
                                                  "breakfast", "dinner", "ऑर्डर"]
    private static let owners: Set<String> = ["my", "the", "this", "that", "our", "mi", "el", "mera", "meri", "mere",
                                              "todays", "yesterdays", "same", "mismo"]
    private static let modified: Set<String> = ["fee", "fees", "charge", "charges", "area", "areas", "zone", "radius",
                                                "options", "minimum", "cost", "costs", "policy", "times", "app", "driver"]
    private static let orderAdjectives: Set<String> = ["last", "latest", "recent", "whole", "entire", "first", "online",
                                                       "previous", "earlier", "older", "pichla", "pichle",
                                                       "lunch", "coffee", "food", "breakfast", "mismo", "delivery"]
    /// "the banana bread I bought": an order named by what was in it.
    private static let boughtPhrases = ["i bought", "i ordered", "i got", "picked up", "i purchased", "with the", "i had",
                                        "we ordered", "we bought"]

    private func order(_ text: String, _ message: MessageWords, item: String?) -> OrderSlot? {
        if let id = OrderReference.first(in: text) { return OrderSlot(kind: .id, value: id) }
        let words = message.words
        var owned = false
        for (index, word) in words.enumerated() where Self.orderNouns.contains(word) || (word.count >= 5 && EditDistance.isAtMostOne(word, "order")) {
            let next = index + 1 < words.count ? words[index + 1] : ""
            // "the delivery fee", "the order minimum": the noun describes something else.
            if Self.modified.contains(next) { continue }
            let previous = index > 0 ? words[index - 1] : ""
            let twoBack = index > 1 ? words[index - 2] : ""
            if index == 0 || Self.owners.contains(previous) || (Self.owners.contains(twoBack) && Self.orderAdjectives.contains(previous)) {
                owned = true
            }
        }
        if let item, item.first?.isUppercase == true, Self.bought(item, near: message) {
            return OrderSlot(kind: .item, value: item)
        }
        let purchased = owned || message.containsAny(["ordered", "bought", "from", "order", "orders", "points"])
        if purchased, let when = Self.when(Self.aroundOrderWords(message)) { return OrderSlot(kind: .date, value: when) }
        return owned ? OrderSlot(kind: .latest) : nil
    }

    /// The words near an order word ("yesterday's order", "the order from last week"); the whole message when it is
    /// short. A ramble's "this morning" far from "where is my order?" does not date the order.
    private static func aroundOrderWords(_ message: MessageWords) -> MessageWords {
        guard message.words.count > 16 else { return message }
        let anchors = message.words.indices.filter {
            orderNouns.contains(message.words[$0]) || ["ordered", "bought", "got", "had"].contains(message.words[$0])
        }
        let kept = message.words.indices.filter { index in anchors.contains { abs($0 - index) <= 6 } }
        return MessageWords(kept.map { message.words[$0] }.joined(separator: " "))
    }

    /// "the banana bread I got", "I ordered an oat flat white": a purchase phrase within a few words of the item
    /// (in a long message, "I had" and "water" far apart say nothing about an order).
    private static func bought(_ item: String, near message: MessageWords) -> Bool {
        let itemWords = Set(MessageWords.fold(item))
        let itemPositions = message.words.indices.filter { itemWords.contains(message.words[$0]) }
        guard !itemPositions.isEmpty else { return message.containsAny(boughtPhrases) }
        for phrase in boughtPhrases {
            guard let at = CueScorer.position(of: phrase, in: message) else { continue }
            if itemPositions.contains(where: { abs($0 - at) <= 6 }) { return true }
        }
        return false
    }

    static func when(_ message: MessageWords) -> String? {
        if message.containsLoosely("yesterday") || message.containsLoosely("yesterdays") || message.contains(phrase: "ayer") {
            return "yesterday"
        }
        // Hinglish "kal" is yesterday or tomorrow; with a past tense ("aaya tha", "mila nahi tha") it is yesterday.
        if message.contains(phrase: "kal"), message.containsAny(["tha", "thi", "aaya", "aayi", "mila", "mili", "kiya"]) {
            return "yesterday"
        }
        if message.containsAny(["last week", "last weeks", "past week", "pichle hafte"]) { return "last-week" }
        if message.containsAny(["last month", "last months", "past month", "pichle mahine"]) { return "last-month" }
        if message.containsAny(["today", "todays", "this morning", "earlier today", "hoy", "aaj"]) { return "today" }
        for day in TimeSlotReader.weekdays where message.contains(phrase: day) || message.contains(phrase: day + "s") {
            return day
        }
        return nil
    }

    // MARK: Items and shops

    /// Generic words for things shoppers name that are not one menu item.
    private static let genericItems = ["latte", "coffee", "tea", "croissant", "sandwich", "cake", "muffin", "cookie",
                                       "toastie", "smoothie", "soup", "bagel", "scone", "mocha",
                                       "americano", "milkshake", "salad", "bread", "brownie", "chocolate", "juice",
                                       "frappe", "porridge", "water", "mug", "cup", "beans", "chai", "matcha", "bun"]
    /// Things sold that a drink's word can come before ("coffee beans", "coffee mug").
    private static let soldThings = ["beans", "mug", "cup"]
    /// Words of item names that describe rather than name ("cold", "iced", "oat"): they never name an item alone.
    private static let describing: Set<String> = ["cold", "iced", "hot", "still", "fresh", "house", "english", "breakfast",
                                                  "spiced", "free", "gluten", "sparkling", "oat", "vegan", "reusable",
                                                  "blend", "250g", "with", "flat", "white", "double", "berry", "berries",
                                                  "almond", "mint", "ceramic", "chocolate", "bean", "beans"]
    /// How shoppers shorten item words.
    private static let shortenings = ["choc": "chocolate", "cappucino": "cappuccino", "capuccino": "cappuccino",
                                      "expresso": "espresso", "croisant": "croissant", "brekkie": "breakfast",
                                      "sarnie": "sandwich", "cofee": "coffee", "coffe": "coffee", "sandwhich": "sandwich"]

    func item(in message: MessageWords, besides shop: String? = nil) -> String? {
        var words = message.words
        // Words of the shop's name are not items ("Night Owl Coffee").
        if let shop {
            let shopWords = Set(MessageWords.fold(shop))
            words = words.map { shopWords.contains($0) ? "" : $0 }
        }
        words = words.map { Self.shortenings[$0] ?? $0 }
        func at(_ word: String) -> Int? {
            if let i = words.firstIndex(where: { $0 == word || $0 == word + "s" || ($0.hasSuffix("s") && String($0.dropLast()) == word) }) {
                return i
            }
            guard word.count >= 6 else { return nil }
            return words.firstIndex { abs($0.count - word.count) <= 1 && $0.count >= 5
                && !MessageWords.notTypos.contains($0) && EditDistance.isAtMostOne($0, word) }
        }
        // Candidates by where they start: a full name, a word only one item has, a generic word.
        var best: (position: Int, rank: Int, name: String)?
        func offer(_ position: Int, _ rank: Int, _ name: String) {
            if best == nil || (position, rank) < (best!.position, best!.rank) { best = (position, rank, name) }
        }
        for item in vocabulary.items where !item.words.isEmpty {
            // "250g" is on the label, not in what shoppers type.
            let named = item.words.filter { !$0.contains(where: \.isNumber) }
            let positions = named.map(at)
            // Its words together (a word or two apart at most): "still" and "water" far apart in a ramble are not
            // Still Water.
            if positions.allSatisfy({ $0 != nil }) {
                let found = positions.compactMap { $0 }
                if found.max()! - found.min()! <= named.count + 1 { offer(found.min()!, -named.count, item.written) }
            }
            // A long name's last two words, side by side ("mint tea" for the Fresh Mint Tea), unless they are another
            // item's whole name ("hot chocolate").
            // Spelt as the menu spells them, and not after a word naming another dish ("pumpkin spice latte").
            if named.count >= 3, let first = words.firstIndex(of: named[named.count - 2]), first + 1 < words.count,
                words[first + 1] == named[named.count - 1], !fullNames.contains(Array(named.suffix(2))),
                !(MenuLookup.wordBefore(first, in: words).map { MenuLookup.namesAnotherDish($0, menuWords: menuWords) } ?? false) {
                offer(first, 5, item.written)
            }
        }
        for (word, item) in uniqueWords {
            guard let position = at(word) else { continue }
            // "caramel latte" is not the Caramel Frappé: a kind of thing named right after the word, which that item's
            // name does not hold, makes it a drink of that kind (read as the generic word below).
            if position + 1 < words.count, Self.genericItems.contains(words[position + 1]),
                let itemWords = vocabulary.items.first(where: { $0.written == item })?.words,
                !itemWords.contains(words[position + 1]) { continue }
            // "paneer sandwich" is not the Chicken Pesto Sandwich: a word before it that no item's name holds (nor is
            // spelt like one) makes it a dish the menu does not list, which the menu facts answer as such.
            if let before = MenuLookup.wordBefore(position, in: words),
                MenuLookup.namesAnotherDish(before, menuWords: menuWords) { continue }
            offer(position, 10, item)
        }
        for word in Self.genericItems { if let position = at(word) { offer(position, 20, word) } }
        // "Coffee beans", "tea cup": a generic word before the thing sold is that thing, not the drink.
        if let found = best, found.rank == 20, found.position + 1 < words.count,
            let thing = Self.soldThings.first(where: { $0 == words[found.position + 1] }) {
            return found.name + " " + thing
        }
        return best?.name
    }

    /// Words after a place name that make it a neighbourhood, not our shop ("Bandra station", "Chelsea Market").
    private static let placeWords: Set<String> = ["station", "west", "east", "north", "south", "market", "street", "st",
                                                  "road", "rd", "hill", "area", "park", "village", "high", "square"]

    func shop(in message: MessageWords) -> String? {
        let words = message.words.map { $0 == "nite" ? "night" : $0 }
        var found: [(name: ChainVocabulary.Name, full: Bool)] = []
        for (index, word) in words.enumerated() {
            let candidates = vocabulary.shopsByFirstWord[word]
                ?? (word.count >= 5 ? vocabulary.shopsByFirstWord.first { $0.key.count >= 5 && EditDistance.isAtMostOne(word, $0.key) }?.value : nil)
                ?? []
            for name in candidates {
                let rest = name.words.dropFirst()
                guard rest.isEmpty || Array(words.dropFirst(index + 1).prefix(rest.count)) == Array(rest) else { continue }
                let after = words.dropFirst(index + name.words.count).first ?? ""
                let full = MessageWords.fold(name.written).count > name.words.count
                    && message.joined.contains(" " + MessageWords.fold(name.written).joined(separator: " ") + " ")
                if !full, Self.placeWords.contains(after) || (index > 0 && ["in", "near"].contains(words[index - 1])) { continue }
                found.append((name, full))
            }
        }
        return found.max(by: { ($0.name.words.count, $1.name.written) < ($1.name.words.count, $0.name.written) })?.name.written
            ?? referredShop(in: words)
    }

    /// Nouns shoppers put next to a word that says which shop they mean ("the soho shop", "your soho place", "the one
    /// in soho", "soho branch", "soho wala shop", "la tienda de soho").
    private static let shopNouns: Set<String> = ["shop", "place", "one", "branch", "store", "cafe", "location",
                                                 "outlet", "spot", "wala", "wali", "vala", "tienda", "sucursal",
                                                 "local"]
    /// Words between such a noun and the place after it ("the one in soho", "the shop on old compton st"). Not "near":
    /// a shop near Soho is not the Soho shop.
    private static let placePrepositions: Set<String> = ["in", "on", "at", "off", "de", "del", "en"]
    /// Words that make the noun one shop the shopper has in mind ("the one in soho"); "any cafe in bandra" asks about
    /// the area instead.
    private static let definite: Set<String> = ["the", "your", "ur", "that", "la", "el", "su"]

    /// A shop named by a word only it has in the chain's data (its name, street or city), when that word stands next to
    /// a shop noun: up to three words before it, or after "the <noun> in/on/at". Words of different shops name none.
    private func referredShop(in words: [String]) -> String? {
        var named = Set<String>()
        for (index, word) in words.enumerated() where Self.shopNouns.contains(word) {
            var window = Array(words[max(0, index - 3)..<index])
            if index > 0, Self.definite.contains(words[index - 1]), index + 1 < words.count,
                Self.placePrepositions.contains(words[index + 1]) {
                window += words.dropFirst(index + 2).prefix(3)
            }
            named.formUnion(window.compactMap { vocabulary.shopsByOwnWord[$0] })
        }
        return named.count == 1 ? named.first : nil
    }

    // MARK: Diet, channel

    private static let dietWords: [(DietTerm, [String])] = [
        (.nuts, ["nut", "nuts", "peanut", "peanuts", "almond", "almonds", "hazelnut", "hazelnuts", "walnut", "walnuts",
                 "cashew", "cashews", "pistachio", "nueces", "nut free", "tree nut", "frutos secos", "almendra",
                 "almendras", "cacahuete", "cacahuetes"]),
        (.dairy, ["dairy", "lactose", "milk allergy", "dairy free", "non dairy", "lactosa", "lactose intolerant", "no milk"]),
        (.gluten, ["gluten", "coeliac", "celiac", "wheat", "gluten free", "sin gluten", "celiaco"]),
        (.egg, ["egg", "eggs", "huevo", "huevos", "anda", "eggless"]),
        (.soy, ["soy", "soya"]),
        (.sesame, ["sesame"]),
        (.vegan, ["vegan", "vegano", "vegana", "veganas", "veganos", "plant based", "plantbased"]),
        (.vegetarian, ["vegetarian", "veggie", "vegetariano", "vegetariana", "veg", "no meat"]),
        (.halal, ["halal"]),
        (.caffeine, ["caffeine", "decaf", "caffeine free", "decaffeinated", "cafeina"]),
    ]

    /// Diet words long and distinctive enough to read one typo away ("glutn", "vegn"; not "wheat", which is "what").
    private static let typedLoosely: Set<String> = ["vegan", "gluten", "vegetarian", "dairy", "lactose", "sesame", "halal",
                                                    "caffeine", "peanut", "peanuts", "coeliac", "celiac"]

    func diet(in message: MessageWords) -> [DietTerm] {
        var terms = Self.dietWords.filter { entry in
            message.containsAny(entry.1) || entry.1.contains { Self.typedLoosely.contains($0) && message.containsLoosely($0) }
        }.map(\.0)
        // "the almond croissant" names an item; "almonds" alone names an allergen. Keep nuts only if an item name
        // does not already explain the word, or the message also asks about allergy.
        // "Do you have almond milk?" asks for a milk, not about nuts (the labels' convention: a milk choice is a menu
        // question).
        let namesAlmond = item(in: message).map { MessageWords.fold($0).contains("almond") } ?? false
        let almondMilk = message.containsAny(["almond milk", "leche de almendra", "leche de almendras"])
        if terms.contains(.nuts), namesAlmond || almondMilk,
            !message.containsAny(["nut", "nuts", "allergy", "allergic", "allergen", "allergens", "peanut", "peanuts",
                                  "alergia", "alergico", "alergica", "frutos secos"]) {
            terms.removeAll { $0 == .nuts }
        }
        // "Hot chocolate with soya milk" likewise asks for a milk, not whether the chocolate lists soy.
        if terms.contains(.soy), message.containsAny(["soy milk", "soya milk", "leche de soja", "soy latte", "soya latte"]),
            !message.containsAny(["allergy", "allergic", "allergen", "allergens", "intolerant", "alergia", "alergico",
                                  "alergica"]) {
            terms.removeAll { $0 == .soy }
        }
        return terms
    }

    private static let emailWords = ["email", "e mail", "emailed", "mail", "correo", "mail me", "email me"]
    private static let phoneWords = ["call me", "call back", "callback", "ring me", "phone me", "by phone", "on the phone",
                                     "phone call", "give me a call", "call", "ring", "llamar", "llamada", "llamen", "phone number"]

    func channel(in message: MessageWords) -> ContactChannel? {
        if message.containsAny(Self.emailWords) { return .email }
        if message.containsAny(Self.phoneWords) { return .phone }
        return nil
    }
}
