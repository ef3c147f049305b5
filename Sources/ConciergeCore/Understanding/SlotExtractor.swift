import Foundation

/// Slots by rules, where rules are exact: ids, times, the chain's own item and shop names, and short word lists
/// for diets, channels, feelings and language. Pure and deterministic.
struct SlotExtractor: Sendable {
    let vocabulary: ChainVocabulary

    func slots(_ text: String, _ message: MessageWords) -> Slots {
        let item = item(in: message)
        return Slots(order: order(text, message, item: item), item: item, shop: shop(in: message),
                     time: TimeSlotReader.read(message), diet: diet(in: message), channel: channel(in: message),
                     sentiment: SentimentReader.read(text, message), language: LanguageGuess.of(message))
    }

    // MARK: Orders

    private static let orderWords = ["order", "ordered", "orders", "delivery", "bought", "purchase", "purchased",
                                     "pedido", "compra", "parcel", "package", "got"]
    private static let latestPhrases = ["my order", "my last order", "my latest order", "my recent order", "the order",
                                        "my delivery", "mera order", "meri order", "mi pedido", "el pedido", "my food",
                                        "my stuff", "my parcel", "my package", "order status", "this order"]

    private func order(_ text: String, _ message: MessageWords, item: String?) -> OrderSlot? {
        if let id = OrderReference.first(in: text) { return OrderSlot(kind: .id, value: id) }
        let aboutAnOrder = message.containsAny(Self.orderWords)
        guard aboutAnOrder || message.containsAny(Self.latestPhrases) else { return nil }
        if let item, aboutAnOrder, item.first?.isUppercase == true { return OrderSlot(kind: .item, value: item) }
        if let when = Self.when(message) { return OrderSlot(kind: .date, value: when) }
        return message.containsAny(Self.latestPhrases) || message.contains(phrase: "order") ? OrderSlot(kind: .latest) : nil
    }

    private static func when(_ message: MessageWords) -> String? {
        if message.contains(phrase: "yesterday") || message.contains(phrase: "ayer") { return "yesterday" }
        if message.containsAny(["last week", "past week", "pichle hafte"]) { return "last-week" }
        if message.containsAny(["last month", "past month", "pichle mahine"]) { return "last-month" }
        if message.containsAny(["today", "this morning", "earlier today", "hoy", "aaj"]) { return "today" }
        for day in TimeSlotReader.weekdays where message.contains(phrase: day) || message.contains(phrase: day + "s") {
            return day
        }
        return nil
    }

    // MARK: Items and shops

    /// Generic words for things shoppers name that are not one menu item.
    private static let genericItems = ["latte", "coffee", "tea", "croissant", "sandwich", "cake", "muffin", "cookie",
                                       "drink", "pastry", "toastie", "smoothie", "soup", "bagel", "scone", "mocha",
                                       "americano", "milkshake", "salad", "bread", "brownie", "chocolate", "juice",
                                       "frappe", "porridge", "water", "mug", "cup", "beans", "chai", "matcha", "bun"]
    /// How shoppers shorten item words.
    private static let shortenings = ["choc": "chocolate", "hot choc": "hot chocolate", "cappucino": "cappuccino",
                                      "capuccino": "cappuccino", "expresso": "espresso", "croisant": "croissant",
                                      "brekkie": "breakfast", "sarnie": "sandwich", "toasty": "toastie"]

    func item(in message: MessageWords) -> String? {
        let words = message.words.map { Self.shortenings[$0] ?? $0 }
        let present = Set(words)
        func has(_ word: String) -> Bool {
            present.contains(word) || (word.hasSuffix("s") && present.contains(String(word.dropLast())))
                || present.contains(word + "s")
                || (word.count >= 6 && words.contains { abs($0.count - word.count) <= 1 && EditDistance.isAtMostOne($0, word) })
        }
        // The item whose every word is in the message, the most specific first ("oat hot chocolate" over "hot chocolate").
        let full = vocabulary.items.filter { !$0.words.isEmpty && $0.words.allSatisfy(has) }
        if let best = full.max(by: { ($0.words.count, $1.written) < ($1.words.count, $0.written) }) { return best.written }
        // A head word ("muffin", "brownie") that only one item has names that item; shared ones stay generic.
        for word in words {
            let singular = word.hasSuffix("s") && word.count > 4 ? String(word.dropLast()) : word
            let owners = vocabulary.items.filter { $0.words.last == singular || $0.words.last == word }
            if owners.count == 1, singular.count >= 5 { return owners[0].written }
            if Self.genericItems.contains(singular) { return singular }
        }
        return nil
    }

    func shop(in message: MessageWords) -> String? {
        var found: [ChainVocabulary.Name] = []
        for (index, word) in message.words.enumerated() {
            for name in vocabulary.shopsByFirstWord[word] ?? [] {
                let rest = name.words.dropFirst()
                if rest.isEmpty || Array(message.words.dropFirst(index + 1).prefix(rest.count)) == Array(rest) {
                    found.append(name)
                }
            }
        }
        return found.max(by: { ($0.words.count, $1.written) < ($1.words.count, $0.written) })?.written
    }

    // MARK: Diet, channel

    private static let dietWords: [(DietTerm, [String])] = [
        (.nuts, ["nut", "nuts", "peanut", "peanuts", "almond", "almonds", "hazelnut", "hazelnuts", "walnut", "walnuts",
                 "cashew", "cashews", "pistachio", "nueces", "nut free", "tree nut"]),
        (.dairy, ["dairy", "lactose", "milk allergy", "dairy free", "non dairy", "lactosa", "lactose intolerant", "no milk"]),
        (.gluten, ["gluten", "coeliac", "celiac", "wheat", "gluten free", "sin gluten", "celiaco"]),
        (.egg, ["egg", "eggs", "huevo", "huevos", "anda", "eggless"]),
        (.soy, ["soy", "soya"]),
        (.sesame, ["sesame"]),
        (.vegan, ["vegan", "vegano", "vegana", "plant based", "plantbased"]),
        (.vegetarian, ["vegetarian", "veggie", "vegetariano", "vegetariana", "veg", "no meat"]),
        (.halal, ["halal"]),
        (.caffeine, ["caffeine", "decaf", "caffeine free", "decaffeinated", "cafeina"]),
    ]

    func diet(in message: MessageWords) -> [DietTerm] {
        var terms = Self.dietWords.filter { message.containsAny($0.1) }.map(\.0)
        // "the almond croissant" names an item; "almonds" alone names an allergen. Keep nuts only if an item name
        // does not already explain the word, or the message also asks about allergy.
        if terms.contains(.nuts), let item = item(in: message), MessageWords.fold(item).contains("almond"),
            !message.containsAny(["nut", "nuts", "allergy", "allergic", "allergen", "allergens", "peanut", "peanuts"]) {
            terms.removeAll { $0 == .nuts }
        }
        return terms
    }

    private static let emailWords = ["email", "e mail", "emailed", "mail", "inbox", "correo", "mail me", "email me"]
    private static let phoneWords = ["call me", "call back", "callback", "ring me", "phone me", "by phone", "on the phone",
                                     "phone call", "give me a call", "call", "ring", "llamar", "llamada", "llamen", "phone number"]

    func channel(in message: MessageWords) -> ContactChannel? {
        if message.containsAny(Self.emailWords) { return .email }
        if message.containsAny(Self.phoneWords) { return .phone }
        return nil
    }
}
