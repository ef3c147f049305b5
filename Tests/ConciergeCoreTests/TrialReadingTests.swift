@testable import ConciergeCore
import Testing

/// The readings behind the shopper trial's fixes: a shop named by a word only it has in the chain's data, one's data
/// as an account task, what "do you have …?" asks for, and the policy sentence that names the section's subject.
@Suite("Trial fixes: shop references, data tasks, offerings, excerpts")
struct TrialReadingTests {
    static let places: [String: [String]] = [
        "Lakeside Café": ["1 Outer Circle, Regent's Park", "London"],
        "Night Owl Coffee": ["27 Old Compton Street", "London"],
        "Soho Coffee House": ["195 Fleet Street", "London"],
        "Southbank Coffee House": ["35 King's Road", "London"],
        "Clapham Bakehouse": ["196 King's Road", "London"],
        "Battery Park Bakehouse": ["22 Bedford Ave", "New York"],
        "Chelsea Roasters": ["210 W 20th St", "New York"],
        "Confluence Café": ["235 Rue Saint-Jean", "Lyon"],
    ]
    let understanding = ShopperUnderstanding(vocabulary: ChainVocabulary(
        itemNames: ["Oat Flat White", "Banana Bread"], shopNames: Array(Self.places.keys), shopPlaces: Self.places))

    @Test(arguments: [
        ("wat time does the soho shop close", "Soho Coffee House"),
        ("when does the one in soho close", "Soho Coffee House"),
        ("soho branch hours?", "Soho Coffee House"),
        ("what time does the fleet street one close", "Soho Coffee House"),
        ("is the shop on old compton st open late?", "Night Owl Coffee"),
        ("is the lyon one open on sunday", "Confluence Café"),
        ("la tienda de soho", "Soho Coffee House"),
    ])
    func aWordOnlyOneShopHasNamesIt(_ message: String, _ shop: String) {
        #expect(understanding.read(message).slots.shop == shop, "\(message)")
    }

    /// Words two shops share, words of many, and ordinary words (even when one shop's name or street has them) name no
    /// shop; nor do words of two different shops together, nor a place a shop is near.
    @Test(arguments: ["is the kings road shop open", "the london one", "is the one in the park open", "the central one",
                      "is the new one open yet", "any shop open late at night", "the fleet street one or the lyon one",
                      "is there a cafe near soho"])
    func commonOrSharedWordsNameNoShop(_ message: String) {
        #expect(understanding.read(message).slots.shop == nil, "\(message)")
    }

    @Test(arguments: [
        ("delete my data", [AccountTask.deleteAccount]),
        ("erase everything you have on me", [.deleteAccount]),
        ("pls delte all my data", [.deleteAccount]),
        ("mera data delete karo", [.deleteAccount]),
        ("i want my data", [.downloadData]),
        ("quiero mis datos", [.downloadData]),
        ("i want my data deleted", [.deleteAccount]),
        ("who can see my data?", []),
        ("what do you do with my data", []),
    ])
    func oneDataIsAnAccountTask(_ message: String, _ expected: [AccountTask]) {
        #expect(AccountTask.asked(in: message) == expected, "\(message)")
    }

    @Test(arguments: [
        ("is the soho one open tmrw morning and do u have oat milk", "oat milk"),
        ("lakeside abhi khula hai? aur oat milk milega?", "oat milk"),
        ("do you have any vegan cake today", "vegan cake"),
        ("do you sell banana bread", "banana bread"),
    ])
    func whatIsAskedFor(_ message: String, _ asked: String) {
        #expect(AskedOffering.phrase(in: MessageWords(message)) == asked, "\(message)")
    }

    @Test func noOfferingAskedWithoutAskingForOne() {
        #expect(AskedOffering.phrase(in: MessageWords("where is my order")) == nil)
        #expect(AskedOffering.phrase(in: MessageWords("is lakeside open now")) == nil)
    }

    /// "Can I bring my dog": the sentence about dogs (the section's subject), not the one that only shares "bring".
    @Test func theExcerptNamesTheSectionsSubject() {
        let text = "### Assistance dogs\n\nAssistance dogs are always welcome in all our shops. "
            + "We are happy to bring a bowl of water."
        let excerpt = PolicyExcerpt.best(of: text, for: "can I bring my dog",
                                         headings: ["Accessibility", "In our shops", "Assistance dogs"])
        #expect(excerpt.hasPrefix("Assistance dogs are always welcome in all our shops."), "\(excerpt)")
        #expect(PolicyExcerpt.contentWords("dogs less plus") == ["dog", "less", "plus"])
    }
}
