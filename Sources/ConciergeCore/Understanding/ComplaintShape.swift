/// A report of something gone wrong, read from how it is put together rather than from one cue word: a thing the
/// shopper got (a menu item, the order or delivery, the staff, the website), a verb of how it was or came, and a bad
/// state — "the toastie ws raw inside", "why was my sandwich soggy?", "el muffin estaba duro", "chai ekdum thandi
/// aayi". The cue lists hold single words; a bad word about the weather or the shopper ("I was so cold", "is it open
/// late?") has no such thing before it and is not a report.
enum ComplaintShape {
    /// Things a shopper gets from the chain, besides a menu item named.
    private static let things: Set<String> = [
        "order", "delivery", "food", "drink", "drinks", "coffee", "coffees", "tea", "lunch", "breakfast", "bag", "cup",
        "lid", "milk", "staff", "barista", "driver", "rider", "courier", "service", "website", "site", "app", "page",
        "checkout", "table", "tables", "toilet", "toilets", "loos", "sandwich", "croissant", "latte", "muffin",
        "pastry", "pastries", "cake", "bread", "soup", "toastie", "pedido", "comida", "bebida", "repartidor",
        "servicio", "khana", "chai",
    ]
    /// How it was, came or tasted (English, Spanish, Hinglish).
    private static let verbs: Set<String> = [
        "was", "were", "is", "are", "came", "arrived", "tasted", "tastes", "smelled", "smelt", "looked", "felt",
        "turned", "went", "ws", "estaba", "estaban", "llego", "fue", "tha", "thi", "aaya", "aayi",
    ]
    /// The Hinglish verbs of how it was (past only: "thanda hai?" may ask), which follow the state.
    private static let verbsLast: Set<String> = ["tha", "thi", "aaya", "aayi"]
    /// Bad states of food, drink, service and pages that the complaint cues do not all hold.
    private static let bad: Set<String> = [
        "stale", "dry", "hard", "soggy", "cold", "tepid", "lukewarm", "burnt", "burned", "scorched", "salty", "flat",
        "gritty", "lumpy", "wilted", "slimy", "mouldy", "moldy", "raw", "undercooked", "overcooked", "bitter", "sour",
        "curdled", "watery", "squashed", "crushed", "soaked", "leaking", "leaked", "spilled", "spilt", "empty",
        "missing", "wrong", "late", "rude", "dirty", "filthy", "sticky", "slow", "broken", "tiny", "bland",
        "tasteless", "greasy", "chewy", "disgusting", "awful", "terrible", "horrible", "gross", "inedible",
        "undrinkable", "unusable", "frio", "fria", "duro", "dura", "quemado", "quemada", "salado", "salada",
        "maleducado", "roto", "rota", "thanda", "thandi", "sukha", "kharab", "galat", "khatta", "ganda", "purana",
    ]
    /// A state wished, feared or denied is not one that happened ("will it be cold?", "it was not late").
    private static let hedges: Set<String> = ["will", "would", "if", "might", "not", "never", "isnt", "wasnt", "hope"]

    /// The index of the thing reported on, when the message reports it in a bad state: the thing, then how it was,
    /// then the bad state ("the toastie ws raw"); the verb first only in a "why" ("why was my sandwich soggy?"); no
    /// verb in a terse one-thumb report, the state right after the thing ("soup cold", "rider v rude today").
    /// `itemWords` are the folded words of the menu item the message names, which count as a thing.
    static func reportedThing(in message: MessageWords, itemWords: Set<String> = []) -> Int? {
        let words = message.words
        guard !words.contains(where: hedges.contains) else { return nil }
        let asksWhy = words.first == "why" || message.contains(phrase: "how come")
        for (at, word) in words.enumerated() where bad.contains(word) {
            // "flat white" is a drink, not a flat one.
            if word == "flat", at + 1 < words.count, words[at + 1].hasPrefix("white") { continue }
            let window = max(0, at - 6)..<at
            let isThing = { (index: Int) in things.contains(words[index]) || itemWords.contains(words[index]) }
            guard let thing = window.last(where: isThing) else { continue }
            let verbAfterThing = (thing + 1..<at).contains { verbs.contains(words[$0]) }
            let verbBeforeThing = asksWhy && window.contains { $0 < thing && verbs.contains(words[$0]) }
            // Hindi puts the verb last: "chai ekdum thandi aayi", "doodh khatta tha".
            let verbLast = words[(at + 1)..<min(words.count, at + 3)].contains(where: verbsLast.contains)
            let terse = words.count <= 5 && !words.contains(where: verbs.contains)
                && (thing + 1..<at).allSatisfy { intensifiers.contains(words[$0]) }
            if verbAfterThing || verbBeforeThing || verbLast || terse { return thing }
        }
        return nil
    }

    /// Words between a thing and its state in a terse report ("rider v rude").
    private static let intensifiers: Set<String> = ["so", "v", "very", "too", "really", "super", "well", "bit", "a"]

    /// Whether a message that reports something gone wrong also asks where or when the order is: only then is the
    /// order's status a second ask ("it arrived 40 minutes late" reports; "where is it, it's late" asks too).
    static func asksAfterTheOrder(_ message: MessageWords) -> Bool {
        message.containsAny(["where", "wheres", "when", "eta", "track", "tracking", "how long", "still waiting",
                             "still not", "still hasnt", "still no", "not arrived", "hasnt arrived", "not here",
                             "never arrived", "never came", "kahan", "kab", "donde", "cuando"])
    }
}
