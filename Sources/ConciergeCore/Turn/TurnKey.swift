/// The key a chat form carries so that sending the same message twice is one turn, not two.
///
/// A shopper resends when the first post failed: the 503 page's form after a store outage, the page script's
/// retry, a double-click. If the first attempt stored the message before failing, a second message and a second
/// answer would appear. With a key, the question and the answer get ids derived from it (and from the user, so a
/// key copied from another account can never reach that account's messages): a resend of an answered question
/// returns the stored answer, a resend of a stored but unanswered one answers it without storing it again.
public struct TurnKey: Hashable, Sendable {
    public let value: String

    /// Letters, digits, `_` and `-`, 8 to 64 of them (the form's keys are `turn_` and 20 random characters).
    public init(validating raw: String) throws(ChatError) {
        let allowed = raw.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D
        }
        guard (8...64).contains(raw.utf8.count), allowed else { throw .malformedTurnKey }
        value = raw
    }

    public func questionID(userID: String) -> String { "msg_\(userID)_\(value)_q" }
    public func answerID(userID: String) -> String { "msg_\(userID)_\(value)_a" }
}
