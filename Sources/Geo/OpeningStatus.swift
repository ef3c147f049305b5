import Foundation

/// How a moment's local day relates to the local day of the instant asked about, in the shop's time zone.
public enum DayRelation: Hashable, Sendable {
    case today
    case tomorrow
    /// Two to seven days ahead: named by its weekday ("Monday").
    case later(Weekday)
}

/// A transition (opening or closing) as the shopper should hear it: wall-clock time in the shop's zone and the
/// day it falls on.
public struct LocalMoment: Hashable, Sendable {
    /// The absolute instant of the transition.
    public var instant: Date
    /// Local weekday of the transition.
    public var weekday: Weekday
    /// Local wall-clock time of the transition (a closing at 24:00 reads 00:00 on the next day).
    public var time: LocalTime
    public var relation: DayRelation

    public init(instant: Date, weekday: Weekday, time: LocalTime, relation: DayRelation) {
        self.instant = instant
        self.weekday = weekday
        self.time = time
        self.relation = relation
    }
}

/// Whether a shop is open at an instant, and when that changes. Facts computed in code, never by the model.
public struct OpeningStatus: Hashable, Sendable {
    /// Minutes before closing from which the summary says "closes in N minutes" instead of "open until".
    public static let closingSoonMinutes = 60

    public var isOpen: Bool
    /// When open: the next closing; nil when the shop is open around the clock.
    public var closesAt: LocalMoment?
    /// When closed: the next opening; nil when the week has no opening hours at all.
    public var opensAt: LocalMoment?
    /// When open and closing: whole minutes left, rounded up, in real elapsed time (DST-aware).
    public var minutesUntilClose: Int?
    /// When closed and opening: whole minutes until it opens, rounded up, in real elapsed time.
    public var minutesUntilOpen: Int?

    public init(
        isOpen: Bool, closesAt: LocalMoment?, opensAt: LocalMoment?, minutesUntilClose: Int?, minutesUntilOpen: Int?
    ) {
        self.isOpen = isOpen
        self.closesAt = closesAt
        self.opensAt = opensAt
        self.minutesUntilClose = minutesUntilClose
        self.minutesUntilOpen = minutesUntilOpen
    }

    /// A short English phrase: "Closes in 10 minutes", "Open until 22:00", "Open until 01:00 tomorrow",
    /// "Open 24 hours", "Opens at 07:00 tomorrow", "Opens Monday at 07:00", "Closed".
    public var summary: String {
        if isOpen {
            guard let closesAt, let minutes = minutesUntilClose else { return "Open 24 hours" }
            if minutes <= Self.closingSoonMinutes {
                return minutes == 1 ? "Closes in 1 minute" : "Closes in \(minutes) minutes"
            }
            return "Open until " + Self.phrase(closesAt, closing: true)
        }
        guard let opensAt else { return "Closed" }
        switch opensAt.relation {
        case .today, .tomorrow: return "Opens at " + Self.phrase(opensAt, closing: false)
        case .later(let day): return "Opens \(Self.name(of: day)) at \(opensAt.time)"
        }
    }

    private static func phrase(_ moment: LocalMoment, closing: Bool) -> String {
        // "Open until midnight" reads better than "until 00:00 tomorrow" for a 24:00 closing.
        if closing && moment.time.minutes == 0 && moment.relation == .tomorrow { return "midnight" }
        switch moment.relation {
        case .today: return "\(moment.time)"
        case .tomorrow: return "\(moment.time) tomorrow"
        case .later(let day): return "\(moment.time) on \(name(of: day))"
        }
    }

    private static func name(of day: Weekday) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.rawValue - 1]
    }
}

/// The shop's time zone identifier is not a known IANA zone.
public struct UnknownTimeZone: Error, Hashable, Sendable {
    public var identifier: String

    public init(identifier: String) { self.identifier = identifier }
}
