import Foundation

/// The mock model: a deterministic, useful answer composed from the context found in the request — the same
/// masked facts a real model would get. Not canned text: change the facts and the answer changes.
public struct MockLLMClient: LLMClient {
    public init() {}

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
}
