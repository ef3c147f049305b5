import Foundation

/// A discovery request as the API receives it: `{"filter": {"all": […]}, "intent": "…", "limit": 50,
/// "asOf": "YYYY-MM-DD"}`; `limit` (1…500, default 50) and `asOf` (default: the caller's today) are optional.
/// Read with the same strictness as the filter: an unknown key is refused with its name.
public struct AudienceRequest: Hashable, Sendable {
    public var filter: AudienceFilter
    public var intent: String
    public var limit: Int
    public var asOf: CalendarDay?

    public static let maxIntentLength = 500
    public static let maxLimit = 500

    public init(filter: AudienceFilter, intent: String, limit: Int = 50, asOf: CalendarDay? = nil) {
        self.filter = filter
        self.intent = intent
        self.limit = limit
        self.asOf = asOf
    }

    public static func parse(_ data: Data, categories: Set<String>? = nil) throws(AudienceFilterError)
        -> AudienceRequest
    {
        guard data.count <= AudienceFilter.maxDocumentBytes + 4_096 else {
            throw AudienceFilterError("the request is too large")
        }
        guard let document = try? JSONDecoder().decode(FilterJSON.self, from: data), case .object(let top) = document
        else { throw AudienceFilterError("the request must be a JSON object with filter and intent") }
        let allowed = ["asOf", "filter", "intent", "limit"]
        if let unknown = top.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw AudienceFilterError("unknown request field \"\(AudienceFilter.clip(unknown))\"; allowed: "
                + allowed.joined(separator: ", "))
        }
        guard let filterDocument = top["filter"] else { throw AudienceFilterError("filter is missing") }
        let filter = try AudienceFilter.parse(filterDocument, categories: categories)
        guard case .string(let rawIntent)? = top["intent"] else { throw AudienceFilterError("intent must be a text") }
        let intent = rawIntent.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !intent.isEmpty, intent.count <= maxIntentLength,
            !intent.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw AudienceFilterError("intent must be 1 to \(maxIntentLength) characters without control characters") }
        var limit = 50
        if let value = top["limit"] {
            guard case .number(let number) = value, number.rounded() == number, (1...Double(maxLimit)).contains(number)
            else { throw AudienceFilterError("limit must be a whole number from 1 to \(maxLimit)") }
            limit = Int(number)
        }
        var asOf: CalendarDay?
        if let value = top["asOf"] {
            guard case .string(let text) = value, let day = CalendarDay(iso: text) else {
                throw AudienceFilterError("asOf must be a date YYYY-MM-DD")
            }
            asOf = day
        }
        return AudienceRequest(filter: filter, intent: intent, limit: limit, asOf: asOf)
    }
}
