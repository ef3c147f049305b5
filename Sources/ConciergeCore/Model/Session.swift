import Foundation

/// A logged-in browser session. Only the SHA-256 of the cookie token is stored, never the token.
public struct Session: Codable, Hashable, Sendable {
    public var tokenHash: String
    public var userID: String
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, userID: String, csrfToken: String, createdAt: Date, lastSeenAt: Date,
                expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}

/// One throttle counter (`ThrottleStore`): `count` events in the window that ends at `expiresAt`. Keys name a purpose
/// and a hash (`login-lock:…`), never an e-mail or a client address.
public struct ThrottleWindow: Codable, Hashable, Sendable {
    public var key: String
    public var count: Int
    public var expiresAt: Date

    public init(key: String, count: Int, expiresAt: Date) {
        self.key = key
        self.count = count
        self.expiresAt = expiresAt
    }
}

/// Messages a user sent on one local day (`yyyy-MM-dd` in the user's time zone).
public struct DailyUsage: Codable, Hashable, Sendable {
    public var userID: String
    public var day: String
    public var count: Int
    /// After this instant the counter may be purged (a TTL index in MongoDB).
    public var expiresAt: Date

    public init(userID: String, day: String, count: Int, expiresAt: Date) {
        self.userID = userID
        self.day = day
        self.count = count
        self.expiresAt = expiresAt
    }
}
