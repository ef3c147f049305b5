import Foundation

extension WeeklyHours {
    /// The opening status at `instant`, reading the hours as wall-clock times in `timeZone` (the shop's).
    ///
    /// The ranges are laid out as absolute intervals from yesterday (an overnight range may still be running)
    /// to tomorrow, or a week ahead when that does not settle it, then merged, so back-to-back ranges (Mon 18:00–24:00, Tue 00:00–02:00) count as
    /// one opening. Times and durations go through Foundation's `Calendar` in the shop's zone, so minutes are
    /// real elapsed minutes across DST changes. Wall times that a spring-forward skips move forward by the gap
    /// (01:30 becomes 02:30 BST); a fall-back's repeated hour uses its first occurrence.
    public func status(at instant: Date, timeZone: TimeZone) -> OpeningStatus {
        let calendar = Self.calendar(in: timeZone)
        // Most answers fall before the end of tomorrow; only a long closure or a round-the-clock shop needs the
        // whole week laid out (a third of the calendar work in the common case).
        let (intervals, horizon) = openIntervals(around: instant, throughDay: 1, calendar: calendar)
        if let status = Self.decide(instant, intervals, horizon: horizon, isLastPass: false, calendar: calendar) {
            return status
        }
        let (week, end) = openIntervals(around: instant, throughDay: 7, calendar: calendar)
        return Self.decide(instant, week, horizon: end, isLastPass: true, calendar: calendar)
            ?? OpeningStatus(isOpen: false, closesAt: nil, opensAt: nil, minutesUntilClose: nil, minutesUntilOpen: nil)
    }

    /// The status if `intervals` (laid out up to `horizon`, before which no later range can start) settle it.
    static func decide(
        _ instant: Date, _ intervals: [Range<Date>], horizon: Date?, isLastPass: Bool, calendar: Calendar
    ) -> OpeningStatus? {
        let settled = { (date: Date) in horizon.map { date < $0 } ?? false }
        if let current = intervals.first(where: { $0.lowerBound <= instant && instant < $0.upperBound }) {
            guard settled(current.upperBound) || isLastPass else { return nil }
            // Open for at least six more days: open around the clock, there is no closing to announce.
            guard current.upperBound.timeIntervalSince(instant) < 6 * 86_400 else {
                return OpeningStatus(
                    isOpen: true, closesAt: nil, opensAt: nil, minutesUntilClose: nil, minutesUntilOpen: nil)
            }
            return OpeningStatus(
                isOpen: true, closesAt: moment(current.upperBound, from: instant, calendar: calendar),
                opensAt: nil, minutesUntilClose: minutes(from: instant, to: current.upperBound),
                minutesUntilOpen: nil)
        }
        if let next = intervals.first(where: { $0.lowerBound > instant }) {
            return OpeningStatus(
                isOpen: false, closesAt: nil, opensAt: moment(next.lowerBound, from: instant, calendar: calendar),
                minutesUntilClose: nil, minutesUntilOpen: minutes(from: instant, to: next.lowerBound))
        }
        guard isLastPass else { return nil }
        return OpeningStatus(isOpen: false, closesAt: nil, opensAt: nil, minutesUntilClose: nil, minutesUntilOpen: nil)
    }

    /// As `status(at:timeZone:)`, with the zone given by its IANA identifier (`Europe/London`).
    public func status(at instant: Date, timeZoneIdentifier: String) throws(UnknownTimeZone) -> OpeningStatus {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw UnknownTimeZone(identifier: timeZoneIdentifier)
        }
        return status(at: instant, timeZone: zone)
    }

    /// Whether the shop is open at `instant` in `timeZone`.
    public func isOpen(at instant: Date, timeZone: TimeZone) -> Bool {
        status(at: instant, timeZone: timeZone).isOpen
    }

    /// Absolute open intervals for ranges starting from the local day before `instant` through `lastDay` days
    /// after it, sorted and merged; and the start of the day after `lastDay`, before which no later range starts.
    func openIntervals(around instant: Date, throughDay lastDay: Int, calendar: Calendar)
        -> (intervals: [Range<Date>], horizon: Date?)
    {
        var intervals: [Range<Date>] = []
        for offset in -1...lastDay {
            guard let day = Self.localDay(offset: offset, from: instant, calendar: calendar) else { continue }
            for range in ranges where range.day == day.weekday {
                let endDay = range.isOvernight || range.closes.minutes == 1440 ? 1 : 0
                guard let start = Self.date(day, dayOffset: 0, minutes: range.opens.minutes, calendar: calendar),
                    let end = Self.date(
                        day, dayOffset: endDay, minutes: range.closes.minutes % 1440, calendar: calendar),
                    start < end
                else { continue }
                intervals.append(start..<end)
            }
        }
        let horizon = Self.localDay(offset: lastDay + 1, from: instant, calendar: calendar)
            .flatMap { Self.date($0, dayOffset: 0, minutes: 0, calendar: calendar) }
        return (Self.merged(intervals), horizon)
    }

    /// Sorted, with overlapping or touching intervals joined.
    static func merged(_ intervals: [Range<Date>]) -> [Range<Date>] {
        var merged: [Range<Date>] = []
        for interval in intervals.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, interval.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, interval.upperBound)
            } else {
                merged.append(interval)
            }
        }
        return merged
    }

    /// A local calendar day: its date components and ISO weekday.
    struct LocalDay {
        var components: DateComponents
        var weekday: Weekday
    }

    static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The local day `offset` days from the local day of `instant`. Steps from local noon, which exists on every
    /// day in every zone (unlike midnight in zones whose DST change happens at 00:00).
    static func localDay(offset: Int, from instant: Date, calendar: Calendar) -> LocalDay? {
        var noon = calendar.dateComponents([.year, .month, .day], from: instant)
        noon.hour = 12
        guard let today = calendar.date(from: noon),
            let day = calendar.date(byAdding: .day, value: offset, to: today)
        else { return nil }
        let components = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
        guard let weekday = components.weekday.flatMap(isoWeekday(fromFoundation:)) else { return nil }
        return LocalDay(components: components, weekday: weekday)
    }

    /// The instant of wall time `minutes` past midnight, `dayOffset` days after `day`.
    static func date(_ day: LocalDay, dayOffset: Int, minutes: Int, calendar: Calendar) -> Date? {
        var components = DateComponents(
            year: day.components.year, month: day.components.month,
            day: day.components.day, hour: 12)
        if dayOffset != 0 {
            guard let noon = calendar.date(from: components),
                let shifted = calendar.date(byAdding: .day, value: dayOffset, to: noon)
            else { return nil }
            components = calendar.dateComponents([.year, .month, .day], from: shifted)
        }
        components.hour = minutes / 60
        components.minute = minutes % 60
        components.second = 0
        return calendar.date(from: components)
    }

    /// Foundation numbers weekdays 1 = Sunday ... 7 = Saturday; ISO (ours) 1 = Monday ... 7 = Sunday.
    static func isoWeekday(fromFoundation value: Int) -> Weekday? {
        Weekday(rawValue: (value + 5) % 7 + 1)
    }

    static func moment(_ date: Date, from instant: Date, calendar: Calendar) -> LocalMoment {
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        let weekday = parts.weekday.flatMap(isoWeekday(fromFoundation:)) ?? .monday
        let time = LocalTime(hour: parts.hour ?? 0, minute: parts.minute ?? 0)
        // Whole local days between the two, counted from local midnight to local midnight in the shop's zone.
        // (`ordinality(of: .day, in: .era)` counted UTC days on Linux: at 10:00 in New York a 20:00 closing read
        // "tomorrow".)
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: instant),
                                           to: calendar.startOfDay(for: date)).day ?? 0
        let relation: DayRelation =
            switch days {
            case ...0: .today
            case 1: .tomorrow
            default: .later(weekday)
            }
        return LocalMoment(instant: date, weekday: weekday, time: time, relation: relation)
    }

    /// Whole minutes from `start` to `end`, rounded up: at 21:59:30 a 22:00 closing is "in 1 minute", not 0.
    static func minutes(from start: Date, to end: Date) -> Int {
        Int((end.timeIntervalSince(start) / 60).rounded(.up))
    }
}
