import ConciergeCore
import Foundation

/// What a new password must satisfy: 10 to 72 bytes (10 is the policy page's minimum, 72 is all bcrypt reads),
/// not on the list of common passwords, not the e-mail address or its local part.
public struct PasswordPolicy: Sendable {
    /// Seeds/policies/account-and-login.md promises "at least 10 characters".
    public static let minimumCharacters = 10
    /// bcrypt reads 72 bytes; longer passwords are refused rather than silently cut.
    public static let maximumBytes = 72
    private let common: Set<String>

    /// - Parameter commonPasswords: lines of `Seeds/common-passwords.txt`; blank lines and `#` comments ignored.
    public init(commonPasswords: some Sequence<String>) {
        common = Set(commonPasswords.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// Reads the list from a file, one password a line.
    public init(commonPasswordsFile path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        self.init(commonPasswords: text.split(whereSeparator: \.isNewline).map(String.init))
    }

    /// How many common passwords are known (for start-up output).
    public var commonCount: Int { common.count }

    /// Every problem with `password`, as sentences for the signup form; empty when it is acceptable.
    public func problems(_ password: String, email: String) -> [String] {
        var problems: [String] = []
        if password.count < Self.minimumCharacters {
            problems.append("The password needs at least \(Self.minimumCharacters) characters.")
        }
        if password.utf8.count > Self.maximumBytes || password.utf8.contains(0) {
            problems.append("The password can be at most \(Self.maximumBytes) bytes long (fewer with accents or emoji).")
        }
        let folded = password.lowercased()
        if common.contains(folded) {
            problems.append("That password is too common; pick something less guessable.")
        }
        let normalized = User.normalizedEmail(email)
        let localPart = normalized.split(separator: "@").first.map(String.init) ?? normalized
        if !normalized.isEmpty, folded == normalized || folded == localPart {
            problems.append("The password must not be your e-mail address.")
        }
        return problems
    }
}
