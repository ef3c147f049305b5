import Foundation

/// The canonical document of a filter: what the audit record stores and what `parse` reads back to the same value.
extension AudienceFilter: Encodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var top = encoder.container(keyedBy: Key.self)
        var list = top.nestedUnkeyedContainer(forKey: Key("all"))
        for clause in clauses {
            var object = list.nestedContainer(keyedBy: Key.self)
            let key = Key(clause.field)
            switch clause {
            case .purchased(let category, let days):
                var inner = object.nestedContainer(keyedBy: Key.self, forKey: key)
                try inner.encode(category, forKey: Key("category"))
                try inner.encode(days, forKey: Key("withinDays"))
            case .netValueAtLeast(let amount, let currency):
                var inner = object.nestedContainer(keyedBy: Key.self, forKey: key)
                try inner.encode(amount, forKey: Key("amount"))
                try inner.encode(currency, forKey: Key("currency"))
            case .churnBand(let bands): try object.encode(bands.map(\.rawValue), forKey: key)
            case .valueTier(let tiers): try object.encode(tiers.map(\.rawValue), forKey: key)
            case .premiumShareAtLeast(let share): try object.encode(share, forKey: key)
            case .city(let cities): try object.encode(cities, forKey: key)
            case .country(let countries): try object.encode(countries, forKey: key)
            case .consent(let channel): try object.encode(channel.rawValue, forKey: key)
            case .lastSeenWithinDays(let days): try object.encode(days, forKey: key)
            }
        }
    }

    /// One line, sorted keys: byte-identical for equal filters.
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and lists cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data("{\"all\":[]}".utf8), as: UTF8.self)
    }
}
