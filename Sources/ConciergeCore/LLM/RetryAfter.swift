import Foundation

/// Reads the wait that a 429 or 503 response asks for, from header values an adapter collected.
public enum RetryAfter {
    /// Waits are clamped here before conversion: far above any backoff cap, and safe for `Duration`.
    static let longest = 86_400_000.0  // one day, in milliseconds

    /// `retry-after-ms` (OpenAI's milliseconds) wins over `Retry-After` (delta-seconds), both non-negative
    /// decimals. The HTTP-date form of `Retry-After` is not read: it would need a wall clock agreeing with the
    /// server's, and chat-completions providers send seconds; without a value the policy's backoff applies.
    public static func parse(retryAfter: String?, retryAfterMilliseconds: String?) -> Duration? {
        if let milliseconds = retryAfterMilliseconds.flatMap(number) {
            return .milliseconds(min(milliseconds, longest))
        }
        if let seconds = retryAfter.flatMap(number) {
            return .milliseconds(min(seconds * 1_000, longest))
        }
        return nil
    }

    /// A finite, non-negative decimal such as `2` or `1.5`; anything else (a date, `-1`, `inf`) is nil.
    private static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(trimmed), value.isFinite, value >= 0
        else { return nil }
        return value
    }
}
