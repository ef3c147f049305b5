import Geo

/// Named opening-hour patterns used by the seed files and the generator.
public enum HoursTemplate: String, CaseIterable, Sendable {
    /// 07:00–19:00 on weekdays, 08:00–18:00 at weekends.
    case standard
    case daily0722 = "daily-07-22"
    case daily0823 = "daily-08-23"
    /// 06:00 until 01:00 the next morning, every day.
    case late0601 = "late-06-01"
    case allDay = "24h"
    case weekdaysClosedSunday = "weekdays-0630-20-closed-sunday"

    public var hours: WeeklyHours {
        switch self {
        case .standard:
            WeeklyHours(ranges: Weekday.allCases.map { day in
                day >= .saturday ? Self.range(day, 8, 0, 18, 0) : Self.range(day, 7, 0, 19, 0)
            })
        case .daily0722: Self.everyDay(7, 0, 22, 0)
        case .daily0823: Self.everyDay(8, 0, 23, 0)
        case .late0601: Self.everyDay(6, 0, 1, 0)
        case .allDay: Self.everyDay(0, 0, 24, 0)
        case .weekdaysClosedSunday:
            WeeklyHours(ranges: Weekday.allCases.filter { $0 != .sunday }.map { Self.range($0, 6, 30, 20, 0) })
        }
    }

    /// How often the generator picks each template for a random shop.
    static let generatorWeights: [(HoursTemplate, Int)] = [
        (.standard, 50), (.daily0722, 20), (.daily0823, 8), (.late0601, 12), (.allDay, 4), (.weekdaysClosedSunday, 6),
    ]

    private static func everyDay(_ openHour: Int, _ openMinute: Int, _ closeHour: Int, _ closeMinute: Int) -> WeeklyHours {
        WeeklyHours(ranges: Weekday.allCases.map { range($0, openHour, openMinute, closeHour, closeMinute) })
    }

    private static func range(_ day: Weekday, _ openHour: Int, _ openMinute: Int, _ closeHour: Int,
                              _ closeMinute: Int) -> OpeningRange {
        OpeningRange(day: day, opens: LocalTime(hour: openHour, minute: openMinute),
                     closes: LocalTime(hour: closeHour, minute: closeMinute))
    }
}
