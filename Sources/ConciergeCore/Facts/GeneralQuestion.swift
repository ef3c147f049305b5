import Foundation

/// "How long does delivery take?", "do you deliver in the evening?", "how many points do I earn per pound?": a
/// question about how things work, not about the shopper's own order or balance.
enum GeneralQuestion {
    private static let frames = ["how long", "how many", "how much", "do you", "can i", "can you", "what is", "whats",
                                 "when do", "is there", "are there", "how do", "how does", "what happens", "what time",
                                 // Hinglish: "delivery kitne time mein aayegi?" (how long does delivery take?)
                                 "kitne time", "kitna time", "kitni der", "kitne der"]
    private static let own = ["my", "mine", "me", "i ordered", "i bought", "i got", "ive ordered", "did i", "have i",
                              "do i have", "am i", "where is", "wheres", "mera", "meri", "mere", "maine"]

    /// "How long does delivery take to my place?" names where the shopper is, not one of their orders.
    private static let places: Set<String> = ["place", "house", "home", "flat", "office", "work", "address", "area",
                                              "street", "postcode", "building", "hotel", "door", "city", "town"]

    static func asks(_ message: String) -> Bool {
        let words = MessageWords(message)
        guard words.words.count <= 20, words.containsAny(frames) else { return false }
        let all = words.words
        let kept = all.indices.filter { index in
            !(all[index] == "my" && index + 1 < all.count && places.contains(all[index + 1]))
        }.map { all[$0] }
        return !MessageWords(kept.joined(separator: " ")).containsAny(own)
    }
}
