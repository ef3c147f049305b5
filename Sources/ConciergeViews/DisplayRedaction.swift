import Foundation
import PIIMasking

/// Hides payment numbers in text shown back on a page. Messages are stored with card numbers and IBANs already
/// redacted (`ChatService`), but rows stored before that, a hand-off summary or any other text may still hold one:
/// it is never echoed whole, so a shoulder-surfer, a screenshot or a cached page does not expose it. The form is
/// the stored one, `PaymentRedaction`: "Visa •••• 4242", "GB•• •••• 5432".
public enum DisplayRedaction {
    private static let detector = PIIDetector()

    /// `text` with every card number and IBAN replaced by its redacted form.
    public static func redactPaymentNumbers(_ text: String) -> String {
        PaymentRedaction.redact(text, detector: detector)
    }
}
