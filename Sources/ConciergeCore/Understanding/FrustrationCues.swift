/// Frustration the word lists miss because it is said by repeating oneself: a complaint that has happened before
/// ("my order is wrong AGAIN", "the second time this week") or an ask made more than once ("how many times do I have to
/// ask", "kitni baar bolun"). The labelled sets' convention: annoyed with us, not only reporting something.
enum FrustrationCues {
    /// Said with or without anything gone wrong: the shopper is repeating themselves.
    private static let repeating = ["how many times", "how much longer", "second time", "third time", "fourth time",
                                    "or what", "kitni baar", "baar baar", "otra vez", "de nuevo", "tercera vez",
                                    "segunda vez", "every single time"]
    /// Said of something gone wrong: it is not the first time ("late again", "charged 3 times"); "try again", "hi
    /// again" and "moved the meeting three times" are not.
    private static let recurring = ["again", "every time", "three times", "3 times", "four times", "4 times"]
    private static let retrying = ["try again", "tried again", "trying again", "order again", "again please"]
    /// A long message tells a story; a repeat in it is about the story ("a 2,000-character ramble").
    private static let longest = 40

    /// Whether the message is frustration rather than the sentiment `current` read from it.
    static func escalates(_ message: MessageWords, current: Sentiment?) -> Bool {
        if current == .frustration || current == .thanks || message.words.count > longest { return false }
        if message.containsAny(repeating) { return true }
        return current == .complaint && message.containsAny(recurring) && !message.containsAny(retrying)
    }
}
