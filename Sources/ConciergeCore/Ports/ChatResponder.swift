/// The concierge as the web sees it: one turn in, one turn out, and the limits the page shows beside the form.
/// `ChatService` is the real one; web tests use a scripted double.
public protocol ChatResponder: Sendable {
    /// The limits `respond` enforces, so that the page can show them without repeating them in configuration.
    var limits: ChatLimits { get }
    /// One turn: validates, stores, answers (see `ChatService`). Refusals are `ChatError`s.
    func respond(_ input: ChatInput) async throws -> ChatTurn
    /// The same turn, streamed: `accepted`, guarded text, then `done` with the stored turn (`ChatStreamEvent`).
    /// Refusals before `accepted` are `ChatError`s. The default answers whole, then sends it as one piece.
    func stream(_ input: ChatInput) -> AsyncThrowingStream<ChatStreamEvent, any Error>
}

/// What a shopper may send.
public struct ChatLimits: Hashable, Sendable {
    /// Messages per shopper per local day.
    public var dailyMessages: Int
    /// Longest message accepted, in characters.
    public var messageLength: Int

    public init(dailyMessages: Int, messageLength: Int) {
        self.dailyMessages = dailyMessages
        self.messageLength = messageLength
    }
}
