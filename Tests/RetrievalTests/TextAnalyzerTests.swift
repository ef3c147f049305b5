import Testing

@testable import Retrieval

@Suite("Text analysis")
struct TextAnalyzerTests {
    @Test("folds case and accents, drops stop words, stems (creme → crem)")
    func terms() {
        #expect(TextAnalyzer.terms("Café CRÈME for the Refunds") == ["cafe", "crem", "refund"])
        #expect(TextAnalyzer.terms("naïve façade Straße") == ["naiv", "facad", "strass"])
    }

    @Test("apostrophes: contractions join, possessive s goes")
    func apostrophes() {
        #expect(TextAnalyzer.tokens("don't").map(\.surface) == ["dont"])
        #expect(TextAnalyzer.tokens("where's my stuff").map(\.surface) == ["where", "my", "stuff"])
        #expect(TextAnalyzer.tokens("the shop’s hours").map(\.surface) == ["the", "shop", "hours"])
        #expect(TextAnalyzer.terms("I'm cold") == ["cold"])
        #expect(TextAnalyzer.terms("I'd like my ID checked, we'll wait") == ["id", "check", "wait"])
        #expect(TextAnalyzer.terms("it doesn't work") == ["doesnt", "work"].filter { !StopWords.contains($0) })
    }

    @Test("a currency amount also indexes the word price")
    func prices() {
        let tokens = TextAnalyzer.tokens("£7.99 a month, or $5")
        #expect(tokens.filter(\.isExtra).map(\.surface) == ["price", "price"])
        #expect(tokens.filter { !$0.isExtra && !$0.isStop }.map(\.stem) == ["7", "99", "month", "5"])
        #expect(TextAnalyzer.tokens("25p off").allSatisfy { !$0.isExtra })
    }

    @Test("hyphenated pairs also give the joined word; longer compounds do not")
    func hyphens() {
        let email = TextAnalyzer.tokens("e-mail us")
        #expect(email.map(\.surface) == ["e", "mail", "email", "us"])
        #expect(email.filter(\.isExtra).map(\.surface) == ["email"])
        #expect(!TextAnalyzer.tokens("click-and-collect").contains { $0.isExtra })
    }

    @Test("Markdown punctuation never forms words; numbers stay")
    func markdown() {
        #expect(TextAnalyzer.terms("| **£2.99** | 14 days |") == ["pric", "2", "99", "14", "day"])
        #expect(TextAnalyzer.terms("- [Gift cards](https://example.com/gift)") == ["gift", "card", "exampl", "gift"])
    }

    @Test(
        "stemmer conflates inflections consistently",
        arguments: [
            (["refund", "refunds", "refunded", "refunding", "refundable"], "refund"),
            (["delivery", "deliveries", "delivered", "delivering"], "deliver"),
            (["cancel", "cancelled", "canceled", "cancelling", "cancellation"], "cancel"),
            (["policy", "policies"], "polic"),
            (["pay", "payment", "payments", "paid"], "pay"),
            (["change", "changes", "changed", "changing"], "chang"),
            (["ship", "shipped", "shipping"], "ship"),
            (["address", "addresses"], "address"),
            (["allergy", "allergies"], "allerg"),
            (["accessible", "accessibility"], "access"),
            (["expire", "expired", "expiry", "expiration"], "expir"),
            (["international", "internationally"], "international"),
            (["coffee", "coffees"], "coffee"),
        ])
    func stems(words: [String], stem: String) {
        for word in words { #expect(Stemmer.stem(word) == stem, "\(word)") }
    }

    @Test("stemmer leaves short words, numbers and other scripts alone")
    func stemmerLimits() {
        #expect(Stemmer.stem("bus") == "bus")
        #expect(Stemmer.stem("status") == "status")
        #expect(Stemmer.stem("2024s") == "2024s")
        #expect(Stemmer.stem("кофе") == "кофе")
        #expect(Stemmer.stem("party") == "party")
    }
}
