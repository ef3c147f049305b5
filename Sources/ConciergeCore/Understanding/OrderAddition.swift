import Foundation

/// Adding to an order in the shopper's own words, with the thing added in between: "can I add a muffin to it?",
/// "add two more lattes to my order". The cue lists hold phrases whose words stand together ("add to my order"), so
/// "where's my order and can I add a muffin to it" was read as a status question only.
enum OrderAddition {
    /// What the thing is added to; "it" only counts when the message is about an order ("…my order … to it").
    private static let targets: [[String]] = [["my", "order"], ["the", "order"], ["that", "order"], ["this", "order"],
                                              ["my", "delivery"], ["the", "delivery"], ["it"]]

    /// The index of "add" in `message` when something is added to an order within a few words of it.
    static func position(in message: MessageWords) -> Int? {
        let words = message.words
        let aboutAnOrder = message.containsAny(["order", "delivery"])
        for (index, word) in words.enumerated() where word == "add" || word == "adding" {
            let after = words.indices.dropFirst(index + 1).prefix(6)
            for to in after where words[to] == "to" {
                let rest = Array(words.dropFirst(to + 1).prefix(2))
                if targets.contains(where: { rest.starts(with: $0) && ($0 != ["it"] || aboutAnOrder) }) { return index }
            }
        }
        return nil
    }
}
