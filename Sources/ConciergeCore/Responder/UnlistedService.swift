import Foundation

/// Services some chains offer and the shopper asks about by name ("do you do gift wrapping?", "can I book a table?").
/// When no passage retrieved mentions the service, that is said plainly: the nearest passage (gift cards for "gift
/// wrapping") was quoted as if it answered. A chain whose policies do mention it is answered from them as before.
enum UnlistedService {
    /// The service as the answer names it, the phrases that ask for it, and the word stems a passage about it has.
    private static let services: [(name: String, phrases: [String], stems: [String])] = [
        ("gift wrapping", ["gift wrap", "gift wrapping", "gift wrapped", "wrap it", "wrap a gift", "wrapping"],
         ["wrapping", "wrapped"]),
        ("table reservations", ["book a table", "reserve a table", "reservation", "reservations"],
         ["reserv", "booking"]),
        ("catering", ["catering", "cater", "cater for"], ["cater"]),
        ("private hire", ["private hire", "hire the", "hire a room", "private event", "private party"], ["hire"]),
        ("coffee subscriptions", ["subscription", "subscriptions", "subscribe"], ["subscri"]),
    ]

    /// "We don't list gift wrapping…" when the message asks for a listed service that no passage mentions.
    static func answer(_ context: PromptContext, message: String) -> [String]? {
        let words = MessageWords(message)
        guard let service = services.first(where: { words.containsAny($0.phrases) }) else { return nil }
        let written = context.policies.flatMap { MessageWords($0.text).words }
        guard !written.contains(where: { word in service.stems.contains { word.hasPrefix($0) } }) else { return nil }
        return ["We don't list \(service.name) in \(context.chain)'s policies, so I can't say we offer it."]
    }
}
