/// A completion that did not happen, with every attempt made. The caller answers with the deterministic reply
/// and records the attempts in the trace.
///
/// Its description lists outcomes only (statuses, transport kinds, times): never a body, a prompt or a key,
/// because no such value is ever stored in it.
public struct LLMFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the client stopped trying.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// Every allowed attempt failed with a retryable outcome.
        case attemptsExhausted
        /// The next attempt could not start (after its backoff) with at least the minimum attempt time left
        /// before the overall deadline.
        case deadlineExceeded
        /// The server answered with a status that retrying cannot fix (400, 401, 403, 404, 422...).
        case notRetryable(status: Int)
        /// The server answered 2xx without a usable completion: retrying would most likely get the same.
        case malformedResponse
        /// The server asked to wait (`Retry-After`) longer than the policy's backoff cap.
        case retryAfterBeyondCap
        /// The caller's task was cancelled.
        case cancelled
        /// A streamed answer failed after text was already delivered: it cannot be retried without showing the
        /// start twice, so the caller decides (the guard's regeneration or the deterministic answer).
        case interrupted

        public var description: String {
            switch self {
            case .attemptsExhausted: "attempts exhausted"
            case .deadlineExceeded: "deadline exceeded"
            case .notRetryable(let status): "not retryable (http \(status))"
            case .malformedResponse: "malformed response"
            case .retryAfterBeyondCap: "retry-after beyond cap"
            case .cancelled: "cancelled"
            case .interrupted: "stream interrupted"
            }
        }
    }

    public var reason: Reason
    /// Every attempt made, in order (empty only when cancelled before the first, or when a continuing call found
    /// the turn's budget already spent).
    public var attempts: [LLMAttempt]

    public init(reason: Reason, attempts: [LLMAttempt]) {
        self.reason = reason
        self.attempts = attempts
    }

    /// For example `LLM completion failed: attempts exhausted after 3 attempts [http 500 (12 ms), ...]`.
    public var description: String {
        let list = attempts.map { "\($0.outcome) (\($0.latencyMs) ms)" }.joined(separator: ", ")
        let noun = attempts.count == 1 ? "attempt" : "attempts"
        return "LLM completion failed: \(reason) after \(attempts.count) \(noun) [\(list)]"
    }
}
