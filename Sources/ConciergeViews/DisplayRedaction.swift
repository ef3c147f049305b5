import Foundation
import PIIMasking

/// Hides payment numbers in text shown back on a page: a card or IBAN typed into the chat is kept as typed in the
/// store (the shopper's own message) but is never echoed whole, so a shoulder-surfer, a screenshot or a cached
/// page does not expose it. Only the last four characters stay: "•••• 4242".
public enum DisplayRedaction {
    private static let detector = PIIDetector()

    /// `text` with every card number and IBAN replaced by "•••• " and its last four characters.
    public static func redactPaymentNumbers(_ text: String) -> String {
        let spans = detector.matches(in: text).filter { $0.type == .card || $0.type == .iban }
        guard !spans.isEmpty else { return text }
        var result = ""
        var cursor = text.startIndex
        for span in spans {
            let range = span.range(in: text)
            let kept = text[range].filter { $0.isLetter || $0.isNumber }.suffix(4)
            result += text[cursor..<range.lowerBound] + "•••• " + kept
            cursor = range.upperBound
        }
        return result + text[cursor...]
    }
}

/// Times as the shopper reads them, in their own time zone.
struct LocalClockFormat {
    let timeZone: TimeZone

    init(timeZoneIdentifier: String) {
        timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "UTC")!
    }

    /// "14:05"
    func time(_ date: Date) -> String { format(date, "HH:mm") }

    /// "Sat 21 Nov, 14:05"
    func moment(_ date: Date) -> String { format(date, "EEE d MMM, HH:mm") }

    /// "2026-11-21T14:05:00Z", for `<time datetime>`.
    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
