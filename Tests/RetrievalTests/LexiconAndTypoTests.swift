import Testing

@testable import Retrieval

@Suite("Lexicon and typo tolerance")
struct LexiconAndTypoTests {
    @Test("parses rules and reports the bad line")
    func parsing() throws {
        let lexicon = try Lexicon(parsing: "# comment\n\nmoney back | reimburse => refund, money back  # trailing\n")
        #expect(
            lexicon.rules == [Lexicon.Rule(keys: ["money back", "reimburse"], expansions: ["refund", "money back"])])
        #expect(throws: LexiconError(line: 2, message: "expected `keys => expansions`")) {
            try Lexicon(parsing: "a => b\nno arrow here\n")
        }
        #expect(throws: LexiconError(line: 1, message: "empty key or expansion")) {
            try Lexicon(parsing: "a | => b\n")
        }
    }

    func matchedKeys(_ lexicon: String, _ query: String) throws -> [[String]] {
        let compiled = CompiledLexicon(try Lexicon(parsing: lexicon))
        let tokens = TextAnalyzer.tokens(query).filter { !$0.isExtra }
        return compiled.matches(stems: tokens.map(\.stem), isStop: tokens.map(\.isStop)).map(\.entry.key)
    }

    @Test("keys match in order with only stop words between; negations must be present")
    func matching() throws {
        let rules = "money back => refund\nnot working => fault\nwhere is my | where's my => track\n"
        #expect(try matchedKeys(rules, "can I have my money back") == [["money", "back"]])
        #expect(try matchedKeys(rules, "money is back") == [["money", "back"]])
        #expect(try matchedKeys(rules, "money from the shop back").isEmpty)
        #expect(try matchedKeys(rules, "the code is not working") == [["not", "work"]])
        #expect(try matchedKeys(rules, "how does the card work").isEmpty)
        #expect(try matchedKeys(rules, "Where's my parcel?") == [["where", "my"]])
    }

    @Test("the longest overlapping key wins")
    func longestMatch() throws {
        let rules = "phone => contact\npay with my phone => apple pay\n"
        #expect(try matchedKeys(rules, "can I pay with my phone") == [["pay", "with", "my", "phon"]])
        #expect(try matchedKeys(rules, "your phone number") == [["phon"]])  // keys are stems
    }

    @Test("one edit away: insertion, deletion, substitution, swap")
    func editDistance() {
        func close(_ a: String, _ b: String) -> Bool { TypoCorrector.withinOneEdit(Array(a.utf8), Array(b.utf8)) }
        #expect(close("refnd", "refund"))
        #expect(close("refund", "refnd"))
        #expect(close("polcy", "policy"))
        #expect(close("recieve", "receive"))
        #expect(close("adress", "address"))
        #expect(close("colour", "color"))
        #expect(!close("refund", "return"))
        #expect(!close("abc", "cab"))
    }

    @Test("corrects to the most frequent close word; short words only for a dropped letter or a swap")
    func corrections() {
        let corrector = TypoCorrector(words: [
            "refund": ("refund", 10), "refunds": ("refund", 3), "track": ("track", 2), "gold": ("gold", 5),
            "policy": ("polic", 4),
        ])
        #expect(corrector.correction(for: "refnd")?.surface == "refund")
        #expect(corrector.correction(for: "polcy")?.stem == "polic")
        #expect(corrector.correction(for: "trak")?.surface == "track")
        #expect(corrector.correction(for: "cold") == nil)  // a substitution away from "gold": not a typo
        #expect(corrector.correction(for: "zzzzzz") == nil)
    }
}
