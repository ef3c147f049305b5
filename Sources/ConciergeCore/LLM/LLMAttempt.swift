/// Why an attempt failed below HTTP: classified so that the retry policy and the trace need no C error codes.
public enum LLMTransportErrorKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// The connect or total timeout of the attempt expired (a hung server, a slow model).
    case timeout
    /// Nothing listens at the address.
    case refused
    /// The connection was reset or closed before a complete response.
    case reset
    /// The response ended before its announced length.
    case truncated
    /// The host name did not resolve.
    case unresolvedHost
    /// TLS handshake or certificate verification failed.
    case tls
    /// The caller's task was cancelled while the attempt was queued or in flight.
    case cancelled
    /// Any other transport failure (the adapter logs its own code).
    case other
}

/// How one attempt ended. Holds no body, prompt or header value, so it is safe in logs, traces and errors.
/// Encoded as its description (`"http 429"`, `"transport timeout"`), which reads well in the debug trace.
public enum LLMAttemptOutcome: Codable, Hashable, Sendable, CustomStringConvertible {
    /// A 2xx response with a usable completion.
    case ok(status: Int)
    /// A non-2xx response.
    case http(status: Int)
    /// No HTTP response.
    case transport(LLMTransportErrorKind)
    /// A 2xx response without a usable completion: not JSON, no `choices[0].message.content`, empty text, or
    /// larger than the adapter's size cap.
    case malformed

    public var description: String {
        switch self {
        case .ok(let status): "ok \(status)"
        case .http(let status): "http \(status)"
        case .transport(let kind): "transport \(kind.rawValue)"
        case .malformed: "malformed"
        }
    }

    /// Parses a description back (`nil` for anything else).
    public init?(description: String) {
        let words = description.split(separator: " ").map(String.init)
        guard (1...2).contains(words.count) else { return nil }
        let tail = words.count == 2 ? words[1] : nil
        switch (words[0], tail.flatMap { Int($0) }, tail.flatMap(LLMTransportErrorKind.init(rawValue:))) {
        case ("malformed", _, _) where tail == nil: self = .malformed
        case ("ok", let status?, _): self = .ok(status: status)
        case ("http", let status?, _): self = .http(status: status)
        case ("transport", _, let kind?): self = .transport(kind)
        default: return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let outcome = LLMAttemptOutcome(description: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown LLM attempt outcome")
        }
        self = outcome
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// One attempt of a completion, as recorded in the turn's trace. Times are whole milliseconds.
public struct LLMAttempt: Codable, Hashable, Sendable {
    /// 1 for the first attempt.
    public var number: Int
    public var outcome: LLMAttemptOutcome
    /// From the start of the attempt to its classified outcome, queueing for a transport thread included.
    public var latencyMs: Int
    /// The time slept before this attempt (0 for the first).
    public var backoffMs: Int
    /// The wait this attempt's response asked for (`Retry-After` / `retry-after-ms`), if any. The next
    /// attempt's `backoffMs` equals it when it was honoured.
    public var retryAfterMs: Int?
    /// The tokens the provider reported for this attempt's response (`nil`: none reported, or no response).
    public var usage: LLMUsage?

    public init(number: Int, outcome: LLMAttemptOutcome, latencyMs: Int, backoffMs: Int, retryAfterMs: Int? = nil,
                usage: LLMUsage? = nil) {
        self.number = number
        self.outcome = outcome
        self.latencyMs = latencyMs
        self.backoffMs = backoffMs
        self.retryAfterMs = retryAfterMs
        self.usage = usage
    }
}

extension Sequence<LLMAttempt> {
    /// The tokens of all these attempts together: a turn's cost, regenerations included.
    public var totalUsage: LLMUsage { reduce(.zero) { $0 + ($1.usage ?? .zero) } }
}
