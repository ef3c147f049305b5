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

    /// The form two addresses are compared in: trimmed, NFKC, case folded, NFKC again (Unicode's NFKC_Casefold, less
    /// its silent removal of invisible characters, which `lookalikeProblem` refuses instead).
    ///
    /// So `ＡＶＡ@ｅｘａｍｐｌｅ.com` (fullwidth), `AVA@example.com` and `ava@example.com` are one address, and an accented
    /// letter typed precomposed (NFC) or as a letter and a combining accent (NFD) is one letter.
    public static func normalized(_ email: String) -> String {
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.utf8.allSatisfy({ $0 < 0x80 }) else { return trimmed.lowercased() }
        return trimmed.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCompatibilityMapping
    }

    /// Why an address would look like another one, or `nil`. Checked at signup (refused with a reason) and at login
    /// (no account can hold such an address).
    public enum Lookalike: Equatable, Sendable {
        /// Invisible format characters (Unicode Cf: zero-width space and joiners, soft hyphen, direction marks).
        case formatCharacters
        /// The part before the `@` mixes letters of scripts that are not written together (a Cyrillic `а` among Latin
        /// letters). Latin with Han and Japanese kana, with Han and Bopomofo, or with Han and Hangul is allowed.
        case mixedScriptLocalPart
        /// A label of the domain does so.
        case mixedScriptDomain
    }

    /// Checks the address as typed (format characters) and normalised (scripts).
    public static func lookalikeProblem(_ email: String) -> Lookalike? {
        if email.unicodeScalars.contains(where: { $0.properties.generalCategory == .format }) {
            return .formatCharacters
        }
        let normalized = normalized(email)
        guard !normalized.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let parts = normalized.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        if let local = parts.first, !WritingScript.areWrittenTogether(in: local) { return .mixedScriptLocalPart }
        if parts.count == 2,
            parts[1].split(separator: ".").contains(where: { !WritingScript.areWrittenTogether(in: $0) })
        {
            return .mixedScriptDomain
        }
        return nil
    }

    /// `email` without format characters (to show a refused address again).
    public static func removingFormatCharacters(_ email: String) -> String {
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: email.unicodeScalars.lazy.filter { $0.properties.generalCategory != .format })
        return String(kept)
    }
}
