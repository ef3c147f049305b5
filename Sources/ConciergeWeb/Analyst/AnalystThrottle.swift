import ConciergeCore
import Foundation

/// How often one analyst may call the analyst side, counted per user in the store (`ThrottleStore`, so every
/// instance behind a load balancer shares the count) on the injected clock.
///
/// Defaults: 60 API requests a minute (a page of the API's JSON is cheap, but a script in a loop is not an analyst),
/// and 10 insight refreshes an hour, from the API and the page's button together (each one is a model call and a
/// stored version). Above either, a 429 with `Retry-After` (seconds until the window closes).
public struct AnalystLimits: Sendable, Equatable {
    public var requestsPerWindow: Int
    public var requestWindow: TimeInterval
    public var refreshesPerWindow: Int
    public var refreshWindow: TimeInterval

    public init(requestsPerWindow: Int = 60, requestWindow: TimeInterval = 60, refreshesPerWindow: Int = 10,
                refreshWindow: TimeInterval = 3_600) {
        self.requestsPerWindow = requestsPerWindow
        self.requestWindow = requestWindow
        self.refreshesPerWindow = refreshesPerWindow
        self.refreshWindow = refreshWindow
    }
}

/// Counts analyst requests and refreshes; `nil` means go ahead, a date is when the refusing window closes.
struct AnalystThrottle: Sendable {
    let store: any ThrottleStore
    let limits: AnalystLimits
    let clock: any WallClock

    func admitRequest(userID: String) async throws -> Date? {
        try await admit(key: "analyst-api:" + TokenHash.of(userID), limit: limits.requestsPerWindow,
                        window: limits.requestWindow)
    }

    func admitRefresh(userID: String) async throws -> Date? {
        try await admit(key: "analyst-refresh:" + TokenHash.of(userID), limit: limits.refreshesPerWindow,
                        window: limits.refreshWindow)
    }

    /// Seconds until `date`, rounded up and at least 1: what `Retry-After` says.
    func retryAfter(_ date: Date) -> String {
        String(max(1, Int(date.timeIntervalSince(clock.now()).rounded(.up))))
    }

    private func admit(key: String, limit: Int, window: TimeInterval) async throws -> Date? {
        let counted = try await store.incrementThrottle(key: key, now: clock.now(), window: window)
        return counted.count > limit ? counted.expiresAt : nil
    }
}
