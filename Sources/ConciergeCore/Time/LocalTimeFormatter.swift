import Foundation

/// Times as the shopper reads them, in their own time zone and in English whatever the server's locale: in answers
/// and prompts ("Sat 21 Nov 14:05"), on pages ("Sat 21 Nov, 14:05", "November 2026") and in `<time datetime>`.
public struct LocalTimeFormatter: Sendable {
    public let timeZone: TimeZone

    /// An unknown identifier falls back to UTC.
    public init(timeZoneIdentifier: String) {
        timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")!
    }

    /// "Sat 21 Nov 14:05"
    public func moment(_ date: Date) -> String { format(date, "EEE d MMM HH:mm") }

    /// "Sat 21 Nov, 14:05": when a conversation was last active, on the page.
    public func stamp(_ date: Date) -> String { format(date, "EEE d MMM, HH:mm") }

    /// "30 Nov"
    public func day(_ date: Date) -> String { format(date, "d MMM") }

    /// "14:05"
    public func time(_ date: Date) -> String { format(date, "HH:mm") }

    /// "November 2026"
    public func monthAndYear(_ date: Date) -> String { format(date, "MMMM yyyy") }

    /// "2026-11-21T14:05:00Z", for `<time datetime>`.
    public static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// POSIX English: fixed month and day names ("Sep", never "Sept") on every machine.
    private func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
