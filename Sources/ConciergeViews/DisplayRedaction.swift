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
