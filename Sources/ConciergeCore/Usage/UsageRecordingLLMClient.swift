/// Any `LLMClient`, with what each call cost recorded under one purpose: the composition root wraps every model
/// caller's client in one of these, so no caller records usage itself.
///
/// A completion records its attempts' tokens (regenerations are calls of their own); a failed call records the
/// tokens of the attempts that did get a response (a provider bills those too) and throws the same failure. A
/// call that made no attempt (the turn's budget was spent) cost nothing and is not a call. Recording never fails
/// the call (see `ModelUsageRecorder`).
///
/// Only the two `complete` methods are forwarded; the stream forwarding belongs with the streaming method.
public struct UsageRecordingLLMClient: LLMClient {
    public let inner: any LLMClient
    public let purpose: LLMPurpose
    let recorder: ModelUsageRecorder

    public init(_ inner: any LLMClient, purpose: LLMPurpose, recorder: ModelUsageRecorder) {
        self.inner = inner
        self.purpose = purpose
        self.recorder = recorder
    }

    public func complete(_ request: LLMRequest) async throws -> LLMCompletion {
        try await recording(request) { try await inner.complete(request) }
    }

    public func complete(_ request: LLMRequest, continuing spent: [LLMAttempt]) async throws -> LLMCompletion {
        try await recording(request) { try await inner.complete(request, continuing: spent) }
    }

    private func recording(_ request: LLMRequest, _ call: () async throws -> LLMCompletion) async throws
        -> LLMCompletion
    {
        do {
            let completion = try await call()
            await recorder.record(purpose, model: completion.model, usage: completion.usage)
            return completion
        } catch let failure as LLMFailure {
            if !failure.attempts.isEmpty {
                await recorder.record(purpose, model: request.model, usage: failure.attempts.totalUsage)
            }
            throw failure
        }
    }
}
