/// A wall-clock time of day in a shop's own time zone, stored as minutes since local midnight.
///
/// Encoded as `"HH:mm"`. `24:00` is allowed as a closing time meaning "end of the day".
public struct LocalTime: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init(minutes: Int) {
        precondition((0...1440).contains(minutes), "LocalTime out of range")
        self.minutes = minutes
    }

    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 1440
        else { return nil }
        self.minutes = hours * 60 + minutes
    }

    public init(hour: Int, minute: Int = 0) { self.init(minutes: hour * 60 + minute) }

    public var description: String {
        let hours = minutes / 60
        let mins = minutes % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (mins < 10 ? "0" : "") + String(mins)
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minutes < rhs.minutes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = LocalTime(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected HH:mm, got \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// ISO-8601 weekday: 1 = Monday ... 7 = Sunday (never Foundation's Sunday-first numbering).
public enum Weekday: Int, Codable, CaseIterable, Sendable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One opening period that starts on `day`. When `closes <= opens` the period runs overnight and ends on the
/// next day (06:00–01:00 is open from 06:00 until 01:00 the following morning).
public struct OpeningRange: Codable, Hashable, Sendable {
    public var day: Weekday
    public var opens: LocalTime
    public var closes: LocalTime

    public init(day: Weekday, opens: LocalTime, closes: LocalTime) {
        self.day = day
        self.opens = opens
        self.closes = closes
    }

    public var isOvernight: Bool { closes <= opens }
}

/// A shop's regular week. A weekday with no range is a closed day.
public struct WeeklyHours: Codable, Hashable, Sendable {
    public var ranges: [OpeningRange]

    public init(ranges: [OpeningRange]) {
        self.ranges = ranges.sorted { ($0.day, $0.opens) < ($1.day, $1.opens) }
    }
}
