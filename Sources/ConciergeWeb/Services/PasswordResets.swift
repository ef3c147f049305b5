import ConciergeCore
import Foundation
import Logging

/// Where reset links are mailed from and where they point (`PUBLIC_URL`); `nil` in `WebDependencies` when the site
/// has no mail, and the forgot-password page then says plainly that reset by e-mail is not available.
public struct MailDelivery: Sendable {
    public var mailer: any Mailer
    public var publicURL: String

    public init(mailer: any Mailer, publicURL: String) {
        self.mailer = mailer
        self.publicURL = publicURL
    }
}

/// "Forgot password" (`Seeds/policies/account-and-login.md`): a one-time link, valid 60 minutes, mailed to the
/// account's address.
///
/// Nothing tells an outsider whether an e-mail has an account: every well-formed request gets the same page, and
/// the lookup, the token and the mail happen after the response, off the request (so its timing says nothing
/// either). The token is 256 random bits; only its SHA-256 is stored, it is marked used atomically
/// (`PasswordResetStore.consumePasswordReset`), and neither the token nor the link is ever logged.
struct PasswordResets<Store: UserStore & SessionStore & ThrottleStore & PasswordResetStore>: Sendable {
    enum Outcome: Equatable {
        case changed
        /// Unknown, used or expired: the same answer for each.
        case invalidLink
        case rejected([String])
    }

    let store: Store
    let delivery: MailDelivery?
    let hasher: any PasswordHasher
    let policy: PasswordPolicy
    let clock: any WallClock
    let logger: Logger
    static var lifetime: TimeInterval { 60 * 60 }
    /// Requests per client address and per e-mail an hour: enough for a typo and a retry, too few to mail-bomb.
    static var perAddress: Int { 10 }
    static var perAccount: Int { 3 }

    var isAvailable: Bool { delivery != nil }

    /// Counts the request (per address and per e-mail, known or not) and, when within the limits, sends the link in
    /// the background. Returns at once whatever the e-mail.
    func request(email: String, address: String) async throws {
        guard let delivery else { return }
        let now = clock.now()
        let normalized = User.normalizedEmail(email)
        let fromAddress = try await store.incrementThrottle(key: "reset-address:" + TokenHash.of(address), now: now,
                                                            window: 3_600)
        let forAccount = try await store.incrementThrottle(key: "reset-account:" + TokenHash.of(normalized), now: now,
                                                           window: 3_600)
        guard fromAddress.count <= Self.perAddress, forAccount.count <= Self.perAccount else {
            logger.notice("password reset request refused: throttled")
            return
        }
        Task { [self] in await mailLink(to: normalized, delivery: delivery) }
    }

    /// The account behind a link that can still be used (for the reset page), without using it up.
    func account(token: String) async throws -> User? {
        guard let reset = try await store.passwordReset(tokenHash: TokenHash.of(token), now: clock.now()) else {
            return nil
        }
        return try await store.user(id: reset.userID)
    }

    /// Checks the new password, uses the link up, stores the new hash, signs out every session and lifts a login
    /// lock (the policy page: "wait and try again, or reset your password").
    func reset(token: String, password: String) async throws -> Outcome {
        guard let user = try await account(token: token) else { return .invalidLink }
        let problems = policy.problems(password, email: user.email)
        guard problems.isEmpty else { return .rejected(problems) }
        let hash = try await hasher.hash(password)
        guard try await store.consumePasswordReset(tokenHash: TokenHash.of(token), now: clock.now()) != nil,
            var current = try await store.user(id: user.id)
        else { return .invalidLink }
        current.passwordHash = hash
        try await store.updateUser(current)
        try await store.deleteSessions(userID: user.id)
        let account = TokenHash.of(User.normalizedEmail(user.email))
        try await store.clearThrottle(key: ThrottleKey.accountLock(account))
        try await store.clearThrottle(key: ThrottleKey.accountFailures(account))
        logger.info("password reset by link")
        return .changed
    }

    private func mailLink(to email: String, delivery: MailDelivery) async {
        do {
            guard let user = try await store.user(email: email), user.passwordHash != nil else {
                logger.info("password reset requested for an e-mail without a usable account")
                return
            }
            let token = RandomToken.make()
            let now = clock.now()
            try await store.insertPasswordReset(PasswordReset(
                tokenHash: TokenHash.of(token), userID: user.id, createdAt: now,
                expiresAt: now.addingTimeInterval(Self.lifetime)))
            try await delivery.mailer.send(ResetMail.message(to: user, token: token, publicURL: delivery.publicURL,
                                                             date: now))
            logger.info("password reset link sent")
        } catch {
            logger.warning("password reset link not sent", metadata: ["error.type": "\(type(of: error))"])
        }
    }
}

/// The reset mail's words.
enum ResetMail {
    static let subject = "Reset your Bramble & Bean password"

    static func link(token: String, publicURL: String) -> String {
        publicURL + "/reset-password?token=" + token
    }

    static func message(to user: User, token: String, publicURL: String, date: Date) -> MailMessage {
        let firstName = user.name.split(separator: " ").first.map(String.init) ?? user.name
        let body = """
            Hello \(firstName),

            Someone, we hope you, asked to reset the password of your Bramble & Bean account. Open this link to \
            choose a new one:

            \(link(token: token, publicURL: publicURL))

            The link works once, for 60 minutes. Resetting logs you out on every device.

            If you did not ask, ignore this e-mail: your password stays as it is.
            """
        return MailMessage(to: user.email, subject: subject, body: body, date: date)
    }
}
