/// Word lists behind the address detector and the context checks, stored as hash sets.
///
/// Kept deliberately small and explicit: each list is what a shopper plausibly types in the six countries the
/// product serves first (US/CA, UK, India, Germany, France, Australia).
enum Lexicon {
    /// Street types that may stand alone after a house number ("1585 Broadway").
    static let standaloneStreets = WordHash.set(["broadway"])

    /// French street types, which come *before* the name ("12 rue de Rivoli").
    static let frenchStreetTypeWords = [
        "rue", "avenue", "av", "boulevard", "bd", "bld", "place", "chemin", "allée", "allee", "impasse", "quai",
        "cours", "route", "passage", "voie", "square",
    ]
    static let frenchStreetTypes = WordHash.set(frenchStreetTypeWords)

    /// Lower-case particles inside French street names ("rue de la Paix", "quai d'Orsay").
    static let nameParticles = WordHash.set(["de", "du", "des", "la", "le", "les", "sur", "en", "aux"])

    /// Capitalised words that start a new sentence rather than continue a name ("…rue de Rivoli Refund of…").
    static let sentenceWords = WordHash.set([
        "thanks", "thank", "please", "refund", "call", "send", "deliver", "ship", "hi", "hello", "hey", "bonjour",
        "merci", "hallo", "danke", "bitte", "can", "could", "would", "is", "are", "where", "when", "what", "why",
        "how", "my", "the", "i", "we", "you", "it", "this", "that", "and", "or", "also", "order", "see", "let",
        "tel", "phone", "email", "contact", "ok", "okay", "yes", "no", "do", "does", "did", "will", "cheers",
        "regards", "best", "sorry", "pls", "plz", "asap", "today", "tomorrow", "tonight", "use", "items",
        "est-ce", "je", "j'ai", "nous", "vous", "il", "elle", "c'est", "ich", "wir", "sie", "kann", "können",
        // chat, for lower-case tails ("…elm road, thx")
        "thx", "ty", "tia", "lol", "btw", "ta", "xx", "mate", "now", "later", "soon", "again", "instead", "tho",
        "anyway", "ur", "u", "im", "i'm", "it's", "its", "pickup", "delivery", "cash", "card",
    ])

    /// Lower-case words that close a chat message after an address: "…, cedar rapids thx".
    static let closingWords = WordHash.set([
        "thanks", "thank", "thx", "ty", "tia", "please", "pls", "plz", "cheers", "asap", "lol", "xx",
    ])

    /// Units of time, distance and weight: "5 min walk", "2 hour park", "3 mile loop" are no streets.
    static let measureWords = WordHash.set([
        "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours", "sec", "secs", "second", "seconds", "day",
        "days", "week", "weeks", "km", "kms", "mile", "miles", "mi", "metre", "metres", "meter", "meters", "ft",
        "feet", "yard", "yards", "block", "blocks", "step", "steps", "g", "kg", "ml", "oz", "lb", "lbs",
    ])

    /// Unit designators that can open or follow a street line ("Apt 4B", "Flat 3", "Suite 200").
    static let unitDesignatorWords = [
        "apt", "apartment", "unit", "suite", "ste", "flat", "room", "rm", "floor", "fl", "bldg", "building",
        "level", "lvl", "plot", "house", "no", "shop", "block", "tower", "wing", "studio",
    ]
    static let unitDesignators = WordHash.set(unitDesignatorWords)

    /// Compass points written before or after a street name ("55 W 46th St", "Ave NW").
    static let directionals = WordHash.set([
        "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west",
    ])

    /// Lower-case words that end a street-name run: an address never reads "3 lattes on the way".
    static let stopWords = WordHash.set([
        "the", "a", "an", "on", "at", "in", "to", "and", "or", "for", "from", "near", "by", "with", "my", "your",
        "our", "is", "are", "was", "were", "it", "its", "this", "that", "these", "those", "please", "but", "so",
        "if", "then", "than", "i", "you", "we", "they", "he", "she", "me", "us", "them", "pm", "am", "x", "per",
        "each", "off", "of", "more", "less", "via", "into", "onto", "over", "under", "all", "any", "some", "no",
        "not", "be", "been", "do", "did", "does", "have", "has", "had", "will", "would", "can", "could", "should",
        "what", "when", "where", "which", "who", "how", "why", "there", "here", "out", "up", "down", "as", "about",
    ])

    /// Words just before a number that make it a quantity rather than a house number ("I want 2 Milky Way").
    static let quantityCues = WordHash.set([
        "want", "wants", "order", "ordered", "ordering", "buy", "bought", "get", "got", "add", "added", "need",
        "take", "took", "grab", "have", "had", "with", "of", "and", "plus", "another", "only", "just", "about",
        "top", "best", "sold", "sell", "sells", "cost", "costs", "costing", "pay", "paid", "for", "x", "qty",
        "like", "give", "extra", "a", "the",
    ])

    /// Country names accepted at the end of an address after its postcode ("…, London NW1 6XE, UK").
    static let countries = WordHash.set([
        "uk", "usa", "us", "united kingdom", "united states", "india", "germany", "deutschland", "france",
        "australia", "canada", "england", "scotland", "wales",
    ])
}
