import Foundation

/// What a complaint is about, as Customer Care would file it. Each kind has its own policy: food and drink are put
/// right within the reporting window, service in a shop is fed back to its manager, lost property is kept at the shop.
public enum ComplaintKind: String, Codable, CaseIterable, Sendable {
    /// Food or a drink that was not right (stale, cold, burnt, wrong).
    case quality
    /// A team member who was rude, unfriendly or unhelpful.
    case staff
    /// A long wait or queue.
    case wait
    /// A table, toilet or shop that was not clean.
    case cleanliness
    /// The shop itself: loud music, noise, the temperature inside, nowhere to sit.
    case surroundings
    /// Something the shopper left behind in a shop.
    case lostProperty = "lost-property"
    /// An allergen in something eaten ("the samosa had nuts in it and I'm allergic"), or a reaction to it: safety
    /// first, then Customer Care.
    case allergen

    /// Whether it happened during a visit to a shop rather than with an order: no order is linked or quoted for it.
    public var isAboutAVisit: Bool { self != .quality && self != .allergen }
}

/// A complaint as the answer may name it: the kind, what went wrong and when, each a fixed word from the lists below
/// (never the shopper's free text, which may hold personal data), so the apology says what happened.
public struct ComplaintFacts: Codable, Hashable, Sendable {
    public var kind: ComplaintKind
    /// What went wrong in the answer's words: "stale", "rude to you", "the table"; for lost property, the item.
    public var what: String?
    /// When it happened, if the shopper said: "yesterday", "this morning", "last week".
    public var when: String?
    /// For a complaint about a visit, what was also wrong with the food or drink ("stale"), when the message says
    /// both: "the croissant was stale and the staff ignored me" is answered for both.
    public var foodToo: String? = nil
    /// For something received in place of what was ordered, the item that was ordered, as the menu names it
    /// ("…instead of the vegan one": the Vegan Blueberry Muffin of the shopper's order).
    public var insteadOf: String? = nil
}

/// Reads `ComplaintFacts` from a message by fixed word lists (English, Spanish, Hinglish). The lists are the kinds'
/// own words, so a message reporting nothing of the kind gets no reading and the general complaint answer.
enum ComplaintReader {
    /// - Parameter shopNamed: whether the message names one of the chain's shops: "I lost my phone" alone may be
    ///   anywhere, "I lost my phone at Lakeside" is lost property.
    static func read(_ text: String, shopNamed: Bool) -> ComplaintFacts? {
        let words = MessageWords(text)
        let when = first(of: whens, in: words)
        if let item = lostItem(words, shopNamed: shopNamed) {
            return ComplaintFacts(kind: .lostProperty, what: item, when: when)
        }
        if let allergen = allergenFound(words) { return ComplaintFacts(kind: .allergen, what: allergen, when: when) }
        // "My cold coffee was watery": a cold drink is a kind of drink, not its state; the state is the other word.
        let kinds = ["cold coffee", "cold brew", "cold drink", "cold drinks", "cold chocolate", "cold latte"]
        let named = MessageWords(kinds.reduce(" " + words.words.joined(separator: " ") + " ") {
            $0.replacingOccurrences(of: " \($1) ", with: " drink ")
        })
        // Something received in place of what was ordered ("a dairy latte instead of oat") was made or sent wrong.
        // In the words as typed only what the drink's kind did not hide: "cold" there is the Cold Brew's.
        let typed = first(of: qualityWords, in: words).flatMap { $0 == "cold" && named.joined != words.joined ? nil : $0 }
        var food = first(of: qualityWords, in: named) ?? typed
            ?? (ReceivedInstead.position(in: words) != nil ? "wrong" : nil)
        // "My cold brew came without ice" is a drink made wrong; "my delivery came without the beans" lacks an item.
        if food == "missing", words.containsAny(["came without", "arrived without", "delivered without"]),
            !words.containsAny(["order", "delivery", "bag", "parcel", "package", "it", "pedido"]) {
            food = "wrong"
        }
        if let what = first(of: staffWords, in: words) {
            return ComplaintFacts(kind: .staff, what: what, when: when, foodToo: food)
        }
        if let thing = unclean(words) { return ComplaintFacts(kind: .cleanliness, what: thing, when: when, foodToo: food) }
        if words.containsAny(waitWords) { return ComplaintFacts(kind: .wait, what: nil, when: when, foodToo: food) }
        if let thing = first(of: surroundingWords, in: words) {
            // "Freezing cold inside" is the room, not a cold drink.
            return ComplaintFacts(kind: .surroundings, what: thing, when: when,
                                  foodToo: thing == "the temperature inside" ? nil : food)
        }
        return food.map { ComplaintFacts(kind: .quality, what: $0, when: when) }
    }

    /// The allergen a shopper reports finding or reacting to ("had nuts in it", "allergic reaction"): an allergen
    /// word with a verb of finding, or a reaction named; "a reaction" when no allergen is.
    static func allergenFound(_ words: MessageWords) -> String? {
        let reaction = words.containsAny(["allergic reaction", "had a reaction", "having a reaction", "reacted",
                                          "anaphylaxis", "anaphylactic", "epipen", "epi pen", "throat is swelling",
                                          "throat swelling", "cant breathe"])
        let allergen = allergenWords.first { words.contains(phrase: $0.key) }?.value
        let found = words.containsAny(["had nuts", "had nut", "had dairy in", "had milk in", "had gluten", "had egg",
                                       "had sesame", "had peanut", "contained", "there was", "there were", "found",
                                       "was full of", "in it and", "in it i", "made me"])
            && words.containsAny(["allergic", "allergy", "intolerant", "coeliac", "celiac", "sick", "ill"])
        guard reaction || (allergen != nil && found) else { return nil }
        return allergen ?? "a reaction"
    }

    private static let allergenWords: KeyValuePairs<String, String> = [
        "peanut": "peanuts", "peanuts": "peanuts", "nut": "nuts", "nuts": "nuts", "almond": "nuts", "sesame": "sesame",
        "gluten": "gluten", "dairy": "dairy", "milk": "dairy", "egg": "egg", "eggs": "egg", "soy": "soy", "soya": "soy",
    ]

    /// The first phrase of `table` the message contains, in the table's order, as the answer words it.
    private static func first(of table: KeyValuePairs<String, String>, in words: MessageWords) -> String? {
        table.first { words.contains(phrase: $0.key) }?.value
    }

    /// A thing left behind: a verb of losing or leaving and a thing of the list, both in the message ("I left my
    /// umbrella at Lakeside", "mera phone reh gaya", "dejé mi paraguas").
    private static func lostItem(_ words: MessageWords, shopNamed: Bool) -> String? {
        let left = words.containsAny(leftBehind)
        let lostInAShop = words.containsAny(lost) && (shopNamed || words.containsAny(inAShop))
        guard left || lostInAShop else { return nil }
        return first(of: belongings, in: words)
    }

    /// What was not clean, when the message says something was dirty: "the table", "the toilets", else "the shop".
    private static func unclean(_ words: MessageWords) -> String? {
        guard words.containsAny(dirtyWords) || words.contains(phrase: "not clean") else { return nil }
        return first(of: places, in: words) ?? "the shop"
    }

    static let whens: KeyValuePairs<String, String> = [
        "yesterday": "yesterday", "yday": "yesterday", "yest": "yesterday", "ayer": "yesterday",
        "this morning": "this morning", "esta manana": "this morning", "last night": "last night",
        "anoche": "last night",
        "last week": "last week", "semana pasada": "last week", "today": "today", "hoy": "today", "aaj": "today",
    ]

    static let staffWords: KeyValuePairs<String, String> = [
        "rude": "was rude to you", "grosero": "was rude to you", "grosera": "was rude to you",
        "maleducado": "was rude to you", "mal educado": "was rude to you", "badtameez": "was rude to you",
        "badtameezi": "was rude to you", "impolite": "was rude to you", "attitude": "was rude to you",
        "unfriendly": "was unfriendly to you", "unhelpful": "was unhelpful", "ignored me": "ignored you",
        "ignored us": "ignored you", "shouted at me": "shouted at you", "yelled at me": "shouted at you",
    ]

    /// What about the shop itself spoiled the visit, as the answer words it.
    static let surroundingWords: KeyValuePairs<String, String> = [
        "music": "the music", "too loud": "the noise", "so loud": "the noise", "noisy": "the noise", "noise": "the noise",
        "cold inside": "the temperature inside", "cold in there": "the temperature inside",
        "cold in the shop": "the temperature inside", "hot inside": "the temperature inside",
        "hot in there": "the temperature inside", "air con": "the temperature inside", "aircon": "the temperature inside",
        "air conditioning": "the temperature inside", "heating": "the temperature inside",
        "nowhere to sit": "finding a seat", "no seats": "finding a seat", "no seating": "finding a seat",
        "no tables": "finding a seat", "no table": "finding a seat", "musica": "the music", "ruido": "the noise",
        "shor": "the noise",
    ]
    static let waitWords = ["waited", "waiting", "wait", "queue", "queued", "took forever", "ages", "so slow",
                            "too slow", "espere", "esperar", "espera", "intezaar", "wait kiya"]

    static let dirtyWords = ["dirty", "filthy", "sticky", "messy", "unclean", "gross", "disgusting", "sucio", "sucia",
                             "sucios", "ganda", "gandi", "gande"]

    static let places: KeyValuePairs<String, String> = [
        "toilets": "the toilets", "toilet": "the toilet", "bathroom": "the toilet", "loo": "the toilet",
        "tables": "the tables", "table": "the table", "mesa": "the table", "floor": "the floor", "cup": "your cup",
        "mug": "your mug", "chairs": "the seating", "seats": "the seating", "bano": "the toilet",
    ]

    static let leftBehind = ["left my", "left behind", "forgot my", "left a", "left the", "deje mi", "olvide mi",
                             "reh gaya", "reh gayi", "chhut gaya", "chhoot gaya", "bhool gaya", "bhool gayi"]
    /// Losing is not leaving: only with a shop named or "in the shop", "there".
    static let lost = ["lost my", "perdi mi", "gum gaya", "gum ho gaya"]
    static let inAShop = ["in the shop", "in the cafe", "at the cafe", "at the shop", "there", "in your shop",
                          "at your shop"]

    static let belongings: KeyValuePairs<String, String> = [
        "umbrella": "umbrella", "brolly": "umbrella", "paraguas": "umbrella", "chhata": "umbrella",
        "phone": "phone", "mobile": "phone", "movil": "phone", "celular": "phone", "telefono": "phone",
        "wallet": "wallet", "cartera": "wallet", "purse": "purse", "bag": "bag", "backpack": "bag", "bolso": "bag",
        "keys": "keys", "key": "keys", "llaves": "keys", "chabi": "keys", "scarf": "scarf", "bufanda": "scarf",
        "coat": "coat", "abrigo": "coat", "jacket": "jacket", "chaqueta": "jacket", "hat": "hat", "gloves": "gloves",
        "sunglasses": "sunglasses", "glasses": "glasses", "gafas": "glasses", "headphones": "headphones",
        "earbuds": "earbuds", "airpods": "earbuds", "laptop": "laptop", "charger": "charger", "book": "book",
        "card": "card", "jumper": "jumper", "sweater": "jumper", "bottle": "water bottle",
        "reusable cup": "reusable cup",
    ]

    static let qualityWords: KeyValuePairs<String, String> = [
        // A drink made otherwise than it should be, said before "cold" can be read from "cold brew".
        "no ice": "made without ice", "without ice": "made without ice", "ice nahi": "made without ice",
        "wrong milk": "made with the wrong milk", "dairy milk in": "made with the wrong milk",
        "had dairy": "made with the wrong milk", "normal milk": "made with the wrong milk",
        "regular milk": "made with the wrong milk", "cows milk": "made with the wrong milk",
        "tasted like dairy": "made with the wrong milk", "tastes like dairy": "made with the wrong milk",
        "tasted like normal milk": "made with the wrong milk",
        "stale": "stale", "lukewarm": "lukewarm", "luke warm": "lukewarm", "not hot": "not hot enough", "cold": "cold",
        "frio": "cold", "fria": "cold", "thanda": "cold", "thandi": "cold", "burnt": "burnt", "burned": "burnt",
        "quemado": "burnt", "watery": "watery", "soggy": "soggy", "bitter": "bitter", "sour": "sour", "weak": "weak",
        "spilled": "spilled", "spilt": "spilled", "squashed": "squashed", "crushed": "crushed", "smashed": "crushed",
        "damaged": "damaged",
        "undercooked": "undercooked",
        "mouldy": "mouldy", "moldy": "mouldy", "rancio": "stale", "wrong": "wrong", "equivocado": "wrong",
        "missing": "missing", "dry": "dry", "dried out": "dry", "seco": "dry", "seca": "dry", "duro": "stale",
        "dura": "stale", "raw": "undercooked", "crudo": "undercooked", "overcooked": "overcooked",
        "melted": "melted", "greasy": "greasy", "too salty": "too salty", "too sweet": "too sweet",
        // Something that never came with the order: "came without the beans", "you forgot my croissant".
        "came without": "missing", "arrived without": "missing", "delivered without": "missing",
        "forgot the": "missing", "forgot my": "missing", "forgotten": "missing", "left out": "missing",
        "not in the bag": "missing", "wasnt in the bag": "missing", "faltaba": "missing", "falto": "missing",
        // Made otherwise than asked: "had dairy milk but I asked for oat".
        "but i asked for": "wrong", "but i ordered": "wrong",
    ]
}
