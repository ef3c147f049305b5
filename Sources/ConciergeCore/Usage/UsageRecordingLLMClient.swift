/// Any `LLMClient`, with what each call cost recorded under one purpose: the composition root wraps every model
/// caller's client in one of these, so no caller records usage itself.
///
/// A completion records its attempts' tokens (regenerations are calls of their own); a failed call records the
/// tokens of the attempts that did get a response (a provider bills those too) and throws the same failure. A
/// call that made no attempt (the turn's budget was spent) cost nothing and is not a call. Recording never fails
/// the call (see `ModelUsageRecorder`).
///
/// All three calls are forwarded: without `stream`, the protocol's default would complete the answer and hand it
/// over in one piece, and a wrapped shopper chat would stop streaming.
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

    /// The inner stream's events as they come; the usage is recorded when it finishes (the last event carries the
    /// completion with every attempt) or fails with attempts that got a response.
    public func stream(_ request: LLMRequest, continuing spent: [LLMAttempt])
        -> AsyncThrowingStream<LLMStreamEvent, any Error>
    {
        let events = inner.stream(request, continuing: spent)
        let (purpose, recorder) = (purpose, recorder)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in events {
                        if case .finished(let completion) = event {
                            await recorder.record(purpose, model: completion.model, usage: completion.usage)
                        }
                        continuation.yield(event)
                    }
                    continuation.finish()
                } catch let failure as LLMFailure {
                    if !failure.attempts.isEmpty {
                        await recorder.record(purpose, model: request.model, usage: failure.attempts.totalUsage)
                    }
                    continuation.finish(throwing: failure)
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
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
