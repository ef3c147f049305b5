/// The chain's own names the slot rules look for: its menu items and its shops. Built from data (the shops'
/// menus), never from a list in code, so an imported chain's items and shops are recognised too.
public struct ChainVocabulary: Sendable {
    struct Name: Sendable {
        var written: String
        var words: [String]
    }

    let items: [Name]
    /// Shops by the first of their distinctive words: a chain has thousands, a message names one at most.
    let shopsByFirstWord: [String: [Name]]
    /// Words that pick out exactly one shop in the chain's data — a word of its name, of its street or of its city —
    /// with that shop's name: "the soho one", "the fleet street shop", "the one in lyon". A word two shops share
    /// ("kings" of King's Road) names neither, so it is not here.
    let shopsByOwnWord: [String: String]

    /// Words that say what kind of place a shop is, not which one: "Chelsea Roasters" is found by "chelsea".
    private static let shopKindWords: Set<String> = [
        "cafe", "coffee", "house", "roasters", "roastery", "kitchen", "espresso", "bar", "bakehouse", "bean", "the",
    ]
    /// Ordinary words of names and streets that shoppers use for other things ("the new one", "open at night", "the
    /// one in the park", "central"): even when only one shop has them, they do not name it alone.
    static let commonPlaceWords: Set<String> = [
        "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "way", "place", "square", "park", "hill", "market",
        "station", "village", "gardens", "garden", "walk", "parade", "causeway", "circle", "bridge", "high", "old",
        "new", "upper", "lower", "great", "little", "big", "main", "central", "centre", "center", "north", "south",
        "east", "west", "night", "late", "early", "day", "morning", "city", "town", "feet", "rue", "de", "la", "le",
        "du", "strasse", "straße", "and", "of", "on", "at", "in", "near", "by", "shop", "one", "branch", "store",
    ]

    public init(itemNames: [String], shopNames: [String], shopPlaces: [String: [String]] = [:]) {
        items = Set(itemNames).sorted().map { Name(written: $0, words: MessageWords.fold($0).filter { $0 != "with" }) }
        let shops = Set(shopNames).sorted().map { name in
            let words = MessageWords.fold(name)
            let distinctive = words.filter { !Self.shopKindWords.contains($0) }
            return Name(written: name, words: distinctive.isEmpty ? words : distinctive)
        }
        shopsByFirstWord = Dictionary(grouping: shops.filter { !$0.words.isEmpty }, by: { $0.words[0] })
        var owners: [String: Set<String>] = [:]
        for shop in shops {
            let placeWords = (shopPlaces[shop.written] ?? []).flatMap(MessageWords.fold)
            for word in Set(shop.words + placeWords) where Self.mayNameAShop(word) {
                owners[word, default: []].insert(shop.written)
            }
        }
        shopsByOwnWord = owners.compactMapValues { $0.count == 1 ? $0.first : nil }
    }

    /// The chain's shops with where they are: a shop is also named by its street and its city.
    public init(shops: [Shop]) {
        let places = Dictionary(shops.map { ($0.name, [$0.address.line1, $0.address.city]) },
                                uniquingKeysWith: { $0 + $1 })
        self.init(itemNames: shops.flatMap { $0.menu.map(\.name) }, shopNames: shops.map(\.name), shopPlaces: places)
    }

    /// A house number, "20th", a one- or two-letter word or a common place word never names a shop alone.
    private static func mayNameAShop(_ word: String) -> Bool {
        word.count >= 3 && !word.contains(where: \.isNumber) && !commonPlaceWords.contains(word)
            && !shopKindWords.contains(word)
    }

    public static let empty = ChainVocabulary(itemNames: [], shopNames: [])
}
