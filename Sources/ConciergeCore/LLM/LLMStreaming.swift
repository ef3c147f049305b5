/// What a streamed completion delivers, in order: text as the model writes it, then the whole completion.
public enum LLMStreamEvent: Hashable, Sendable {
    /// The next piece of the answer (masked text; it may end anywhere, even inside a placeholder).
    case delta(String)
    /// The end: the whole text (the deltas joined), the model and every attempt. Always the last event.
    case finished(LLMCompletion)
}

extension LLMClient {
    /// Clients that cannot stream complete the answer, then deliver it as one delta: callers see the same events
    /// whatever the client.
    public func stream(_ request: LLMRequest, continuing spent: [LLMAttempt])
        -> AsyncThrowingStream<LLMStreamEvent, any Error>
    {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let completion = try await complete(request, continuing: spent)
                    continuation.yield(.delta(completion.text))
                    continuation.yield(.finished(completion))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

extension LLMTransport {
    /// Transports without a streaming mode make an ordinary attempt and hand over the whole reply as one delta.
    public func streamAttempt(
        _ request: LLMRequest, number: Int, timeout: Duration, onDelta: @escaping @Sendable (String) -> Void
    ) async -> LLMAttemptResult {
        let result = await attempt(request, number: number, timeout: timeout)
        if case .reply(let reply) = result { onDelta(reply.text) }
        return result
    }
}
