import Foundation

/// Reads the numbers of a normalised text, most specific first: each pattern consumes what it read, so "15:20" is a
/// time and never also the counts 15 and 20, and what is left at the end are plain counts ("500 points").
struct QuantityReader {
    /// `<ORDER_ID_1>`: placeholders hold digits that are no claim.
    static let placeholder = #"<[a-z_]+_\d+>"#
    static let hedged = #"(?:\b("# + ClaimText.hedge + #")\s+(?:an?\s+)?)?"#
    static let months = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"

    func read(_ text: inout String) -> [QuantityClaim] {
        var claims: [QuantityClaim] = []
        func take(_ pattern: String, _ make: ([String]) -> QuantityClaim.Value?) {
            for groups in ClaimText.matches(pattern, in: text) {
                if let value = make(groups) { claims.append(QuantityClaim(value: value, hedged: !groups[1].isEmpty)) }
            }
            text = ClaimText.replace(pattern, in: text, with: " ")
        }
        // Group 1 of every pattern is the hedge ("about"), empty where a pattern cannot be hedged.
        take(#"()[£$€₹]\s?(\d+(?:\.\d{1,2})?)"#) { Double($0[2]).map { .price($0) } }
        take(#"()(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)"#) { Double($0[2]).map { .percent($0) } }
        take(#"()\b(\d{1,2})(?:[:.](\d{2}))?\s?(a\.?m\.?|p\.?m\.?)(?![a-z])"#) { groups in
            Self.twelveHour(hour: groups[2], minute: groups[3], pm: groups[4].hasPrefix("p")).map { .time([$0]) }
        }
        take(#"()\b(\d{1,2}):(\d{2})\b"#) { groups in
            guard let hour = Int(groups[2]), let minute = Int(groups[3]), hour < 25, minute < 60 else { return nil }
            // "3:20" without am/pm may be either half of the day.
            return .time(hour <= 12 ? [hour * 60 + minute, (hour + 12) * 60 + minute] : [hour * 60 + minute])
        }
        take(#"()\b(\d{1,2}) o'?clock\b"#) { groups in
            Int(groups[2]).map { .time([$0 * 60, ($0 + 12) * 60]) }
        }
        take(#"()\b(noon|midday|midnight)\b"#) { .time($0[2] == "midnight" ? [0, 24 * 60] : [12 * 60]) }
        take(#"()\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?("# + Self.months + #")[a-z]*\b"#) { .date("\($0[2]) \($0[3])") }
        take(#"()\b("# + Self.months + #")[a-z]*\s+(\d{1,2})(?:st|nd|rd|th)?\b"#) { .date("\($0[3]) \($0[2])") }
        take(Self.hedged + #"\b(\d+(?:\.\d+)?|an?)[ -](working[ -]days?|business[ -]days?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b"#) {
            groups in
            Self.duration(amount: groups[2], unit: groups[3]).map { .duration($0) }
        }
        take(Self.hedged + #"\b(\d+(?:\.\d+)?)\s?(km|kilomet(?:re|er)s?|m|met(?:re|er)s?|miles?)\b"#) { groups in
            guard let value = Double(groups[2]) else { return nil }
            let scale = groups[3].hasPrefix("k") ? 1000 : groups[3].hasPrefix("mile") ? 1609 : 1
            return .distance(value * Double(scale))
        }
        // "opens at 7", "until 10": an hour without am/pm, either half of the day.
        take(#"()\b(?:at|until|till|til|from|by|before|after|opens|closes)\s+(\d{1,2})\b(?![.:,]?\d)"#) { groups in
            Int(groups[2]).flatMap { $0 <= 24 ? .time([$0 * 60, ($0 + 12) * 60]) : nil }
        }
        take(#"()(?<![\w.£$€₹])(\d+(?:\.\d+)?)(?![\w%])"#) { Double($0[2]).map { .count($0) } }
        return claims
    }

    static func twelveHour(hour: String, minute: String, pm: Bool) -> Int? {
        guard let hour = Int(hour), (1...12).contains(hour) else { return nil }
        let minutes = minute.isEmpty ? 0 : Int(minute) ?? 0
        return ((hour % 12) + (pm ? 12 : 0)) * 60 + minutes
    }

    /// Minutes to weeks convert to minutes, months and years to months; working days stay working days.
    static func duration(amount: String, unit: String) -> QuantityFacts.Duration? {
        guard let value = amount.hasPrefix("a") ? 1 : Double(amount) else { return nil }
        if unit.hasPrefix("working") || unit.hasPrefix("business") {
            return QuantityFacts.Duration(value: value, unit: "working day")
        }
        let scales: [(String, Double, String)] = [
            ("min", 1, "minute"), ("h", 60, "minute"), ("day", 1440, "minute"), ("week", 10080, "minute"),
            ("month", 1, "month"), ("year", 12, "month"),
        ]
        guard let scale = scales.first(where: { unit.hasPrefix($0.0) }) else { return nil }
        return QuantityFacts.Duration(value: value * scale.1, unit: scale.2)
    }
}
