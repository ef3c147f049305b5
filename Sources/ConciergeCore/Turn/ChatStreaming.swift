/// What a streamed turn tells the page, in order: `accepted` once the message is stored (a refusal before that
/// is a `ChatError`, as for `respond`), guarded and un-masked text as it is released, then the stored turn.
///
/// The text events are a preview; `done` is the truth. The `delta`s and `replace`s together always end showing
/// exactly `done`'s `reply.text`, which is what `respond` would have stored.
public enum ChatStreamEvent: Sendable {
    /// The message passed validation and is stored in this conversation.
    case accepted(conversationID: String)
    /// More of the answer: whole sentences that passed the output guard and the grounding check, un-masked.
    case delta(String)
    /// Everything shown so far is replaced by this text (a later sentence failed the guard, the model failed
    /// mid-answer, and the regenerated or deterministic answer is used instead).
    case replace(String)
    /// The stored turn; always the last event.
    case done(ChatTurn)
}

/// Where a streaming turn sends its events (an `AsyncThrowingStream`'s continuation).
typealias ChatEventSink = @Sendable (ChatStreamEvent) -> Void

extension ChatResponder {
    /// Responders that cannot stream answer the whole turn, then send it as one piece.
    public func stream(_ input: ChatInput) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        AsyncThrowingStream { continuation in
            Task {
                do {
                    let turn = try await respond(input)
                    continuation.yield(.accepted(conversationID: turn.conversationID))
                    continuation.yield(.delta(turn.reply.text))
                    continuation.yield(.done(turn))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
        }
    }
}

extension ChatService {
    /// `respond`, streamed (see `ChatStreamEvent`). The turn runs to its end even if nobody reads the stream any
    /// more (the page was closed): the answer is stored and shows on the next visit.
    public func stream(_ input: ChatInput) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        AsyncThrowingStream { continuation in
            Task {
                do {
                    let turn = try await respond(input, events: { continuation.yield($0) })
                    continuation.yield(.done(turn))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
        }
    }

    /// Sends what the page must still see so that it shows exactly `final`: the rest of it when what was shown is
    /// its start, else a `replace`.
    static func settle(shown: String, final: String, events: ChatEventSink) {
        if final.hasPrefix(shown) {
            let rest = String(final.dropFirst(shown.count))
            if !rest.isEmpty { events(.delta(rest)) }
        } else {
            events(.replace(final))
        }
    }
}
