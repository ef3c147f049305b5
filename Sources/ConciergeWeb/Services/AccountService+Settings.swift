import ConciergeCore
import Foundation

/// What the account page asks of the account service: proving the password again, and changing it.
///
/// A wrong current password counts as a failed login of the account (`LoginThrottle`): a stolen session must not
/// become a way to guess the password without the lock the login page has.
extension AccountService {
    enum PasswordChangeOutcome {
        /// Changed: every session of the account has been deleted; the caller starts a new one for this browser.
        case changed(User)
        case rejected([String])
    }

    /// Whether `password` is the account's, through the login throttle. `nil` when it is; else the sentence to show.
    func confirmPassword(_ password: String, of user: User, address: String) async throws -> String? {
        let account = TokenHash.of(User.normalizedEmail(user.email))
        let now = clock.now()
        if let until = try await throttle.block(account: account, address: address, now: now)?.until {
            let minutes = max(1, Int(until.timeIntervalSince(now) / 60 + 0.999))
            logger.notice("password confirmation refused: throttled")
            return AccountCopy.throttled(minutes: minutes)
        }
        guard let hash = user.passwordHash, await hasher.verify(password, against: hash) else {
            try await throttle.recordFailure(account: account, address: address, now: now)
            logger.notice("password confirmation failed")
            return AccountCopy.wrongPassword
        }
        return nil
    }

    /// Checks the current password and the new one against the policy, stores the new hash and signs out every
    /// session of the account (the caller keeps this browser signed in with a fresh session).
    func changePassword(of user: User, current: String, new: String, address: String) async throws
        -> PasswordChangeOutcome
    {
        if let problem = try await confirmPassword(current, of: user, address: address) { return .rejected([problem]) }
        let problems = policy.problems(new, email: user.email)
        guard problems.isEmpty else { return .rejected(problems) }
        var updated = user
        updated.passwordHash = try await hasher.hash(new)
        guard try await users.updateUser(updated) else { return .rejected([AccountCopy.gone]) }
        try await users.deleteSessions(userID: user.id)
        logger.info("password changed")
        return .changed(updated)
    }
}

/// The account page's sentences.
enum AccountCopy {
    static let wrongPassword = "That is not your current password. Check it and try again; after several wrong "
        + "attempts, the account pauses for 15 minutes."
    static let gone = "This account no longer exists."
    static func throttled(minutes: Int) -> String {
        "Too many wrong passwords for this account just now. Please try again in about \(minutes) minutes."
    }
}
