import Foundation
import SeededRandom
import Testing

@testable import Geo

/// Hand-worked cases. November in London is GMT (= UTC), so "Z" instants read as local times there;
/// 2026-11-23 is a Monday.
@Suite("Opening hours")
struct OpeningHoursTests {
    static let london = TimeZone(identifier: "Europe/London")!

    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static func every(_ opens: String, _ closes: String, on days: [Weekday] = Weekday.allCases) -> WeeklyHours {
        WeeklyHours(ranges: days.map { OpeningRange(day: $0, opens: LocalTime(opens)!, closes: LocalTime(closes)!) })
    }

    static let overnight = every("06:00", "01:00")
    static let weekdays = WeeklyHours(
        ranges: every("07:00", "22:00", on: [.monday, .tuesday, .wednesday, .thursday, .friday]).ranges
            + every("08:00", "20:00", on: [.saturday]).ranges)

    func status(_ hours: WeeklyHours, _ at: String, _ zone: TimeZone = london) -> OpeningStatus {
        hours.status(at: Self.instant(at), timeZone: zone)
    }

    /// West of UTC a local day spans two UTC days: "today" and "tomorrow" must be the shop's days, not UTC's.
    @Test("New York at 10:00: closing at 20:00 is today, opening at 06:30 on Monday is named")
    func daysAreTheShopsNotUTCs() {
        let newYork = TimeZone(identifier: "America/New_York")!
        let hours = Self.every("06:30", "20:00", on: [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday])
        #expect(status(hours, "2026-11-21T15:00:00Z", newYork).summary == "Open until 20:00")
        #expect(status(hours, "2026-11-22T02:00:00Z", newYork).summary == "Opens Monday at 06:30")
        #expect(status(hours, "2026-11-21T10:00:00Z", newYork).summary == "Opens at 06:30")
        #expect(status(hours, "2026-11-21T04:00:00Z", newYork).summary == "Opens at 06:30 tomorrow")
    }

    @Test("overnight 06:00–01:00 at 23:59, 00:00, 00:59 and 01:00")
    func overnightEdges() {
        let late = status(Self.overnight, "2026-11-23T23:59:00Z")
        #expect(late.isOpen && late.minutesUntilClose == 61)
        #expect(late.closesAt?.time == LocalTime(hour: 1) && late.closesAt?.relation == .tomorrow)
        #expect(late.summary == "Open until 01:00 tomorrow")

        let midnight = status(Self.overnight, "2026-11-24T00:00:00Z")
        #expect(midnight.isOpen && midnight.minutesUntilClose == 60)
        #expect(midnight.closesAt?.relation == .today && midnight.summary == "Closes in 60 minutes")

        let last = status(Self.overnight, "2026-11-24T00:59:00Z")
        #expect(last.isOpen && last.summary == "Closes in 1 minute")

        let shut = status(Self.overnight, "2026-11-24T01:00:00Z")
        #expect(!shut.isOpen && shut.minutesUntilOpen == 300)
        #expect(shut.opensAt?.time == LocalTime(hour: 6) && shut.opensAt?.relation == .today)
        #expect(shut.summary == "Opens at 06:00")
    }

    @Test("closes in 10 minutes; opens at 07:00 tomorrow; opens Monday; closed days")
    func everydayPhrases() {
        #expect(status(Self.weekdays, "2026-11-23T21:50:00Z").summary == "Closes in 10 minutes")
        #expect(status(Self.weekdays, "2026-11-23T12:00:00Z").summary == "Open until 22:00")
        let evening = status(Self.weekdays, "2026-11-23T22:30:00Z")
        #expect(!evening.isOpen && evening.summary == "Opens at 07:00 tomorrow")
        let saturdayNight = status(Self.weekdays, "2026-11-21T20:30:00Z")
        #expect(saturdayNight.opensAt?.relation == .later(.monday))
        #expect(saturdayNight.summary == "Opens Monday at 07:00")
        let sunday = status(Self.weekdays, "2026-11-22T12:00:00Z")
        #expect(!sunday.isOpen && sunday.opensAt?.relation == .tomorrow && sunday.minutesUntilOpen == 19 * 60)
        // Seconds round up: 30 s before opening is "in 1 minute", never "in 0 minutes".
        #expect(status(Self.weekdays, "2026-11-23T06:59:30Z").minutesUntilOpen == 1)
    }

    @Test("an overnight range started yesterday is still open on a closed day")
    func overnightIntoClosedDay() {
        let hours = Self.every("20:00", "02:00", on: [.saturday])
        let early = status(hours, "2026-11-22T01:30:00Z")
        #expect(early.isOpen && early.closesAt?.relation == .today && early.minutesUntilClose == 30)
        let after = status(hours, "2026-11-22T02:00:00Z")
        #expect(!after.isOpen && after.opensAt?.relation == .later(.saturday))
    }

    @Test("spring forward in London: real minutes, not wall-clock minutes")
    func springForward() {
        let hours = Self.every("22:00", "06:00")
        // Sat 28 Mar 2026 23:00 GMT → Sun 06:00 BST is 05:00 UTC: 6 hours, not 7.
        #expect(status(hours, "2026-03-28T23:00:00Z").minutesUntilClose == 360)
        #expect(status(hours, "2026-03-29T00:30:00Z").minutesUntilClose == 270)
        // 01:30 UTC is 02:30 BST, just after the gap.
        let afterGap = status(hours, "2026-03-29T01:30:00Z")
        #expect(afterGap.isOpen && afterGap.minutesUntilClose == 210 && afterGap.closesAt?.time == LocalTime(hour: 6))
    }

    @Test("fall back in London: the long night, and the repeated hour's first occurrence")
    func fallBack() {
        let hours = Self.every("22:00", "06:00")
        // Sat 24 Oct 2026 22:00 BST (21:00 UTC) → Sun 06:00 GMT (06:00 UTC): 9 hours.
        #expect(status(hours, "2026-10-24T21:00:00Z").minutesUntilClose == 540)
        let repeated = Self.every("01:30", "03:00", on: [.sunday])
        // 00:00 UTC is 01:00 BST; 01:30 first happens at 00:30 UTC.
        let before = status(repeated, "2026-10-25T00:00:00Z")
        #expect(!before.isOpen && before.minutesUntilOpen == 30 && before.opensAt?.relation == .today)
    }

    @Test("spring forward in New York, with the store's zone not the caller's")
    func newYork() {
        let zone = TimeZone(identifier: "America/New_York")!
        let hours = Self.every("22:00", "04:00", on: [.saturday])
        // Sun 8 Mar 2026 01:00 EST (06:00 UTC) → 04:00 EDT (08:00 UTC).
        let night = status(hours, "2026-03-08T06:00:00Z", zone)
        #expect(night.isOpen && night.minutesUntilClose == 120 && night.closesAt?.time == LocalTime(hour: 4))
    }

    @Test("the store's time zone decides, not UTC")
    func tokyo() {
        let zone = TimeZone(identifier: "Asia/Tokyo")!
        let hours = Self.every("09:00", "18:00")
        let morning = status(hours, "2026-11-23T00:30:00Z", zone)
        #expect(morning.isOpen && morning.summary == "Open until 18:00")
        let evening = status(hours, "2026-11-23T09:30:00Z", zone)
        #expect(!evening.isOpen && evening.summary == "Opens at 09:00 tomorrow")
        #expect(evening.opensAt?.weekday == .tuesday)
    }

    @Test("midnight closings, back-to-back ranges and round-the-clock stores")
    func boundaries() {
        #expect(status(Self.every("08:00", "24:00"), "2026-11-23T20:00:00Z").summary == "Open until midnight")
        let joined = WeeklyHours(ranges: [
            OpeningRange(day: .monday, opens: LocalTime(hour: 18), closes: LocalTime(hour: 24)),
            OpeningRange(day: .tuesday, opens: LocalTime(hour: 0), closes: LocalTime(hour: 2)),
        ])
        #expect(status(joined, "2026-11-23T23:00:00Z").summary == "Open until 02:00 tomorrow")
        for hours in [Self.every("00:00", "24:00"), Self.every("00:00", "00:00")] {
            let always = status(hours, "2026-11-23T03:00:00Z")
            #expect(always.isOpen && always.closesAt == nil && always.summary == "Open 24 hours")
        }
    }

    @Test("no hours at all, and an unknown time zone")
    func degenerate() {
        let never = status(WeeklyHours(ranges: []), "2026-11-23T12:00:00Z")
        #expect(!never.isOpen && never.opensAt == nil && never.summary == "Closed")
        #expect(throws: UnknownTimeZone(identifier: "Mars/Olympus")) {
            try Self.overnight.status(at: Self.instant("2026-11-23T12:00:00Z"), timeZoneIdentifier: "Mars/Olympus")
        }
        #expect(throws: Never.self) {
            try Self.overnight.status(at: Self.instant("2026-11-23T12:00:00Z"), timeZoneIdentifier: "Europe/Paris")
        }
    }
}

@Suite("Opening hours: short window equals full week")
struct OpeningHoursWindowTests {
    @Test(
        "laying out only through tomorrow never changes the answer",
        arguments: [
            "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Santiago",
        ])
    func shortWindowAgrees(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        let weeks = [
            OpeningHoursTests.overnight, OpeningHoursTests.weekdays,
            OpeningHoursTests.every("00:00", "24:00"), OpeningHoursTests.every("20:00", "02:00", on: [.saturday]),
            WeeklyHours(ranges: []),
            WeeklyHours(ranges: [
                OpeningRange(day: .sunday, opens: LocalTime(hour: 18), closes: LocalTime(hour: 24)),
                OpeningRange(day: .monday, opens: LocalTime(hour: 0), closes: LocalTime(hour: 3)),
            ]),
        ]
        let calendar = WeeklyHours.calendar(in: zone)
        var random = SplitMix64(seed: 11)
        // Instants spread over 2026, so both DST changes of each zone are crossed.
        let start = OpeningHoursTests.instant("2026-01-01T00:00:00Z")
        for _ in 0..<300 {
            let instant = start.addingTimeInterval(Double(random.next() % 31_536_000))
            for hours in weeks {
                let (week, horizon) = hours.openIntervals(around: instant, throughDay: 7, calendar: calendar)
                let full = WeeklyHours.decide(instant, week, horizon: horizon, isLastPass: true, calendar: calendar)
                #expect(hours.status(at: instant, timeZone: zone) == full)
            }
        }
    }
}
