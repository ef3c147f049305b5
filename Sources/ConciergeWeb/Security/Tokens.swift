import Crypto
import Foundation

/// Random tokens and their hashes.
enum TokenHash {
    /// SHA-256 of `token` as lower-case hex: what the session store keeps instead of the token.
    static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

enum RandomToken {
    /// 256 bits from the system's CSPRNG, base64url without padding (43 characters).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Base64URL.encode(Data(bytes))
    }
}

enum Base64URL {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Compares secrets without an early exit, so the time taken says nothing about how much matched.
enum ConstantTime {
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}

/// CSRF protection for the anonymous forms (login, signup), which have no session to hold a token: a random
/// nonce in an HttpOnly cookie and, in the form, the HMAC of that nonce under a server key (a signed double
/// submit). A cross-site page can neither read the cookie nor compute the HMAC.
public struct FormTokens: Sendable {
    static let cookieName = "concierge_form"
    private let key: SymmetricKey

    /// - Parameter key: at least 32 random bytes. A new key per process only means forms open across a restart
    ///   must be reloaded; several instances behind one address need the same key.
    public init(key: SymmetricKey) { self.key = key }

    /// A key for this process only.
    public static func randomKey() -> SymmetricKey { SymmetricKey(size: .bits256) }

    /// The configured key (`FORM_SIGNING_KEY`), the same on every instance, or a random one for this process.
    public static func key(_ configured: Data?) -> SymmetricKey { configured.map { SymmetricKey(data: $0) } ?? randomKey() }

    func token(for nonce: String) -> String {
        Base64URL.encode(Data(HMAC<SHA256>.authenticationCode(for: Data(nonce.utf8), using: key)))
    }

    /// The HMAC of `text` for `purpose` under the form key: signs small values the site hands a browser to return
    /// (the pending login of `AccountRoutes+TwoStep.swift`).
    func signature(_ text: String, purpose: String) -> String {
        Base64URL.encode(Data(HMAC<SHA256>.authenticationCode(for: Data((purpose + ":" + text).utf8), using: key)))
    }

    func verify(nonce: String?, token: String?) -> Bool {
        guard let nonce, let token, nonce.count == 43 else { return false }
        return ConstantTime.equal(self.token(for: nonce), token)
    }
}

/// The chat form's turn keys (`TurnKey`): `turn_` and 20 random characters, then `_` and an HMAC of them under the
/// session's CSRF token (16 bytes, base64url). The site can tell a key it handed out from one made up, without
/// storing keys and on any instance (the CSRF token is the session's, in the store); a key from another session,
/// even the same shopper's, is not this session's. 48 characters, inside `TurnKey`'s alphabet and length.
enum TurnKeys {
    private static let macLength = 22

    static func make(random: String, csrfToken: String) -> String {
        random + "_" + mac(random, csrfToken: csrfToken)
    }

    static func isIssued(_ key: String, csrfToken: String) -> Bool {
        guard key.utf8.count > macLength + 1, key.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        let random = String(key.dropLast(macLength + 1))
        guard key.dropFirst(random.count).first == "_" else { return false }
        return ConstantTime.equal(mac(random, csrfToken: csrfToken), String(key.suffix(macLength)))
    }

    private static func mac(_ random: String, csrfToken: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(("turn-key:" + random).utf8),
                                                   using: SymmetricKey(data: Data(csrfToken.utf8)))
        return String(Base64URL.encode(Data(code.prefix(16))).prefix(macLength))
    }
}
