import ConciergeCore
import ConciergeViews
import Foundation
import Logging

/// Signup and login, kept out of the route handlers.
///
/// A failed login looks the same for an unknown e-mail and a wrong password (the unknown case verifies against a
/// dummy hash so it takes as long), and a locked e-mail is locked whether or not an account has it. A signup signs
/// the new account in (issue 14), so a taken e-mail, which is not signed in, can be told apart from a fresh one:
/// without e-mail verification that is inherent, and the signup throttle (5 an address a day, counted before the
/// store sees the e-mail) bounds how fast anyone can probe that way (docs/web.md, accounts).
struct AccountService<Users: UserStore & SessionStore & ThrottleStore>: Sendable {
    enum SignupOutcome: Equatable {
        /// The new account, to sign in.
        case created(User)
        /// The e-mail already has an account: nothing changed, nobody is signed in.
        case taken
        case rejected([String], SignupPage.Draft)
        /// Too many signups from this address or in all (`SignupThrottle`): nothing hashed, nothing asked of the store.
        case throttled(until: Date, SignupPage.Draft)
    }

    enum LoginOutcome {
        case success(User)
        case failed
        /// The submitted e-mail is locked after too many failures (`LoginThrottle`), account or not.
        case locked(until: Date)
        /// Too many failures from the client's address.
        case throttled(until: Date)
    }

    let users: Users
    let hasher: any PasswordHasher
    let policy: PasswordPolicy
    let cities: CityDirectory
    let clock: any WallClock
    let ids: any IdentifierSource
    let throttle: LoginThrottle<Users>
    let signups: SignupThrottle<Users>
    /// A real hash of a random password at the configured cost, verified when the e-mail is unknown.
    let dummyHash: String
    let logger: Logger

    func signup(_ form: SignupForm, address: String) async throws -> SignupOutcome {
        let validation = SignupValidation(form: form, cities: cities, policy: policy)
        guard validation.problems.isEmpty, let city = validation.city else {
            return .rejected(validation.problems, validation.draft)
        }
        // Counted before the hash and before the store sees the e-mail: fresh and taken e-mails count alike.
        if let until = try await signups.admit(address: address, now: clock.now()) {
            logger.notice("signup refused: throttled")
            return .throttled(until: until, validation.draft)
        }
        let hash = try await hasher.hash(form.password)
        let user = User(id: ids.make("usr_"), email: validation.draft.email, passwordHash: hash, role: .shopper,
                        name: validation.draft.name, phone: validation.phone, home: city?.coordinate,
                        timeZone: city?.timeZone ?? "UTC",
                        preferences: Preferences(temperature: validation.draft.temperature,
                                                 dietary: validation.draft.dietary),
                        createdAt: clock.now())
        do {
            try await users.insertUser(user)
            logger.info("account created")
            return .created(user)
        } catch StoreError.duplicate(collection: .users, field: "email") {
            logger.notice("signup for an e-mail that already has an account")
            return .taken
        }
    }

    func login(email: String, password: String, address: String) async throws -> LoginOutcome {
        let account = TokenHash.of(User.normalizedEmail(email))
        let now = clock.now()
        switch try await throttle.block(account: account, address: address, now: now) {
        case .email(let until)?:
            logger.notice("login refused: e-mail locked")
            return .locked(until: until)
        case .address(let until)?:
            logger.notice("login refused: throttled")
            return .throttled(until: until)
        case nil: break
        }
        let user = try await users.user(email: User.normalizedEmail(email))
        let verified = await hasher.verify(password, against: user?.passwordHash ?? dummyHash)
        guard let user, verified, user.passwordHash != nil else {
            try await throttle.recordFailure(account: account, address: address, now: now)
            logger.notice("login failed")
            return .failed
        }
        try await throttle.recordSuccess(account: account)
        return .success(user)
    }
}
