/// Word lists behind the address detector and the context checks, stored as hash sets.
///
/// Kept deliberately small and explicit: each list is what a shopper plausibly types in the six countries the
/// product serves first (US/CA, UK, India, Germany, France, Australia).
enum Lexicon {
    /// English-style street types that end a street name ("Baker Street", "46th St", "MG Road").
    static let streetSuffixes = WordHash.set([
        "street", "st", "avenue", "ave", "av", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr",
        "court", "ct", "place", "pl", "square", "sq", "terrace", "ter", "terr", "way", "parkway", "pkwy",
        "highway", "hwy", "circle", "cir", "close", "crescent", "cres", "gardens", "gdns", "grove", "row",
        "mews", "walk", "hill", "park", "green", "trail", "trl", "alley", "plaza", "plz", "loop", "path", "pike",
        "expressway", "expy", "freeway", "fwy", "causeway", "embankment", "parade", "promenade", "quay", "wharf",
        "rise", "vale", "ridge", "heights", "hts", "commons", "marg", "nagar", "salai", "layout", "colony",
        "enclave", "broadway", "apartments", "towers", "residency", "chambers", "mansions", "wynd", "gate",
    ])

    /// Street types that are unambiguous enough to accept after lower-case street names ("12 baker street").
    static let strongStreetSuffixes = WordHash.set([
        "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr",
        "court", "ct", "crescent", "cres", "terrace", "place", "marg", "parkway", "highway", "hwy",
    ])

    /// Street types that may stand alone after a house number ("1585 Broadway").
    static let standaloneStreets = WordHash.set(["broadway"])

    /// French street types, which come *before* the name ("12 rue de Rivoli").
    static let frenchStreetTypes = WordHash.set([
        "rue", "avenue", "av", "boulevard", "bd", "bld", "place", "chemin", "allée", "allee", "impasse", "quai",
        "cours", "route", "passage", "voie", "square",
    ])

    /// Lower-case particles inside French and Spanish street names ("rue de la Paix").
    static let nameParticles = WordHash.set(["de", "du", "des", "la", "le", "les", "l", "d", "of", "the", "del", "y"])

    /// Unit designators that can open or follow a street line ("Apt 4B", "Flat 3", "Suite 200").
    static let unitDesignators = WordHash.set([
        "apt", "apartment", "unit", "suite", "ste", "flat", "room", "rm", "floor", "fl", "bldg", "building",
    ])

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
    ])

    /// Country names accepted at the end of an address after its postcode ("…, London NW1 6XE, UK").
    static let countries = WordHash.set([
        "uk", "usa", "us", "united kingdom", "united states", "india", "germany", "deutschland", "france",
        "australia", "canada", "england", "scotland", "wales",
    ])
}
