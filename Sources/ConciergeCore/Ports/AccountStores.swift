import Foundation

/// What the account page reads and erases about one person, beyond the other ports (issue 14: "download my data"
/// and "delete my account").
public protocol PersonalDataStore: Sendable {
    /// Every hand-off request of the user's conversations (answered ones too), oldest first (ties broken by id).
    func handoffs(userID: String) async throws -> [HandoffRequest]
    /// The user's daily message counters, oldest day first.
    func usageCounters(userID: String) async throws -> [DailyUsage]
    /// Deletes the account and everything keyed by it: the user, sessions, messages (so conversations), hand-off
    /// requests, daily counters, events, the coupons only they could use, password-reset tokens and the second factor. Orders are the
    /// chain's sales records, which tax law keeps for six years (`Seeds/policies/privacy.md`): they stay, anonymised
    /// (`AccountErasure.anonymousOwner` as owner, the card's last four digits dropped). Other users are untouched.
    /// Idempotent: erasing an erased account removes nothing and does not throw.
    @discardableResult func eraseAccount(userID: String) async throws -> AccountErasure
}

/// How many records an erasure removed or anonymised, per collection (for the log: counts, never contents).
public struct AccountErasure: Hashable, Sendable {
    /// The owner id every anonymised order gets: one for all erased accounts, so their orders cannot be told apart
    /// or linked back to one person.
    public static let anonymousOwner = "erased"

    public var removed: [DataCollection: Int]
    public var anonymisedOrders: Int

    public init(removed: [DataCollection: Int] = [:], anonymisedOrders: Int = 0) {
        self.removed = removed
        self.anonymisedOrders = anonymisedOrders
    }
}

/// One-time password-reset links (`Seeds/policies/account-and-login.md`: valid 60 minutes, usable once). Only the
/// SHA-256 of the token is stored, so a copy of the database holds no usable link.
public protocol PasswordResetStore: Sendable {
    /// Stores a new token; a taken hash is `StoreError.duplicate(.passwordResets, "tokenHash")`.
    func insertPasswordReset(_ reset: PasswordReset) async throws
    /// The token if it exists, was never used and has not expired at `now`; changes nothing (the reset page reads it
    /// before the new password is accepted, so a refused password does not use the link up).
    func passwordReset(tokenHash: String, now: Date) async throws -> PasswordReset?
    /// Atomically marks the token used and returns it, if it exists, was never used and has not expired at `now`;
    /// else `nil`. Of two concurrent calls with one token, exactly one gets it.
    func consumePasswordReset(tokenHash: String, now: Date) async throws -> PasswordReset?
    /// Deletes every token that can no longer be used at `now` (expired, or used) and returns how many. Reads ignore
    /// such rows already; this keeps the table from growing with every "forgot password".
    @discardableResult func purgeUnusablePasswordResets(now: Date) async throws -> Int
}

/// A password-reset token as stored: its hash, whose account, and its lifetime.
public struct PasswordReset: Codable, Hashable, Sendable {
    public var tokenHash: String
    public var userID: String
    public var createdAt: Date
    public var expiresAt: Date
    /// When the link was used; a used token never works again.
    public var usedAt: Date?

    public init(tokenHash: String, userID: String, createdAt: Date, expiresAt: Date, usedAt: Date? = nil) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}

/// Two-step verification (TOTP, RFC 6238) of one account: the authenticator secret, whether enrolment was
/// confirmed, the hashes of the unused recovery codes, and the last time step a code was accepted for.
public struct SecondFactor: Codable, Hashable, Sendable {
    public var userID: String
    /// Base32, as the authenticator app was given it. Shown once at enrolment, never again.
    public var secret: String
    /// `nil` while enrolling: the login asks for a code only once a code has confirmed the app has the secret.
    public var confirmedAt: Date?
    /// SHA-256 (hex) of each unused recovery code; a used one is removed.
    public var recoveryCodeHashes: [String]
    /// The last 30-second step a code was accepted for: a code is never accepted twice.
    public var lastUsedStep: Int64?

    public init(userID: String, secret: String, confirmedAt: Date? = nil, recoveryCodeHashes: [String] = [],
                lastUsedStep: Int64? = nil) {
        self.userID = userID
        self.secret = secret
        self.confirmedAt = confirmedAt
        self.recoveryCodeHashes = recoveryCodeHashes
        self.lastUsedStep = lastUsedStep
    }
}

/// One `SecondFactor` per account.
public protocol SecondFactorStore: Sendable {
    func secondFactor(userID: String) async throws -> SecondFactor?
    /// Stores `factor`, replacing the account's previous one.
    func saveSecondFactor(_ factor: SecondFactor) async throws
    func deleteSecondFactor(userID: String) async throws
    /// Atomically records `step` as used when it is later than the last used one; false (nothing changes) for a
    /// replayed or older step, or when the account has no factor.
    func useTOTPStep(userID: String, step: Int64) async throws -> Bool
    /// Atomically removes one recovery code's hash; false when it is not (or no longer) there.
    func useRecoveryCode(userID: String, codeHash: String) async throws -> Bool
}
