import Foundation

/// Any JSON value, as a test reads it.
enum JSONValue: Decodable, Equatable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Bool before number: a JSON `true` is never read as 1.
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    static func parse(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var objectKeys: [String] { if case .object(let members) = self { members.keys.sorted() } else { [] } }
}

/// The JSON Schema subset `docs/openapi/analyst-api.json` uses, checked without a third-party validator (CI runs on
/// a fresh machine): `type` (one name), `required`, `properties`, `additionalProperties: false`, `items`, `enum` of
/// strings, `pattern`, and `$ref` to `#/components/schemas/…`. A keyword outside the subset fails the check, so the
/// document cannot quietly grow a rule nobody enforces.
struct JSONSchemaSubset {
    static let known: Set<String> = ["type", "required", "properties", "additionalProperties", "items", "enum",
                                     "pattern", "$ref", "description"]
    let document: JSONValue

    /// Every problem of `value` against `schema`, each with the JSON path where it is; empty when valid.
    func problems(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        guard case .object(let rules) = schema else { return ["\(path): the schema is not an object"] }
        if let unknown = rules.keys.first(where: { !Self.known.contains($0) }) {
            return ["\(path): the schema uses \(unknown), outside the validated subset"]
        }
        if let reference = rules["$ref"]?.string { return problems(value, resolve(reference), at: path) }
        var found: [String] = []
        if let type = rules["type"]?.string, !Self.matches(value, type: type) {
            return ["\(path): expected \(type), found \(value)"]
        }
        if case .array(let allowed)? = rules["enum"], !allowed.contains(value) {
            found.append("\(path): \(value) is not one of \(allowed.compactMap(\.string))")
        }
        if let pattern = rules["pattern"]?.string, let text = value.string,
            text.range(of: pattern, options: .regularExpression) == nil {
            found.append("\(path): \(text) does not match \(pattern)")
        }
        if case .object(let members) = value {
            found += objectProblems(members, rules, at: path)
        }
        if case .array(let items) = value, let itemSchema = rules["items"] {
            for (index, item) in items.enumerated() { found += problems(item, itemSchema, at: "\(path)[\(index)]") }
        }
        return found
    }

    private func objectProblems(_ members: [String: JSONValue], _ rules: [String: JSONValue], at path: String)
        -> [String]
    {
        var found: [String] = []
        let properties: [String: JSONValue] = if case .object(let declared)? = rules["properties"] { declared } else { [:] }
        if case .array(let required)? = rules["required"] {
            for name in required.compactMap(\.string) where members[name] == nil {
                found.append("\(path): missing required \(name)")
            }
        }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let schema = properties[name] {
                found += problems(member, schema, at: path + "." + name)
            } else if rules["additionalProperties"] == .bool(false) {
                found.append("\(path): \(name) is not a declared property")
            }
        }
        return found
    }

    private func resolve(_ reference: String) -> JSONValue {
        let prefix = "#/components/schemas/"
        guard reference.hasPrefix(prefix),
            let schema = document["components"]?["schemas"]?[String(reference.dropFirst(prefix.count))]
        else { return .object(["unresolvable $ref " + reference: .null]) }
        return schema
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number): true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }
}
