/// Cuts a streamed (masked) answer into pieces the guard can judge: only whole sentences leave the buffer.
///
/// A piece ends after a sentence end (`.`, `!`, `?`) or a line break, at the whitespace that follows it; the
/// rest waits for more text. Placeholders (`<ORDER_ID_1>`) hold no whitespace, so a placeholder split across
/// deltas is always inside the waiting rest until it is whole, and a number such as `3.50` is never cut.
struct SentenceRelease: Sendable {
    /// Text received and not yet released.
    private(set) var pending = ""

    /// Adds `delta`; returns the whole sentences now complete (nil while none is).
    mutating func append(_ delta: String) -> String? {
        pending += delta
        guard let end = Self.lastBoundary(in: pending) else { return nil }
        let sentences = String(pending[..<end])
        pending = String(pending[end...])
        return sentences
    }

    /// The index just past the last whitespace that follows a sentence end (or is a line break).
    static func lastBoundary(in text: String) -> String.Index? {
        var boundary: String.Index?
        var previous: Character?
        for index in text.indices {
            let character = text[index]
            if character.isNewline || (character.isWhitespace && [".", "!", "?"].contains(previous)) {
                boundary = text.index(after: index)
            }
            previous = character
        }
        return boundary
    }
}
