import Foundation

/// What of a message the sentence model reads. The model sees its first 256 word pieces (about 1,000 characters) and
/// nothing after, so a 2,000-character ramble with its question at the end was read as the story before it (a boiler
/// that broke read as a complaint, with a hand-off offered). A long message that asks something is read by its
/// questions; short messages, and long ones without a question, as written. The cue rules still read all of it.
public enum MessageFocus {
    /// Longer than this, a message is read by its questions (well inside the model's window, so nothing is cut).
    public static let longMessageCharacters = 600

    public static func textToEmbed(_ text: String) -> String {
        guard text.count > longMessageCharacters else { return text }
        let questions = sentences(of: text).filter { $0.hasSuffix("?") }
        guard !questions.isEmpty else { return text }
        return String(questions.joined(separator: " ").suffix(longMessageCharacters))
    }

    /// Sentences as typed, ended by ".", "!", "?" or a line break (the mark kept).
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in text {
            if character.isNewline {
                sentences.append(current)
                current = ""
                continue
            }
            current.append(character)
            if ".!?".contains(character) {
                sentences.append(current)
                current = ""
            }
        }
        sentences.append(current)
        return sentences.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
