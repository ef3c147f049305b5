import ConciergeCore
import Foundation

/// Bounds how many accounts can be made, per client address and in all, counted in the store (`ThrottleStore`) on the
/// injected clock (issue 13, item 5: 24 parallel signups from one address cost 24 bcrypt hashes and slowed a real
/// login from 0.24 s to 3 s, and every free account brings its own daily message quota).
///
/// Every well-formed signup counts, whether its e-mail is fresh or taken, before the password is hashed or the store
/// is asked about the e-mail: a refusal says nothing about the e-mail, and a refused signup costs no hash.
/// The address is counted first, so that one address over its limit does not use up everyone's budget.
struct SignupThrottle<Store: ThrottleStore>: Sendable {
    let store: Store
    let limits: SignupLimits

    /// Counts one signup from `address`; `nil` when it may go ahead, else when the refusing window closes.
    func admit(address: String, now: Date) async throws -> Date? {
        let fromAddress = try await store.incrementThrottle(key: ThrottleKey.signupAddress(address), now: now,
                                                            window: limits.addressWindow)
        if fromAddress.count > limits.perAddress { return fromAddress.expiresAt }
        let everyone = try await store.incrementThrottle(key: ThrottleKey.signupEveryone, now: now,
                                                         window: limits.globalWindow)
        if everyone.count > limits.global { return everyone.expiresAt }
        return nil
    }
}

/// The counters' keys: a purpose and a hash, so the store holds no e-mail and no client address.
enum ThrottleKey {
    /// `account` is already `TokenHash.of` the normalised e-mail.
    static func accountFailures(_ account: String) -> String { "login-failures:" + account }
    static func accountLock(_ account: String) -> String { "login-lock:" + account }
    static func loginAddress(_ address: String) -> String { "login-address:" + TokenHash.of(address) }
    static func signupAddress(_ address: String) -> String { "signup-address:" + TokenHash.of(address) }
    static let signupEveryone = "signup-everyone"
}
