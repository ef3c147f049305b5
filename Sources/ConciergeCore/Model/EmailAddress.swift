import Foundation

/// A deliberately simple e-mail check (one `@`, a dotted domain, no spaces, no control characters): full RFC 5322 is
/// not the point here.
public enum EmailAddress {
    public static func isPlausible(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), email.count <= 254, !ControlCharacters.contained(in: email)
        else { return false }
        return !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
    }
}
