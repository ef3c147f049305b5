import ConciergeCore
import Foundation
import Logging

/// Two-step verification with an authenticator app (`Seeds/policies/account-and-login.md`): enrolment shows the
/// secret once (base32 and an `otpauth://` URI), a code confirms it, ten recovery codes are shown once and stored
/// hashed; the login then asks for a code (or a recovery code) after the password. Each code is accepted once.
struct TwoStepVerification<Store: UserStore & SecondFactorStore>: Sendable {
    let store: Store
    let clock: any WallClock
    let logger: Logger
    static var recoveryCodeCount: Int { 10 }
    static var issuer: String { "Bramble & Bean" }

    /// What the enrolment page shows, once.
    struct Enrolment: Sendable {
        let secret: String
        let uri: String
    }

    enum Confirmation: Sendable {
        /// On; the recovery codes, to show once.
        case confirmed([String])
        case wrongCode
        /// No enrolment under way (it was never started, or is already confirmed).
        case notEnrolling
    }

    func isOn(_ user: User) async throws -> Bool { try await store.secondFactor(userID: user.id)?.confirmedAt != nil }

    /// A new secret (160 random bits, RFC 4226's recommendation), replacing an unconfirmed one; `nil` when already on.
    func start(for user: User) async throws -> Enrolment? {
        if try await isOn(user) { return nil }
        let secret = Base32.encode(RandomBytes.make(20))
        try await store.saveSecondFactor(SecondFactor(userID: user.id, secret: secret))
        logger.info("two-step verification enrolment started")
        return Enrolment(secret: secret, uri: Self.uri(secret: secret, account: user.email))
    }

    func confirm(_ user: User, code: String) async throws -> Confirmation {
        guard var factor = try await store.secondFactor(userID: user.id), factor.confirmedAt == nil,
            let secret = Base32.decode(factor.secret)
        else { return .notEnrolling }
        guard let step = TOTP.matchingStep(secret: secret, code: code, at: clock.now()) else { return .wrongCode }
        let codes = (0..<Self.recoveryCodeCount).map { _ in RecoveryCode.make() }
        factor.confirmedAt = clock.now()
        factor.recoveryCodeHashes = codes.map(RecoveryCode.hash)
        factor.lastUsedStep = step
        try await store.saveSecondFactor(factor)
        logger.info("two-step verification turned on")
        return .confirmed(codes)
    }

    /// A code from the app (six digits, not used before) or an unused recovery code.
    func verify(_ user: User, code: String) async throws -> Bool {
        guard let factor = try await store.secondFactor(userID: user.id), factor.confirmedAt != nil,
            let secret = Base32.decode(factor.secret)
        else { return false }
        if let step = TOTP.matchingStep(secret: secret, code: code, at: clock.now()) {
            return try await store.useTOTPStep(userID: user.id, step: step)
        }
        guard RecoveryCode.isWellFormed(code) else { return false }
        let used = try await store.useRecoveryCode(userID: user.id, codeHash: RecoveryCode.hash(code))
        if used { logger.notice("recovery code used") }
        return used
    }

    func disable(_ user: User) async throws {
        try await store.deleteSecondFactor(userID: user.id)
        logger.info("two-step verification turned off")
    }

    /// The key URI format authenticator apps read: `otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…`.
    static func uri(secret: String, account: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~@")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "" }
        return "otpauth://totp/\(encode(issuer)):\(encode(account))?secret=\(secret)&issuer=\(encode(issuer))"
            + "&algorithm=SHA1&digits=\(TOTP.digits)&period=\(Int(TOTP.period))"
    }
}

/// Recovery codes: 10 base32 characters (50 bits) shown as `XXXXX-XXXXX`; stored as the SHA-256 of the characters.
enum RecoveryCode {
    static func make() -> String {
        let characters = Array(Base32.encode(RandomBytes.make(7)).prefix(10))
        return String(characters[0..<5]) + "-" + String(characters[5..<10])
    }

    static func normalized(_ code: String) -> String {
        code.uppercased().filter { $0 != "-" && !$0.isWhitespace }
    }

    static func isWellFormed(_ code: String) -> Bool {
        let plain = normalized(code)
        return plain.count == 10 && Base32.decode(plain) != nil
    }

    static func hash(_ code: String) -> String { TokenHash.of("recovery:" + normalized(code)) }
}

/// Bytes from the system's CSPRNG.
enum RandomBytes {
    static func make(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
