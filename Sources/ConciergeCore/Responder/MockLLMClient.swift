import Foundation

/// The mock model: a deterministic, useful answer composed from the context found in the request — the same
/// masked facts a real model would get. Not canned text: change the facts and the answer changes.
///
/// Streamed, it delivers that answer in pieces of `chunkCharacters` characters, `chunkDelay` apart
/// (`MOCK_STREAM_DELAY_MS`), so the demo and the browser tests show streaming as a real model would: pieces
/// end anywhere, placeholders included.
public struct MockLLMClient: LLMClient {
    public let chunkDelay: Duration
    public let chunkCharacters: Int
    private let sleep: @Sendable (Duration) async throws -> Void

    /// `chunkDelay` zero (unit tests) streams without waiting. `sleep` is injectable so tests pin time.
    public init(chunkDelay: Duration = .zero, chunkCharacters: Int = 6,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.chunkDelay = chunkDelay
        self.chunkCharacters = max(1, chunkCharacters)
        self.sleep = sleep
    }

    public func complete(_ request: LLMRequest) async throws -> LLMCompletion {
        guard let context = PromptBuilder.context(in: request) else {
            throw LLMFailure(reason: .malformedResponse, attempts: [])
        }
        let message = request.messages.last { $0.role == .user }?.content ?? ""
        let text = DeterministicResponder.answer(context: context, maskedMessage: message)
        return LLMCompletion(text: text, model: "mock", attempts: [
            LLMAttempt(number: 1, outcome: .ok(status: 200), latencyMs: 0, backoffMs: 0, retryAfterMs: nil),
        ])
    }

    public func stream(_ request: LLMRequest, continuing spent: [LLMAttempt])
        -> AsyncThrowingStream<LLMStreamEvent, any Error>
    {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let completion = try await complete(request)
                    for piece in Self.pieces(of: completion.text, size: chunkCharacters) {
                        if chunkDelay > .zero { try await sleep(chunkDelay) }
                        continuation.yield(.delta(piece))
                    }
                    continuation.yield(.finished(completion))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// `text` cut every `size` characters.
    static func pieces(of text: String, size: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            pieces.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return pieces
    }
}
