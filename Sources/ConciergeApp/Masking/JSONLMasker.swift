import Foundation
import PIIMasking

/// The batch interface behind `concierge mask --jsonl`: one JSON object per line in, one per line out, each line
/// its own conversation.
///
/// Input: `{"id": …, "text": "…"}`, optionally with `"profile": {"name", "email", "phone", "address"}` (or
/// `"known"`) and `"allow": {"phones": […], "emails": […]}` (or `"allow_list"`).
/// Output: `{"id": …, "masked": "…"}` with the id echoed as it was written (string, number, anything JSON).
/// A line that cannot be read yields `{"id": …, "error": "…"}` (`id` is `null` when it could not be read) and
/// the stream goes on: output line n always answers input line n.
///
/// Foundation reads and writes the JSON; `JSONLine` only adds what Foundation's reader cannot give back (the id's
/// exact spelling, lone surrogate escapes read as U+FFFD).
public enum JSONLMasker {
    /// The output line (without newline) for one input line.
    public static func process(line: String) -> String {
        let trimmed = line.last == "\r" ? String(line.dropLast()) : line
        if trimmed.allSatisfy(\.isWhitespace) { return errorLine(id: nil, "empty line") }
        let bytes = Array(trimmed.utf8)
        // A fixed message: Foundation's diagnostics may quote a character of the (personal) input.
        guard let value = JSONLine.read(bytes) else { return errorLine(id: nil, "invalid JSON") }
        guard let object = value as? [String: Any] else { return errorLine(id: nil, "expected a JSON object") }
        let id = JSONLine.rawMember("id", in: bytes)
        guard let text = object["text"] as? String else { return errorLine(id: id, "missing string field \"text\"") }
        var session = MaskingSession(
            profile: profile(object["profile"] ?? object["known"]),
            allowList: allowList(object["allow"] ?? object["allow_list"] ?? object["allowList"]))
        let masked = session.mask(text)
        // Written by hand around Foundation's string literal so `id` comes first and keeps its spelling.
        return "{\"id\":\(id ?? "null"),\"masked\":\(JSONLine.quoted(masked))}"
    }

    /// `text` masked in a fresh conversation (the one-shot `concierge mask "text"`).
    public static func mask(text: String) -> String {
        var session = MaskingSession()
        return session.mask(text)
    }

    private static func errorLine(id: String?, _ message: String) -> String {
        "{\"id\":\(id ?? "null"),\"error\":\(JSONLine.quoted(message))}"
    }

    // A member of the wrong type, or `null`, counts as absent rather than failing the line.
    private static func profile(_ value: Any?) -> MaskingProfile {
        guard let fields = value as? [String: Any] else { return .empty }
        return MaskingProfile(
            name: (fields["name"] ?? fields["full_name"]) as? String, email: fields["email"] as? String,
            phone: fields["phone"] as? String, address: fields["address"] as? String)
    }

    private static func allowList(_ value: Any?) -> AllowList {
        guard let fields = value as? [String: Any] else { return .empty }
        func strings(_ key: String) -> [String] {
            (fields[key] as? [Any])?.compactMap { $0 as? String } ?? []
        }
        return AllowList(phones: strings("phones"), emails: strings("emails"))
    }
}
