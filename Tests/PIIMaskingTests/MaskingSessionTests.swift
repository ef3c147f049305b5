import Foundation
import PIIMasking
import Testing

@Suite("Masking session")
struct MaskingSessionTests {
    @Test func numbersPlaceholdersPerTypeInOrderOfAppearance() {
        var session = MaskingSession()
        let text = "a@b.com, 07700 900123, c@d.com, 4111111111111111, 07700 900124"
        #expect(session.mask(text) == "<EMAIL_1>, <PHONE_1>, <EMAIL_2>, <CARD_1>, <PHONE_2>")
        #expect(session.entries.map(\.placeholder) == ["<EMAIL_1>", "<PHONE_1>", "<EMAIL_2>", "<CARD_1>", "<PHONE_2>"])
    }

    @Test func sameValueKeepsItsPlaceholderAcrossMessages() {
        var session = MaskingSession()
        #expect(session.mask("mail me at jane@x.com") == "mail me at <EMAIL_1>")
        #expect(session.mask("JANE@X.COM again, and bob@x.com") == "<EMAIL_1> again, and <EMAIL_2>")
    }

    @Test func unmaskRestoresTheInput() {
        var session = MaskingSession()
        let text = "Ship ORD-7K2M9Q1Z to 221B Baker Street, London NW1 6XE; call +91 98765 43210."
        let maskedText = session.mask(text)
        #expect(maskedText == "Ship <ORDER_ID_1> to <ADDRESS_1>; call <PHONE_1>.")
        #expect(session.unmask(maskedText) == text)
    }

    @Test func unmaskNeverRestoresAPaymentNumber() {
        var session = MaskingSession()
        let text = "card 4111 1111 1111 1111 (or 4111111111111111), IBAN GB82 WEST 1234 5698 7654 32, a@b.com"
        let detail = session.maskDetailed(text)
        #expect(detail.text == "card <CARD_1> (or <CARD_1>), IBAN <IBAN_1>, <EMAIL_1>")
        let back = session.unmask(detail.text + " <CARD_1>")
        #expect(back == "card Visa •••• 1111 (or Visa •••• 1111), IBAN GB•• •••• 5432, a@b.com Visa •••• 1111")
        #expect(PaymentRedaction.redact(text, as: detail)
            == "card Visa •••• 1111 (or Visa •••• 1111), IBAN GB•• •••• 5432, a@b.com")
        #expect(PaymentRedaction.redact(text, detector: PIIDetector()) == PaymentRedaction.redact(text, as: detail))
    }

    @Test func unmaskKnowsOnlyThisConversation() {
        var alice = MaskingSession()
        var bob = MaskingSession()
        _ = alice.mask("alice@example.com")
        let bobMasked = bob.mask("bob@example.com")
        #expect(bobMasked == "<EMAIL_1>")
        #expect(bob.unmask("<EMAIL_1> <EMAIL_2> <PHONE_1>") == "bob@example.com <EMAIL_2> <PHONE_1>")
        #expect(alice.unmask(bobMasked) == "alice@example.com")
        #expect(!bob.unmask("<EMAIL_1>").contains("alice"))
    }

    @Test func typedPlaceholdersAreNeverIssued() {
        var session = MaskingSession()
        let text = "I typed <EMAIL_1> myself, my email is real@x.com"
        let result = session.mask(text)
        #expect(result == "I typed <EMAIL_1> myself, my email is <EMAIL_2>")
        #expect(session.unmask(result) == text)
    }

    @Test func maskingIsIdempotent() {
        var session = MaskingSession()
        let once = session.mask("x@y.com5551234567 and 4155552671 at 221B Baker Street")
        #expect(session.mask(once) == once)
    }

    @Test func snapshotRoundTripsThroughJSON() throws {
        var session = MaskingSession()
        _ = session.mask("a@b.com and 07700 900123 and <CARD_1>")
        let data = try JSONEncoder().encode(session.snapshot)
        let snapshot = try JSONDecoder().decode(MaskingSessionSnapshot.self, from: data)
        var restored = try MaskingSession(restoring: snapshot)
        #expect(restored.entries == session.entries)
        #expect(restored.mask("a@b.com, 4111111111111111") == "<EMAIL_1>, <CARD_2>")
        #expect(restored.unmask("<PHONE_1>") == "07700 900123")
    }

    @Test func contradictorySnapshotIsRefused() {
        let entry = VaultEntry(type: .email, number: 1, key: "a@b.com", original: "a@b.com")
        let twin = VaultEntry(type: .email, number: 1, key: "c@d.com", original: "c@d.com")
        #expect(throws: MaskingSessionError.self) {
            try MaskingSession(restoring: MaskingSessionSnapshot(entries: [entry, twin]))
        }
        #expect(throws: MaskingSessionError.self) {
            try MaskingSession(restoring: MaskingSessionSnapshot(entries: [], version: 99))
        }
    }

    @Test func structuredValuesShareThePlaceholderOfTypedOnes() {
        var session = MaskingSession()
        let placeholder = session.placeholder(for: "ORD-7K2M9Q1Z", type: .orderID)
        #expect(placeholder == "<ORDER_ID_1>")
        #expect(session.mask("where is ord-7k2m9q1z?") == "where is <ORDER_ID_1>?")
    }

    @Test func sessionIsSendable() async {
        let session = MaskingSession()
        let task = Task {
            var copy = session
            return copy.mask("a@b.com")
        }
        #expect(await task.value == "<EMAIL_1>")
    }
}
