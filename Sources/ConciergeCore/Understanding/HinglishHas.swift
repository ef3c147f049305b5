/// "Samosa hai?", "paneer sandwich hai kya?", "oat milk h?": a short Hinglish message asking whether we have a thing,
/// the thing first and "hai" (is there) last. A question word or a pronoun among the words makes it something else
/// ("order kahan hai", "kya time hai", "sab theek hai").
enum HinglishHas {
    private static let endings: [[String]] = [["hai", "kya"], ["hain", "kya"], ["h", "kya"], ["hai"], ["hain"], ["h"]]
    private static let notThings: Set<String> = [
        "kya", "kahan", "kab", "kaise", "kitna", "kitne", "kitni", "kyun", "kyu", "kaun", "kon", "mera", "meri", "mere",
        "tera", "aap", "aapka", "aapki", "tum", "main", "mujhe", "yeh", "ye", "woh", "wo", "sab", "theek", "thik", "ok",
        "order", "refund", "coupon", "offer", "points", "time", "open", "band", "khula", "late", "problem", "issue",
        "delivery", "payment", "status", "abhi", "aaj", "kal", "it", "this", "that", "what", "there",
        // Feelings: "thand hai" (it's cold), "bhook lagi hai" are the comfort asks'.
        "thand", "thandi", "garmi", "bhook", "bhookh", "bhuk", "pyaas", "pyas", "neend", "bahut", "lagi", "laga",
    ]

    /// The thing's words, or `nil` when the message is not such a question.
    static func thing(in message: MessageWords) -> [String]? {
        let words = message.words
        guard words.count >= 2, words.count <= 5,
            let ending = endings.first(where: { words.count > $0.count && Array(words.suffix($0.count)) == $0 }) else {
            return nil
        }
        let thing = Array(words.dropLast(ending.count))
        guard !thing.isEmpty, thing.count <= 3, !thing.contains(where: notThings.contains) else { return nil }
        return thing
    }
}
