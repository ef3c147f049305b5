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

    /// Words that say what kind of place a shop is, not which one: "Chelsea Roasters" is found by "chelsea".
    private static let shopKindWords: Set<String> = [
        "cafe", "coffee", "house", "roasters", "roastery", "kitchen", "espresso", "bar", "bakehouse", "bean", "the",
    ]

    public init(itemNames: [String], shopNames: [String]) {
        items = Set(itemNames).sorted().map { Name(written: $0, words: MessageWords.fold($0).filter { $0 != "with" }) }
        let shops = Set(shopNames).sorted().map { name in
            let words = MessageWords.fold(name)
            let distinctive = words.filter { !Self.shopKindWords.contains($0) }
            return Name(written: name, words: distinctive.isEmpty ? words : distinctive)
        }
        shopsByFirstWord = Dictionary(grouping: shops.filter { !$0.words.isEmpty }, by: { $0.words[0] })
    }

    public init(shops: [Shop]) {
        self.init(itemNames: shops.flatMap { $0.menu.map(\.name) }, shopNames: shops.map(\.name))
    }

    public static let empty = ChainVocabulary(itemNames: [], shopNames: [])
}
