import Analytics
import Foundation

/// The audience builder's form (`/admin/audiences`): every filter field optional, the intent, a limit and the as-of
/// date. It is turned into the very JSON document the API takes (`AudienceRequest`), so the page and the API share
/// one validator: a form value is never interpreted here beyond "is it a number", and a value that is not is sent as
/// text for the schema to refuse with its own reason.
struct AudienceBuilderForm: Decodable, Sendable, TypedFields {
    /// Free texts the schema refuses control characters in, clause by clause (422 next to the field, form kept).
    static let typedFields: Set<String> = ["category", "city", "country", "currency", "intent"]

    var category: String?
    var withinDays: String?
    var netValue: String?
    var currency: String?
    var churnBand: [String]?
    var valueTier: [String]?
    var premiumShare: String?
    var city: String?
    var country: String?
    var consent: String?
    var lastSeenDays: String?
    var intent: String?
    var limit: String?
    var asOf: String?
    /// Only on the export forms: `csv` or `json`, and `email` or `sms` for real contacts.
    var format: String?
    var contacts: String?

    /// The form fields the export forms carry again as hidden inputs, with their values (lists repeated).
    var hiddenFields: [(name: String, value: String)] {
        let single: [(String, String?)] = [
            ("category", category), ("withinDays", withinDays), ("netValue", netValue), ("currency", currency),
            ("premiumShare", premiumShare), ("city", city), ("country", country), ("consent", consent),
            ("lastSeenDays", lastSeenDays), ("intent", intent), ("limit", limit), ("asOf", asOf),
        ]
        let lists = (churnBand ?? []).map { ("churnBand[]", $0) } + (valueTier ?? []).map { ("valueTier[]", $0) }
        return single.compactMap { name, value in value.map { (name, $0) } } + lists
    }
}

/// One filled group of form fields as a clause of the filter document, and the form group it came from (where its
/// error is shown).
struct AudienceFormClause {
    let group: String
    let json: FormJSON
}

extension AudienceBuilderForm {
    /// The clauses in a fixed order, so that the validator's "clause N" names a form group.
    var clauses: [AudienceFormClause] {
        var clauses: [AudienceFormClause] = []
        func add(_ group: String, _ field: String, _ value: FormJSON) {
            clauses.append(AudienceFormClause(group: group, json: .object([(field, value)])))
        }
        // A half-filled pair still makes its clause: the schema then names the missing half.
        if Self.filled(category) != nil || Self.filled(withinDays) != nil {
            add("purchased", "purchased", .object(Self.present([
                ("category", Self.filled(category).map(FormJSON.string)), ("withinDays", Self.number(withinDays)),
            ])))
        }
        if Self.filled(netValue) != nil || Self.filled(currency) != nil {
            add("netValue", "netValueAtLeast", .object(Self.present([
                ("amount", Self.number(netValue)), ("currency", Self.filled(currency).map(FormJSON.string)),
            ])))
        }
        if let bands = Self.list(churnBand) { add("churnBand", "churnBand", bands) }
        if let tiers = Self.list(valueTier) { add("valueTier", "valueTier", tiers) }
        if let share = Self.number(premiumShare) { add("premiumShare", "premiumShareAtLeast", share) }
        if let city = Self.filled(city) { add("city", "city", .string(city)) }
        // Several countries may be typed "GB, IE"; each is checked as a code by the schema.
        if let countries = Self.filled(country) {
            let codes = countries.split(whereSeparator: { $0 == "," || $0 == " " }).map { FormJSON.string(String($0)) }
            add("country", "country", .array(codes))
        }
        if let consent = Self.filled(consent) { add("consent", "consent", .string(consent)) }
        if let days = Self.number(lastSeenDays) { add("lastSeen", "lastSeenWithinDays", days) }
        return clauses
    }

    /// The API's request document for this form.
    func requestDocument() -> Data {
        FormJSON.object(Self.present([
            ("filter", .object([("all", .array(clauses.map(\.json)))])),
            ("intent", .string(intent ?? "")),
            ("limit", Self.number(limit)),
            ("asOf", Self.filled(asOf).map(FormJSON.string)),
        ])).data
    }

    static func filled(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A finite number as a JSON number; any other text as a JSON string, which the schema refuses as the wrong
    /// type with the field's own message (NaN or infinity could not be written as JSON at all).
    static func number(_ text: String?) -> FormJSON? {
        guard let text = filled(text) else { return nil }
        if let value = Double(text), value.isFinite { return .number(value) }
        return .string(text)
    }

    static func list(_ values: [String]?) -> FormJSON? {
        let values = (values ?? []).compactMap(filled)
        return values.isEmpty ? nil : .array(values.map(FormJSON.string))
    }

    static func present(_ pairs: [(String, FormJSON?)]) -> [(String, FormJSON)] {
        pairs.compactMap { key, value in value.map { (key, $0) } }
    }
}

/// The JSON the form becomes: keys in a fixed order, numbers and texts exactly as typed.
indirect enum FormJSON: Encodable {
    case number(Double), string(String), array([FormJSON]), object([(String, FormJSON)])

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let pairs):
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in pairs { try container.encode(value, forKey: Key(key)) }
        }
    }

    /// Finite numbers and texts always encode; the fallback is never reached.
    var data: Data { (try? JSONEncoder().encode(self)) ?? Data("{}".utf8) }
}

extension AudienceBuilderForm {
    /// Every refused field group with its reason, from the API's own parsers, so that the page can show all of them
    /// at once (the API stops at the first): each clause is parsed alone, then intent, limit and as-of alone. The
    /// category list is the port's, so an unknown category is caught when the port parses the whole request.
    func fieldErrors() -> [String: String] {
        var errors: [String: String] = [:]
        for clause in clauses {
            let document = FormJSON.object([("all", .array([clause.json]))]).data
            do {
                _ = try AudienceFilter.parse(document)
            } catch {
                errors[clause.group] = Self.withoutClauseNumber(error.reason)
            }
        }
        // "x" stands in for a valid intent so that only the field under test can be refused.
        let others: [(String, String, FormJSON?)] = [
            ("intent", "intent", .string(intent ?? "")), ("limit", "limit", Self.number(limit)),
            ("asOf", "asOf", Self.filled(asOf).map(FormJSON.string)),
        ]
        for (group, key, value) in others {
            guard let value else { continue }
            var pairs: [(String, FormJSON)] = [("filter", .object([("all", .array([]))]))]
            pairs.append(key == "intent" ? (key, value) : ("intent", .string("x")))
            if key != "intent" { pairs.append((key, value)) }
            do {
                _ = try AudienceRequest.parse(FormJSON.object(pairs).data)
            } catch {
                errors[group] = error.reason
            }
        }
        return errors
    }

    /// The form group a refusal of the whole request names ("clause 2: …" is the second clause built), or `form`.
    func group(ofRefusal reason: String) -> (group: String, reason: String) {
        if reason.hasPrefix("clause "), let colon = reason.firstIndex(of: ":"),
            let number = Int(reason[reason.index(reason.startIndex, offsetBy: 7)..<colon]),
            clauses.indices.contains(number - 1)
        {
            return (clauses[number - 1].group, Self.withoutClauseNumber(reason))
        }
        for field in ["intent", "limit", "asOf"] where reason.hasPrefix(field) { return (field, reason) }
        return ("form", reason)
    }

    private static func withoutClauseNumber(_ reason: String) -> String {
        guard reason.hasPrefix("clause "), let colon = reason.firstIndex(of: ":") else { return reason }
        return String(reason[reason.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
    }
}
