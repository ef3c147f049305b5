/// When, how often and how long `RetryingLLMClient` tries. A pure value: no clock, no I/O; randomness is passed
/// in, so tests pin every wait.
///
/// The schedule, with the defaults (base 250 ms, cap 4 s, 3 attempts, 15 s per attempt, 30 s overall):
///
/// Capped exponential backoff with full jitter: the wait before attempt `n` (n ≥ 2) is drawn uniformly from the
/// whole milliseconds `0...min(cap, base · 2^(n−2))`.
///
///     before attempt | ceiling | wait drawn from
///     ---------------+---------+-----------------
///            2       |  250 ms | 0 ...  250 ms
///            3       |  500 ms | 0 ...  500 ms
///            4       |    1 s  | 0 ...    1 s
///            5       |    2 s  | 0 ...    2 s
///            6+      |    4 s  | 0 ...    4 s   (capped)
///
/// Full jitter rather than a fixed or half-jittered wait: when many turns hit the same overloaded provider at
/// once, it spreads their retries the most and sends the fewest calls in total ("Exponential Backoff And
/// Jitter", AWS Architecture Blog, 2015).
///
/// `Retry-After` (or OpenAI's `retry-after-ms`) replaces the drawn wait, exactly, when it is at most `cap`: the
/// server knows when it will have room better than our guess. Above `cap` the client gives up at once
/// (`retryAfterBeyondCap`) rather than hammer: a retry sooner than asked is a wasted attempt and more load on a
/// provider that just said it is overloaded, and a shopper is better served by the deterministic answer now
/// than by a reply much later.
///
/// Whatever the wait, at least `minimumAttemptTimeout` must be left before the overall deadline after it, else
/// the client gives up (`deadlineExceeded`) instead of sleeping into the deadline. Each attempt's timeout is
/// `min(attemptTimeout, time left before the deadline)`, so the deadline is exceeded by scheduling noise only.
///
/// Retried: 408, 429, 5xx and transport failures (timeout, refused, reset, truncated...) except cancellation.
/// Not retried: other 4xx, 3xx (redirects are never followed: a bearer key must not follow one to another
/// host) and malformed 2xx responses (a model or proxy that answers garbage tends to answer it again).
public struct RetryPolicy: Hashable, Sendable {
    /// At most this many attempts (`LLM_MAX_ATTEMPTS`), the first included.
    public var maxAttempts: Int
    /// The ceiling of the first backoff.
    public var baseDelay: Duration
    /// The largest backoff, and the longest `Retry-After` honoured.
    public var maxDelay: Duration
    /// The longest single attempt (`LLM_TIMEOUT_MS`).
    public var attemptTimeout: Duration
    /// From the start of `complete` to its end, every attempt and wait included (`LLM_DEADLINE_MS`).
    public var deadline: Duration
    /// No attempt starts with less time than this before the deadline: it could not get a reply.
    public var minimumAttemptTimeout: Duration

    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(250),
        maxDelay: Duration = .seconds(4),
        attemptTimeout: Duration = .seconds(15),
        deadline: Duration = .seconds(30),
        minimumAttemptTimeout: Duration = .milliseconds(100)
    ) {
        precondition(maxAttempts >= 1, "a retry policy needs at least one attempt")
        precondition(baseDelay >= .zero && maxDelay >= baseDelay, "backoff needs 0 <= base <= cap")
        precondition(attemptTimeout > .zero && deadline > .zero, "timeouts must be positive")
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.attemptTimeout = attemptTimeout
        self.deadline = deadline
        self.minimumAttemptTimeout = minimumAttemptTimeout
    }

    /// What to do after a failed attempt.
    public enum Step: Hashable, Sendable {
        /// Sleep this long, then make the next attempt.
        case retry(after: Duration)
        case giveUp(LLMFailure.Reason)
    }

    /// Whether an outcome is worth another attempt (see the type's comment for the table).
    public func isRetryable(_ outcome: LLMAttemptOutcome) -> Bool {
        switch outcome {
        case .ok: false
        case .http(let status): status == 408 || status == 429 || (500...599).contains(status)
        case .transport(let kind): kind != .cancelled
        case .malformed: false
        }
    }

    /// The wait before attempt `n` (n ≥ 2): `retryAfter` when given and at most the cap, `nil` when it is above
    /// the cap (give up), else a draw from `0...min(cap, base · 2^(n−2))` in whole milliseconds.
    public func delay(
        beforeAttempt n: Int, retryAfter: Duration?, random: inout some RandomNumberGenerator
    ) -> Duration? {
        precondition(n >= 2, "the first attempt has no delay")
        if let retryAfter {
            return retryAfter <= maxDelay ? max(retryAfter, .zero) : nil
        }
        let ceiling = backoffCeiling(beforeAttempt: n).wholeMilliseconds
        // 53 random bits as a fraction in [0, 1), spread over the ceiling + 1 whole milliseconds: uniform on
        // 0...ceiling, and the same value on every platform for the same generator output.
        let fraction = Double(random.next() >> 11) * 0x1p-53
        return .milliseconds(Int64((Double(ceiling + 1) * fraction).rounded(.down)))
    }

    /// `min(cap, base · 2^(n−2))`: the largest wait that may be drawn before attempt `n`.
    public func backoffCeiling(beforeAttempt n: Int) -> Duration {
        let doublings = min(max(n - 2, 0), 32)  // 2^32 × any sane base is far above any cap
        let base = Int64(baseDelay.wholeMilliseconds)
        let (scaled, overflow) = base.multipliedReportingOverflow(by: Int64(1) << doublings)
        return overflow ? maxDelay : min(maxDelay, .milliseconds(scaled))
    }

    /// The decision after failed attempt number `attempt`, with `remaining` time before the deadline.
    public func nextStep(
        after outcome: LLMAttemptOutcome, retryAfter: Duration?, attempt: Int, remaining: Duration,
        random: inout some RandomNumberGenerator
    ) -> Step {
        guard isRetryable(outcome) else { return .giveUp(stopReason(for: outcome)) }
        guard attempt < maxAttempts else { return .giveUp(.attemptsExhausted) }
        guard let wait = delay(beforeAttempt: attempt + 1, retryAfter: retryAfter, random: &random) else {
            return .giveUp(.retryAfterBeyondCap)
        }
        guard remaining - wait >= minimumAttemptTimeout else { return .giveUp(.deadlineExceeded) }
        return .retry(after: wait)
    }

    private func stopReason(for outcome: LLMAttemptOutcome) -> LLMFailure.Reason {
        switch outcome {
        case .ok(let status), .http(let status): .notRetryable(status: status)
        case .transport: .cancelled  // the only transport kind not retried
        case .malformed: .malformedResponse
        }
    }
}
