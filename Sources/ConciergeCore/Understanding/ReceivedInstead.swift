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
}
