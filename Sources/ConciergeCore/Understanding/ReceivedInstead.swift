/// "They gave me a cappuccino instead of my oat flat white", "I got a latte instead of a cappuccino": something
/// received in place of what was ordered is a wrong item, a complaint. The examples read such messages as a change
/// to an order (they look like "can I get a latte instead of a cappuccino?"), and the answer said the order could no
/// longer be changed. A request ("can I get…", "I'd like…") or a change asked for ("swap it for…") is not it.
enum ReceivedInstead {
    private static let received: Set<String> = ["gave", "given", "got", "received", "sent", "brought", "served",
                                                "delivered", "handed", "made", "mila", "mili", "diya", "di"]
    private static let asking: Set<String> = ["can", "could", "would", "want", "wanna", "like", "prefer", "please",
                                              "pls", "rather", "change", "swap", "switch"]

    /// Where the report starts (the verb of receiving), or `nil`.
    static func position(in message: MessageWords) -> Int? {
        let words = message.words
        guard let instead = words.firstIndex(of: "instead"), instead + 1 < words.count, words[instead + 1] == "of",
            let verb = words[max(0, instead - 8)..<instead].lastIndex(where: received.contains)
        else { return nil }
        return words[..<instead].contains(where: asking.contains) ? nil : verb
    }

    /// Words that end what was ordered ("…instead of my oat flat white and I'm not happy").
    private static let ends: Set<String> = ["and", "but", "not", "so", "which", "can", "could", "pls", "please", "today",
                                            "yesterday", "again", "this", "at", "from", "in", "aur", "par", "lol", "wtf"]
    private static let pointing: Set<String> = ["my", "the", "a", "an", "our", "that", "mera", "meri", "what", "i"]

    /// What was ordered, as the chain names it: an item named whole after "instead of" ("my oat flat white"), or "the
    /// vegan one" read against the items the shopper ordered, latest order first. `nil` when neither names one item
    /// ("instead of oat" is a milk, not the Oat Hot Chocolate in an order).
    static func ordered(in message: MessageWords, menu: [String], ordered: [String]) -> String? {
        let words = message.words
        guard position(in: message) != nil, let instead = words.firstIndex(of: "instead") else { return nil }
        let asked = words.dropFirst(instead + 2).prefix { !ends.contains($0) }.prefix(5).filter { !pointing.contains($0) }
        guard !asked.isEmpty else { return nil }
        let phrase = " " + asked.joined(separator: " ") + " "
        // Whole names, longest first: "oat flat white" is not the Flat White.
        let whole = menu.sorted { ($0.count, $0) > ($1.count, $1) }
            .first { phrase.contains(" " + MessageWords.fold($0).joined(separator: " ") + " ") }
        if let whole { return whole }
        guard asked.last == "one", asked.count >= 2 else { return nil }
        let describing = Set(asked.dropLast())
        let fits = ordered.filter { describing.isSubset(of: Set(MessageWords.fold($0))) }
        return Set(fits).count == 1 ? fits.first : nil
    }
}
