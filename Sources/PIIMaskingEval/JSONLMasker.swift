import PIIMasking

/// The batch interface behind `concierge mask --jsonl`: one JSON object per line in, one per line out, each line
/// its own conversation.
///
/// Input: `{"id": …, "text": "…"}`, optionally with `"profile": {"name", "email", "phone", "address"}` (or
/// `"known"`) and `"allow": {"phones": […], "emails": […]}` (or `"allow_list"`).
/// Output: `{"id": …, "masked": "…"}` with the id echoed as it was written (string, number, anything JSON).
/// A line that cannot be read yields `{"id": …, "error": "…"}` (`id` is `null` when it could not be read) and
/// the stream goes on: output line n always answers input line n.
public enum JSONLMasker {
    /// The output line (without newline) for one input line.
    public static func process(line: String) -> String {
        let trimmed = line.last == "\r" ? String(line.dropLast()) : line
        if trimmed.allSatisfy(\.isWhitespace) { return errorLine(id: nil, "empty line") }
        let value: JSONValue
        do {
            value = try JSONValue.parse(trimmed)
        } catch {
            return errorLine(id: nil, "invalid JSON: \(error.message)")
        }
        guard case .object = value else { return errorLine(id: nil, "expected a JSON object") }
        let id = value.rawMember("id")
        guard let text = value["text"]?.stringValue else { return errorLine(id: id, "missing string field \"text\"") }
        var session = MaskingSession(
            profile: profile(value["profile"] ?? value["known"]),
            allowList: allowList(value["allow"] ?? value["allow_list"] ?? value["allowList"]))
        let masked = session.mask(text)
        return "{\"id\":\(id ?? "null"),\"masked\":\(JSONWriter.quoted(masked))}"
    }

    /// `text` masked in a fresh conversation (the one-shot `concierge mask "text"`).
    public static func mask(text: String) -> String {
        var session = MaskingSession()
        return session.mask(text)
    }

    private static func errorLine(id: String?, _ message: String) -> String {
        "{\"id\":\(id ?? "null"),\"error\":\(JSONWriter.quoted(message))}"
    }

    private static func profile(_ value: JSONValue?) -> MaskingProfile {
        guard let value else { return .empty }
        return MaskingProfile(
            name: (value["name"] ?? value["full_name"])?.stringValue, email: value["email"]?.stringValue,
            phone: value["phone"]?.stringValue, address: value["address"]?.stringValue)
    }

    private static func allowList(_ value: JSONValue?) -> AllowList {
        guard let value else { return .empty }
        func strings(_ key: String) -> [String] {
            guard case .array(let items)? = value[key] else { return [] }
            return items.compactMap(\.stringValue)
        }
        return AllowList(phones: strings("phones"), emails: strings("emails"))
    }
}
