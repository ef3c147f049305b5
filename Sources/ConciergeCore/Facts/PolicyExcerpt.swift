import Foundation
import Retrieval

/// The sentences of a policy chunk that answer the question: not its first two, which often stop before the
/// number the shopper needs ("Refunds are paid to the original card. They take…"). Lists become one sentence
/// ("You can pay with: cards; Apple Pay; gift cards."), table rows become "Chat messages: 90 days.", headings are
/// left out, and a sentence is never cut in the middle.
enum PolicyExcerpt {
    /// `headings` are the section's own headings: a question word that is also the section's subject ("dog" under
    /// "Assistance dogs") marks the sentence that answers it, ahead of one that only shares a verb ("bring a bowl").
    static func best(of text: String, for question: String, headings: [String] = [],
                     maximumLength: Int = 260) -> String {
        let sentences = self.sentences(of: text)
        guard !sentences.isEmpty else { return "" }
        let asked = contentWords(question).union(impliedWords(question))
        let subject = asked.intersection(contentWords(headings.joined(separator: " ")))
        let wantsNumber = MessageWords(question).containsAny(["how long", "how much", "how many", "when", "days", "hours",
                                                              "minutes", "cost", "price", "fee", "until", "window", "time"])
        let tables = tables(of: text)
        let asksHowLong = MessageWords(question).containsAny(howLongInHinglish)
        // "Can I buy a gift card?" is not answered by what it cannot be bought with.
        let asksAtAll = PolicySubject.askedAtAll(question) != nil
        let scores = sentences.enumerated().map { index, sentence -> Double in
            // A table row also says what its header says: "£10 to £24.99: £2.99." is a delivery fee.
            let header = tables.first { $0.rows.contains(sentence) }.map { contentWords($0.header) } ?? []
            let overlap = Double(contentWords(sentence).union(header).intersection(asked).count)
            let number = wantsNumber && sentence.contains(where: \.isNumber) ? 0.75 : 0
            let aboutSubject = Double(contentWords(sentence).intersection(subject).count) * 0.5
            let duration = asksHowLong && contentWords(sentence).contains("within") ? 1.5 : 0
            let restriction = asksAtAll && ["you cannot", "we cannot", "you can not", "we do not", "you can't"]
                .contains { sentence.lowercased().hasPrefix($0) } ? 1.5 : 0
            // "This page covers where and when we deliver…" is about the page, not an answer to anyone.
            let aboutPage = aboutThePage(sentence) ? 2.0 : 0
            // Asked whether there is such a thing at all, a section's opening sentence says what there is.
            let opens = asksAtAll && index == 0 ? 2.0 : 0
            return overlap + number + aboutSubject + duration + opens - restriction - aboutPage
        }
        var best = 0
        for index in sentences.indices where scores[index] > scores[best] { best = index }
        var chosen = sentences[best]
        // A table asked about as a whole ("how much is delivery?" over the fee bands) is quoted whole: one band is not
        // the answer. A row asked about by its own name ("how long do you keep chat messages?") stays alone.
        if let table = tables.first(where: { $0.rows.contains(chosen) })?.rows, table.count > 1,
            !table.contains(where: { row in !contentWords(String(row.prefix { $0 != ":" })).isDisjoint(with: asked) }) {
            let whole = table.joined(separator: " ")
            if whole.count <= maximumLength { return whole }
        }
        // A sentence that leans on the one before ("You will find it under Orders…") is quoted with it, or "it" would
        // be the shopper's guess.
        if best > 0, leansBack(chosen), sentences[best - 1].count + chosen.count + 1 <= maximumLength {
            return sentences[best - 1] + " " + chosen
        }
        // A sentence that leads into a table ("Your tier depends on…", then the tiers) is quoted with the whole table:
        // its first row alone would read as the only one.
        if best + 1 < sentences.count, let table = tables.first(where: { $0.rows.first == sentences[best + 1] })?.rows,
            table.count > 1, !sentences[best].hasPrefix(table[0]) {
            let whole = ([chosen] + table).joined(separator: " ")
            if whole.count <= maximumLength + 120 { return whole }
        }
        // A short or lead-in sentence reads better with the one after it, and so does one the next sentence goes on
        // about ("…gift cards come as plastic cards or e-gift cards. Both work at checkout and in every shop.").
        if best + 1 < sentences.count, !aboutThePage(sentences[best + 1]),
            chosen.count < 90 || chosen.hasSuffix(":") || leansBack(sentences[best + 1]),
            chosen.count + sentences[best + 1].count + 1 <= maximumLength {
            chosen += " " + sentences[best + 1]
        }
        return chosen
    }

    /// Each table's header row's words and its rows as `sentences(of:)` gives them ("£10 to £24.99: £2.99.").
    static func tables(of text: String) -> [(header: String, rows: [String])] {
        var tables: [[String]] = []
        var current: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("|") else {
                if !current.isEmpty { tables.append(current) }
                current = []
                continue
            }
            current.append(line)
        }
        if !current.isEmpty { tables.append(current) }
        return tables.map { lines in
            (header: lines[0].replacingOccurrences(of: "|", with: " "), rows: sentences(of: lines.joined(separator: "\n")))
        }
    }

    /// Whether a sentence opens with a pronoun for something named before it: "It…", "They…", "You will find it…".
    /// A sentence about the policy page itself ("This page explains…", "Please read this page if…").
    static func aboutThePage(_ sentence: String) -> Bool { sentence.lowercased().contains("this page") }

    static func leansBack(_ sentence: String) -> Bool {
        let words = MessageWords.fold(sentence)
        guard let first = words.first else { return false }
        return ["it", "its", "they", "them", "these", "those", "this", "that", "both"].contains(first)
            || words.prefix(4).dropFirst().contains { $0 == "it" || $0 == "them" }
    }

    /// Prose sentences in order: headings and table rows dropped, bold markers removed, each run of list items
    /// joined to the line that introduces it.
    static func sentences(of text: String) -> [String] {
        var blocks: [String] = []
        var listItems: [String] = []
        func flushList() {
            guard !listItems.isEmpty else { return }
            let items = listItems.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ";., ")) }
            let introduced = blocks.last?.hasSuffix(":") == true
            // Items that are whole sentences, with nothing introducing them, stay sentences: "…to buy them; Gift cards
            // cannot be exchanged…" read as one sentence with a capital in its middle.
            if !introduced, listItems.allSatisfy({ $0.hasSuffix(".") && $0.first?.isUppercase == true }) {
                blocks += items.map { $0 + "." }
                listItems = []
                return
            }
            if let last = blocks.last, introduced {
                blocks[blocks.count - 1] = last + " " + items.joined(separator: "; ") + "."
            } else {
                blocks.append(items.joined(separator: "; ") + ".")
            }
            listItems = []
        }
        var tableRow = 0
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "**", with: "")
                .replacingOccurrences(of: "`", with: "")
            // A table row reads as "Chat messages: 90 days, then deleted."; the header row and the rule are skipped.
            if line.hasPrefix("|") {
                tableRow += 1
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let isRule = cells.allSatisfy { $0.allSatisfy { "-: ".contains($0) } }
                if tableRow > 1, !isRule, cells.count >= 2 {
                    flushList()
                    blocks.append(cells[0] + ": " + cells.dropFirst().joined(separator: "; ") + ".")
                }
                continue
            }
            tableRow = 0
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let item = listItem(line) {
                listItems.append(item)
                continue
            }
            flushList()
            blocks.append(line)
        }
        flushList()
        return blocks.flatMap(split)
    }

    private static func listItem(_ line: String) -> String? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return String(line.dropFirst(2)) }
        // "1. acknowledge …", "2) …"
        let digits = line.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return String(rest.dropFirst(2))
    }

    /// Splits at ". ", "? " and "! " only, so prices (£1.50), times (07:00) and "e.g." in the middle stay whole.
    private static func split(_ block: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(block)
        for (index, character) in characters.enumerated() {
            current.append(character)
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if ".?!".contains(character), next == " ", !current.hasSuffix("e.g."), !current.hasSuffix("i.e.") {
                sentences.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { sentences.append(rest.hasSuffix(".") || rest.hasSuffix(":") ? rest : rest + ".") }
        return sentences
    }

    /// Verb forms the policies and shoppers both use, so "earned" meets "earn".
    private static let lemmas: [String: String] = [
        "earned": "earn", "earning": "earn", "earns": "earn", "spent": "spend", "spending": "spend", "spends": "spend",
    ]

    private static let stopWords: Set<String> = [
        "the", "a", "an", "and", "or", "to", "of", "in", "on", "for", "is", "are", "it", "my", "i", "you", "your", "we",
        "our", "can", "do", "does", "be", "with", "at", "by", "from", "this", "that", "if", "what", "how", "when", "me",
        "will", "get", "have", "has", "was", "were", "there", "any", "not", "no", "so", "as", "but", "about", "into",
    ]

    /// Words a question means without writing them: "do I get points for it?" asks how points are earned, and
    /// "get" alone is too common to count ("get a refund").
    /// Paying with points ("pay half with points", "use my points") asks how they are spent.
    /// What points buy ("what can I get with them?", "what are my points worth?") asks how they are spent, too.
    /// Money gone after a payment that failed ("it failed and money still left my account") asks whether it was
    /// charged: the sentence about a pending amount answers it, not the checklist for a declined card.
    static func impliedWords(_ question: String) -> Set<String> {
        let message = MessageWords(question)
        let words = message.set
        if message.containsAny(moneyGone) { return ["charged", "pending", "amount"] }
        // "Delivery kitne time mein aayegi?" (how long will it take to come?): the sentence with the minutes.
        if message.containsAny(howLongInHinglish) { return ["arrive", "within", "minute"] }
        guard !words.isDisjoint(with: ["point", "points", "reward", "rewards"]) else { return [] }
        if message.containsAny(["get with", "buy with", "get for them", "get for my", "worth", "swap"]) { return ["spend"] }
        if !words.isDisjoint(with: ["get", "gets", "collect", "gain", "receive"]) { return ["earn"] }
        return !words.isDisjoint(with: ["pay", "use", "half", "part", "some", "redeem"]) ? ["spend"] : []
    }

    /// "How long" in Hinglish. Its "time" also meets "a later time" in the passage, so the sentence that says how
    /// long it takes ("…within 30 to 45 minutes") is marked too (`best`).
    static let howLongInHinglish = ["kitne time", "kitna time", "kitni der", "kitne der", "kitne minute", "kitna samay"]

    private static let moneyGone = ["left my account", "taken from my account", "came out of my account",
                                    "money was taken", "money got taken", "took my money", "took the money",
                                    "money still went", "money went", "been debited", "was debited", "got debited",
                                    "been deducted", "was deducted", "got deducted", "paisa kat gaya", "paise kat gaye"]

    /// Folded words without stop words, with a plural "s" dropped, so "refunds" meets "refund" and "dogs" meets
    /// "dog" (not "-ss", "-us", "-is": "less", "plus", "this" are not plurals).
    static func contentWords(_ text: String) -> Set<String> {
        Set(MessageWords.fold(text).filter { !stopWords.contains($0) && $0.count > 1 }.map { word in
            if let lemma = lemmas[word] { return lemma }
            let plural = word.count >= 4 && word.hasSuffix("s") && !["ss", "us", "is"].contains(where: word.hasSuffix)
            return plural ? String(word.dropLast()) : word
        })
    }
}

extension PolicyFacts {
    /// The source is cited as `document > Heading > …` (the page lists it readably under the answer); the excerpt is
    /// the passage of the chunk that answers the question, chosen in code.
    init(result: RetrievalResult, question: String) {
        let headings = result.citation.headingPath.dropFirst()
        let source = headings.isEmpty ? result.citation.document
            : result.citation.document + " > " + headings.joined(separator: " > ")
        self.init(source: source, text: result.chunk.text, relevant: result.isRelevant,
                  excerpt: PolicyExcerpt.best(of: result.chunk.text, for: question,
                                              headings: result.citation.headingPath))
    }
}
