/// Control characters (Unicode general category Cc: NUL, the C0 and C1 codes, DEL) in text someone typed.
///
/// Nobody means to type them, and they change meaning on the way down: C libraries and SQLite bindings read a NUL
/// as the end of the text (so `ava@example.com\0x` can be compared as `ava@example.com`), terminals obey escapes,
/// and HTML turns a NUL into U+FFFD. Every input (form field, CLI argument, import record) refuses them before
/// anything is looked up or stored; multi-line fields (a chat message, a Customer Care reply) may hold line breaks
/// and tabs.
public enum ControlCharacters {
    /// Whether `text` holds a control character the field does not allow.
    public static func contained(in text: some StringProtocol, allowingLineBreaks: Bool = false) -> Bool {
        text.unicodeScalars.contains { isRefused($0, allowingLineBreaks: allowingLineBreaks) }
    }

    /// `text` without the control characters the field does not allow (to offer a refused draft again).
    public static func removed(from text: String, allowingLineBreaks: Bool = false) -> String {
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.lazy.filter {
            !isRefused($0, allowingLineBreaks: allowingLineBreaks)
        })
        return String(kept)
    }

    /// A control character, other than a line break (LF, CR) or tab when the field allows them.
    public static func isRefused(_ scalar: Unicode.Scalar, allowingLineBreaks: Bool) -> Bool {
        guard scalar.properties.generalCategory == .control else { return false }
        return !(allowingLineBreaks && (scalar == "\n" || scalar == "\r" || scalar == "\t"))
    }
}
