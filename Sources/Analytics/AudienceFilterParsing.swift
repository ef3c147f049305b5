import Foundation

extension AudienceFilter {
    /// Largest document accepted, in bytes; a filter is a handful of clauses.
    public static let maxDocumentBytes = 16_384
    public static let maxClauses = 20
    /// Longest list in a clause (cities, countries, bands) and longest string.
    static let maxListCount = 50
    static let maxStringLength = 100
    static let dayRange = 1...3_650

    /// Parses and validates a filter document; any field, operator or value outside the schema is refused with the
    /// reason and the clause it is in. `categories`, when given, is the catalogue's category list: a category outside
    /// it is refused too (a typo would otherwise quietly select nobody).
    public static func parse(_ data: Data, categories: Set<String>? = nil) throws(AudienceFilterError) -> AudienceFilter {
        guard data.count <= maxDocumentBytes else {
            throw AudienceFilterError("the filter is larger than \(maxDocumentBytes) bytes")
        }
        let document: FilterJSON
        do {
            document = try JSONDecoder().decode(FilterJSON.self, from: data)
        } catch {
            throw AudienceFilterError("the filter is not valid JSON")
        }
        return try parse(document, categories: categories)
    }

    static func parse(_ document: FilterJSON, categories: Set<String>?) throws(AudienceFilterError) -> AudienceFilter {
        guard case .object(let top) = document else {
            throw AudienceFilterError("the filter must be a JSON object {\"all\": [clauses]}")
        }
        if let unknown = top.keys.sorted().first(where: { $0 != "all" }) {
            throw AudienceFilterError("unknown top-level field \"\(clip(unknown))\"; the only one is \"all\"")
        }
        guard case .array(let items)? = top["all"] else {
            throw AudienceFilterError("\"all\" must be a list of clauses")
        }
        guard items.count <= maxClauses else { throw AudienceFilterError("more than \(maxClauses) clauses") }
        var clauses: [AudienceClause] = []
        for (index, item) in items.enumerated() {
            do {
                clauses.append(try clause(item, categories: categories))
            } catch {
                throw AudienceFilterError("clause \(index + 1): \(error.reason)")
            }
        }
        return AudienceFilter(clauses: clauses)
    }

    /// The allowed fields, for error messages and the documentation.
    public static let fields = ["churnBand", "city", "consent", "country", "lastSeenWithinDays", "netValueAtLeast",
                                "premiumShareAtLeast", "purchased", "valueTier"]

    private static func clause(_ item: FilterJSON, categories: Set<String>?) throws(AudienceFilterError)
        -> AudienceClause
    {
        guard case .object(let object) = item, object.count == 1, let (field, value) = object.first else {
            throw AudienceFilterError("a clause is an object with exactly one field")
        }
        switch field {
        case "purchased":
            let fields = try FilterJSON.fields(value, allowed: ["category", "withinDays"], in: field)
            let category = try string(fields["category"], "purchased.category")
            if let categories, !categories.contains(category) {
                throw AudienceFilterError("unknown category \"\(clip(category))\"; known: "
                    + categories.sorted().joined(separator: ", "))
            }
            return .purchased(category: category, withinDays: try days(fields["withinDays"], "purchased.withinDays"))
        case "netValueAtLeast":
            let fields = try FilterJSON.fields(value, allowed: ["amount", "currency"], in: field)
            guard case .number(let amount)? = fields["amount"], amount.isFinite, amount >= 0, amount <= 1e9 else {
                throw AudienceFilterError("netValueAtLeast.amount must be a number from 0 to 1e9")
            }
            let currency = try code(fields["currency"], length: 3, "netValueAtLeast.currency")
            return .netValueAtLeast(amount: amount, currency: currency)
        case "churnBand":
            return .churnBand(try enumList(value, field))
        case "valueTier":
            return .valueTier(try enumList(value, field))
        case "premiumShareAtLeast":
            guard case .number(let share) = value, (0...1).contains(share) else {
                throw AudienceFilterError("premiumShareAtLeast must be a number from 0 to 1")
            }
            return .premiumShareAtLeast(share)
        case "city":
            return .city(try stringList(value, field) { item throws(AudienceFilterError) in try string(item, "city") })
        case "country":
            return .country(try stringList(value, field) { item throws(AudienceFilterError) in
                try code(item, length: 2, "country")
            })
        case "consent":
            return .consent(try enumValue(value, field))
        case "lastSeenWithinDays":
            return .lastSeenWithinDays(try days(value, field))
        default:
            throw AudienceFilterError("unknown field \"\(clip(field))\"; allowed: " + fields.joined(separator: ", "))
        }
    }

    static func clip(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    private static func string(_ value: FilterJSON?, _ name: String) throws(AudienceFilterError) -> String {
        guard case .string(let text)? = value, !text.isEmpty, text.count <= maxStringLength,
            !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw AudienceFilterError("\(name) must be a non-empty text of at most \(maxStringLength) characters") }
        return text
    }

    /// A code of capital ASCII letters (ISO country or currency).
    private static func code(_ value: FilterJSON?, length: Int, _ name: String) throws(AudienceFilterError) -> String {
        guard case .string(let text)? = value, text.utf8.count == length,
            text.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
        else { throw AudienceFilterError("\(name) must be \(length) capital letters") }
        return text
    }

    private static func days(_ value: FilterJSON?, _ name: String) throws(AudienceFilterError) -> Int {
        guard case .number(let number)? = value, number.rounded() == number,
            Double(dayRange.lowerBound) <= number, number <= Double(dayRange.upperBound)
        else { throw AudienceFilterError("\(name) must be a whole number of days from 1 to 3650") }
        return Int(number)
    }

    /// A single string or a non-empty list of them, each checked by `element`; duplicates dropped, order kept.
    private static func stringList(_ value: FilterJSON, _ name: String,
                                   _ element: (FilterJSON) throws(AudienceFilterError) -> String)
        throws(AudienceFilterError) -> [String]
    {
        let items: [FilterJSON]
        switch value {
        case .string: items = [value]
        case .array(let list) where !list.isEmpty && list.count <= maxListCount: items = list
        default: throw AudienceFilterError("\(name) must be a text or a list of 1 to \(maxListCount) texts")
        }
        var seen: [String] = []
        for item in items {
            let text = try element(item)
            if !seen.contains(text) { seen.append(text) }
        }
        return seen
    }

    private static func enumValue<Value: RawRepresentable & CaseIterable>(_ value: FilterJSON, _ name: String)
        throws(AudienceFilterError) -> Value where Value.RawValue == String
    {
        guard case .string(let text) = value, let parsed = Value(rawValue: text) else {
            throw AudienceFilterError("\(name) must be one of: "
                + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return parsed
    }

    private static func enumList<Value: RawRepresentable & CaseIterable & Equatable>(_ value: FilterJSON,
                                                                                     _ name: String)
        throws(AudienceFilterError) -> [Value] where Value.RawValue == String
    {
        let texts = try stringList(value, name) { item throws(AudienceFilterError) in
            let parsed: Value = try enumValue(item, name)
            return parsed.rawValue
        }
        return texts.compactMap(Value.init(rawValue:))
    }
}

/// Any JSON value, read so that the validator sees exactly what was sent (no defaults, no coercion).
enum FilterJSON: Decodable, Hashable {
    case null, bool(Bool), number(Double), string(String), array([FilterJSON]), object([String: FilterJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([FilterJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: FilterJSON].self))
        }
    }

    /// The object's fields, refusing any key outside `allowed` and any missing one.
    static func fields(_ value: FilterJSON, allowed: [String], in name: String) throws(AudienceFilterError)
        -> [String: FilterJSON]
    {
        guard case .object(let object) = value else {
            throw AudienceFilterError("\(name) must be an object with " + allowed.joined(separator: " and "))
        }
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw AudienceFilterError("unknown field \"\(AudienceFilter.clip(unknown))\" in \(name); allowed: "
                + allowed.joined(separator: ", "))
        }
        if let missing = allowed.first(where: { object[$0] == nil }) {
            throw AudienceFilterError("\(name).\(missing) is missing")
        }
        return object
    }
}
