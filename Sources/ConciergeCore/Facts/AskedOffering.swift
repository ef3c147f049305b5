import Foundation
import Retrieval

/// "Do you have oat milk?", "do u sell banana bread", "oat milk milega?": whether the chain offers something, asked
/// in so many words, answered from the shop's menu (items whose name, category or tags hold every word asked) and
/// from the policies retrieved for the message (a sentence that names every word: "Every drink can be made with oat,
/// soya, almond or coconut milk…"). A second ask like this is answered in its own sentence, after the main one.
enum AskedOffering {
    /// Words that open the ask, with what is asked after them.
    private static let openers = [
        "do you have", "do u have", "d u have", "do you guys have", "have you got", "you got", "got any", "got anything",
        "got something", "do you sell", "do u sell", "do you serve", "do u serve", "do you do", "do u do", "do you guys do", "do you stock",
        "do you offer", "do you carry", "is there any", "are there any", "is there a", "is there an", "tienen", "tienes",
        "teneis", "venden", "vendeis", "hay", "thats got", "that has", "that have", "which has", "that serves",
        "that sells", "that does",
    ]
    /// Words that close it, with what is asked before them (Hinglish).
    private static let closers = ["milega", "milegi", "milta", "hai kya", "available hai"]
    /// Where the thing asked for ends: the next ask or a filler.
    private static let boundaries: Set<String> = ["and", "or", "at", "in", "for", "today", "tomorrow", "now", "please",
                                                  "pls", "aur", "y", "also", "there", "here", "too", "abhi", "is",
                                                  "are"]
    /// "Do you have anything for kids?" asks about "kids": the vague words and the "for" before who it is for go.
    private static let leading: Set<String> = ["any", "some", "the", "a", "an", "de", "la", "el", "koi", "anything",
                                               "something", "stuff", "things", "for", "my", "our", "his", "her"]
    /// Who it is for, in the word the policies use for them: the very young are "children" (babyccinos are for
    /// children under 5), a son or a niece of any age "kids" (the kids' menu).
    private static let children: Set<String> = ["toddler", "toddlers", "baby", "babies", "child", "little one",
                                                "little ones"]
    private static let kids: Set<String> = ["son", "sons", "daughter", "daughters", "grandson", "granddaughter",
                                            "grandkids", "grandchildren", "nephew", "niece", "bachche", "bachon", "ninos"]

    /// `readAsMenu`: the message was read as asking about the menu. Without that, what is asked must hold a word of
    /// the shop's menu: "do you do delivery?" is a policy question, answered as one.
    static func find(in message: String, shop: Shop?, policies: [RetrievalResult], readAsMenu: Bool) -> OfferingFacts? {
        guard let asked = phrase(in: MessageWords(message)) else { return nil }
        let who = children.contains(asked) ? "children" : kids.contains(asked) ? "kids" : asked
        let wanted = PolicyExcerpt.contentWords(who)
        let menuWords = Set((shop?.menu ?? []).flatMap { PolicyExcerpt.contentWords(words(of: $0)) })
        guard !wanted.isEmpty, readAsMenu || !wanted.isDisjoint(with: menuWords) else { return nil }
        var facts = OfferingFacts(asked: asked, shop: shop?.name, items: [], passage: nil, source: nil)
        if let shop {
            facts.items = shop.menu.filter { wanted.isSubset(of: PolicyExcerpt.contentWords(words(of: $0))) }.prefix(3)
                .map { item in
                    ItemFacts(name: item.name, price: Money.format(item.priceMinor, currency: shop.currency),
                              shop: shop.name, tags: item.tags.map(\.rawValue))
                }
        }
        // A thing to eat or drink the menu does not list ("cookies") is the menu's to answer: the privacy notice's
        // "essential cookies" is not about it.
        let eaten = MenuLookup.unlistedThings[ItemClaims.singular(asked)].map { $0 != "merchandise" } ?? false
        // Every retrieved passage, also one the retriever judged weak for the whole message ("lakeside khula hai? aur
        // oat milk milega?"): a sentence that names every word asked is evidence enough for this ask.
        if !eaten, let found = OfferedSentence.find(in: policies.map(\.chunk.text),
                                            names: { wanted.isSubset(of: PolicyExcerpt.contentWords($0)) }) {
            facts.passage = found.clause.hasSuffix(".") ? found.clause : found.clause + "."
            facts.source = PolicyFacts(result: policies[found.passage], question: asked).source
        }
        return facts
    }

    /// The words asked for: after an opener, or before a Hinglish closer, up to three, to the next boundary.
    static func phrase(in message: MessageWords) -> String? {
        if let thing = HinglishHas.thing(in: message) { return thing.joined(separator: " ") }
        let reader = AskedPhrase(openers: openers, closers: closers, boundaries: boundaries, leading: leading)
        // "Gift card kitne ka milta hai?" asks what a gift card costs: the price is the question, not whether we sell
        // "card kitne ka".
        guard let found = reader.find(in: message),
            !found.words.contains(where: ["kitne", "kitna", "kitni", "kab", "kaise", "kahan", "kyun"].contains)
        else { return nil }
        return found.afterOpener ? english(found.words) : found.words.joined(separator: " ")
    }

    /// The phrase in English where its words are Spanish ones of `spanish`; other phrases as typed.
    static func english(_ words: [String]) -> String {
        guard words.contains(where: { SpanishMenuWords.english[$0] != nil }) else { return words.joined(separator: " ") }
        let translated = words.map { SpanishMenuWords.english[$0] ?? $0 }
        if translated.count == 3, translated[1] == "de" { return translated[2] + " " + translated[0] }
        // "leche almendra" (the "de" left out): Spanish puts the kind after the thing.
        if translated.count == 2, words.allSatisfy({ SpanishMenuWords.english[$0] != nil }) { return translated[1] + " " + translated[0] }
        return translated.filter { $0 != "de" }.joined(separator: " ")
    }

    private static func words(of item: MenuItem) -> String {
        item.name + " " + item.category.replacingOccurrences(of: "-", with: " ") + " "
            + item.tags.map(\.rawValue).joined(separator: " ")
    }
}

/// Whether the chain offers what the shopper asked for, from the menu of the shop in question and the policies.
public struct OfferingFacts: Codable, Hashable, Sendable {
    /// What was asked for, in the shopper's words ("oat milk").
    public var asked: String
    /// The shop whose menu was read (the one named, else the nearest).
    public var shop: String?
    /// Its items whose name, category or tags hold every word asked (at most three).
    public var items: [ItemFacts]
    /// A sentence of a policy retrieved for the message that names every word asked, and its source.
    public var passage: String?
    public var source: String?
}
