import Foundation

/// Numbers the answer states — prices, percentages, distances, clock times, dates, durations and plain counts — each
/// compared by value with the numbers of the same kind in the facts, so "8 pm" matches "20:00", "two days" matches
/// "48 hours" and "about 20 minutes" matches an arrival 18 minutes away.
struct QuantityFacts: Sendable {
    var prices: Set<Double> = []
    var percents: Set<Double> = []
    var metres: [Double] = []
    /// Minutes after midnight.
    var times: Set<Int> = []
    /// "22 nov".
    var dates: Set<String> = []
    var durations: [Duration] = []
    var numbers: Set<Double> = []

    /// A length of time in a unit it converts within: minutes (minute to week), months (month, year) or working days.
    struct Duration: Hashable, Sendable {
        var value: Double
        var unit: String
    }

    init(facts: String, context: PromptContext?) {
        var rest = ClaimText.normalised(facts)
        rest = ClaimText.replace(QuantityReader.placeholder, in: rest, with: " ")
        let reader = QuantityReader()
        let claims = reader.read(&rest)
        for claim in claims {
            switch claim.value {
            case .price(let value): prices.insert(value)
            case .percent(let value): percents.insert(value)
            case .distance(let value): metres.append(value)
            case .time(let candidates): times.formUnion(candidates)
            case .date(let key): dates.insert(key)
            case .duration(let duration): durations.append(duration)
            case .count: break
            }
        }
        numbers = Set(ClaimText.matches(#"\d+(?:\.\d+)?"#, in: rest).compactMap { Double($0[0]) })
        numbers.formUnion(claims.compactMap { if case .count(let value) = $0.value { value } else { nil } })
        numbers.formUnion([0, 1])  // "one of them", "the second": too common to be a claim
        guard let context else { return }
        numbers.formUnion([context.shops.count, context.coupons.count, context.orders.count,
                           context.suggestions.count].map(Double.init))
        durations += context.shops.compactMap(\.walkMinutes).map { Duration(value: Double($0), unit: "minute") }
        durations += Self.minutesUntil(context).map { Duration(value: Double($0), unit: "minute") }
    }

    /// Minutes from now to each order's arrival on the same day: "in about 20 minutes" is a reading of the ETA.
    static func minutesUntil(_ context: PromptContext) -> [Int] {
        guard let now = clock(context.now) else { return [] }
        return context.orders.compactMap(\.eta).compactMap { eta in
            guard let time = clock(eta), eta.dropLast(5) == context.now.dropLast(5), time >= now else { return nil }
            return time - now
        }
    }

    /// "Sat 21 Nov 15:00" → 15:00 as minutes.
    static func clock(_ moment: String) -> Int? {
        guard let match = ClaimText.matches(#"(\d{1,2}):(\d{2})$"#, in: moment).first,
            let hour = Int(match[1]), let minute = Int(match[2])
        else { return nil }
        return hour * 60 + minute
    }

    /// The kinds of `answer`'s numbers that the facts do not hold.
    func unsupported(in answer: String) -> Set<String> {
        var rest = ClaimText.replace(QuantityReader.placeholder, in: ClaimText.normalised(answer), with: " ")
        var kinds = Set<String>()
        for claim in QuantityReader().read(&rest) where !supports(claim) {
            kinds.insert(claim.kind)
        }
        return kinds
    }

    func supports(_ claim: QuantityClaim) -> Bool {
        switch claim.value {
        case .price(let value): prices.contains(value)
        case .percent(let value): percents.contains(value)
        case .distance(let value): metres.contains { ClaimText.agrees(value, $0, hedged: claim.hedged) }
        case .time(let candidates): !times.isDisjoint(with: candidates)
        case .date(let key): dates.contains(key)
        case .duration(let duration):
            durations.contains { $0.unit == duration.unit && ClaimText.agrees(duration.value, $0.value, hedged: claim.hedged) }
        case .count(let value): numbers.contains(value)
        }
    }
}

struct QuantityClaim {
    enum Value {
        case price(Double), percent(Double), distance(Double), time(Set<Int>), date(String), duration(QuantityFacts.Duration)
        case count(Double)
    }
    var value: Value
    var hedged: Bool

    var kind: String {
        switch value {
        case .price: "price"
        case .percent: "percent"
        case .distance: "distance"
        case .time: "time"
        case .date: "date"
        case .duration: "duration"
        case .count: "count"
        }
    }
}
