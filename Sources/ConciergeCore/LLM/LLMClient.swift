/// Generates a reply from a chat-completions model: the port `ChatService` calls.
///
/// One call, no deadline parameter: the overall deadline and the attempt budget are the policy of the client
/// (`RetryingLLMClient`, configured once from `LLM_DEADLINE_MS` / `LLM_MAX_ATTEMPTS`), so doubles such as the
/// mock client stay trivial and no caller can forget to bound a call.
public protocol LLMClient: Sendable {
    /// The completion, with the attempts it took. `RetryingLLMClient` throws only `LLMFailure`.
    func complete(_ request: LLMRequest) async throws -> LLMCompletion

    /// A further call within the same turn (the guard's regeneration): `spent` are the attempts the turn already
    /// made. They count against the same budget, so a turn never makes more than `LLM_MAX_ATTEMPTS` attempts nor
    /// runs past `LLM_DEADLINE_MS` in all; with nothing left the call throws at once without an attempt.
    func complete(_ request: LLMRequest, continuing spent: [LLMAttempt]) async throws -> LLMCompletion

    /// The same completion, streamed: `.delta`s as the model writes, then `.finished` (see `LLMStreaming.swift`
    /// for the default, which completes first). Same budget as `complete(_:continuing:)`; a failure before the
    /// first delta may be retried, after it the stream throws an `LLMFailure` with every attempt.
    func stream(_ request: LLMRequest, continuing spent: [LLMAttempt]) -> AsyncThrowingStream<LLMStreamEvent, any Error>
}

extension LLMClient {
    /// Clients without a budget (the mock, test doubles) ignore what was spent.
    public func complete(_ request: LLMRequest, continuing spent: [LLMAttempt]) async throws -> LLMCompletion {
        try await complete(request)
    }
}

/// One HTTP attempt, no retries: what an adapter (`CurlLLMTransport`) implements and `RetryingLLMClient` drives.
///
/// Never throws: every failure is a classified `LLMAttemptResult`, because the retry policy decides on the
/// class of a failure, not on an error value that could carry a body.
public protocol LLMTransport: Sendable {
    /// Makes attempt `number` (1-based, for logs) and returns within about `timeout`, which covers queueing,
    /// connecting and reading the whole response.
    func attempt(_ request: LLMRequest, number: Int, timeout: Duration) async -> LLMAttemptResult

    /// The same attempt in streaming mode: `onDelta` gets each piece of text as it arrives (on any thread, in
    /// order), and the result's reply holds the whole text. Defaults to `attempt` with one delta at the end.
    func streamAttempt(
        _ request: LLMRequest, number: Int, timeout: Duration, onDelta: @escaping @Sendable (String) -> Void
    ) async -> LLMAttemptResult
}

/// A usable completion from one attempt.
public struct LLMReply: Hashable, Sendable {
    /// The 2xx status it came with.
    public var status: Int
    /// `choices[0].message.content`, never empty.
    public var text: String
    /// The `model` field of the response, if present.
    public var model: String?
    /// The response's `usage` (what the provider bills), if it reported one.
    public var usage: LLMUsage?

    public init(status: Int, text: String, model: String?, usage: LLMUsage? = nil) {
        self.status = status
        self.text = text
        self.model = model
        self.usage = usage
    }
}

/// Tokens a provider reports for one response (`usage.prompt_tokens`, `usage.completion_tokens`): what a call
/// costs. Counts only, so it is safe in logs, traces and metrics.
public struct LLMUsage: Codable, Hashable, Sendable {
    public var promptTokens: Int
    public var completionTokens: Int

    public init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    public var totalTokens: Int { promptTokens + completionTokens }

    public static let zero = LLMUsage(promptTokens: 0, completionTokens: 0)

    public static func + (left: LLMUsage, right: LLMUsage) -> LLMUsage {
        LLMUsage(promptTokens: left.promptTokens + right.promptTokens,
                 completionTokens: left.completionTokens + right.completionTokens)
    }
}

/// The classified end of one attempt.
public enum LLMAttemptResult: Hashable, Sendable {
    case reply(LLMReply)
    /// A non-2xx status, with the wait the response asked for (`Retry-After`), if any.
    case httpError(status: Int, retryAfter: Duration?)
    case transportError(LLMTransportErrorKind)
    /// A 2xx response without a usable completion.
    case malformed

    /// The outcome as recorded in the trace.
    public var outcome: LLMAttemptOutcome {
        switch self {
        case .reply(let reply): .ok(status: reply.status)
        case .httpError(let status, _): .http(status: status)
        case .transportError(let kind): .transport(kind)
        case .malformed: .malformed
        }
    }

    /// The tokens the response reported, if it was a reply that reported them.
    public var usage: LLMUsage? {
        if case .reply(let reply) = self { return reply.usage }
        return nil
    }

    /// The server's requested wait, if any.
    public var retryAfter: Duration? {
        if case .httpError(_, let retryAfter) = self { return retryAfter }
        return nil
    }
}
