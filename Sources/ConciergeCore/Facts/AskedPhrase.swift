/// The words a shopper asks about after an opener ("do you have …", "can I pay with …") or, in Hinglish, before a
/// closer ("… milega?", "… chalega?"): up to three, to the next boundary word, leading fillers dropped. One reader
/// for `AskedOffering` and `AskedPaymentMethod`, which differ only in their word lists.
struct AskedPhrase {
    var openers: [String]
    var closers: [String]
    var boundaries: Set<String>
    var leading: Set<String>

    /// The words found, and whether they followed an opener (false: they came before a closer).
    func find(in message: MessageWords) -> (words: [String], afterOpener: Bool)? {
        let words = message.words
        for opener in openers {
            guard let at = CueScorer.position(of: opener, in: message) else { continue }
            let after = words.dropFirst(at + opener.split(separator: " ").count).drop { leading.contains($0) }
            let taken = after.prefix { !boundaries.contains($0) }.prefix(3)
            if !taken.isEmpty { return (Array(taken), true) }
        }
        for closer in closers {
            guard let at = CueScorer.position(of: closer, in: message) else { continue }
            let before = words.prefix(at).reversed().prefix { !boundaries.contains($0) }.prefix(3).reversed()
            let taken = Array(before.drop { leading.contains($0) })
            if !taken.isEmpty { return (taken, false) }
        }
        return nil
    }
}
