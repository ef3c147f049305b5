import ConciergeCore
import Foundation
import PIIMasking
import Testing

/// A card number or IBAN the shopper types is read by the model as a placeholder, and comes back, is stored, traced
/// and exported only as brand (or country) and last four (issue 13, item 1).
@Suite("Chat turn: payment numbers")
struct PaymentNumberTurnTests {
    static let card = "4111 1111 1111 1111"
    static let iban = "GB82 WEST 1234 5698 7654 32"

    /// Whether `text` holds the card number in any spelling: grouped, unbroken, dashed, or its digits spread out.
    static func holdsCard(_ text: String) -> Bool {
        ["4111 1111 1111 1111", "4111111111111111", "4111-1111-1111-1111", "4111 1111"].contains { text.contains($0) }
            || text.filter(\.isNumber).contains("4111111111111111")
    }

    /// Whether `text` holds the IBAN in any spelling (its letters and digits in order, whatever the spacing).
    static func holdsIBAN(_ text: String) -> Bool {
        text.uppercased().filter { $0.isLetter || $0.isNumber }.contains("GB82WEST") || text.contains("1234 5698")
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    @Test func anEchoedCardPlaceholderComesBackAsBrandAndLastFourAndIsNeverStoredWhole() async throws {
        let model = ScriptedLLM(["Thanks, I've noted the card <CARD_1>. Next step: tell me the order number."])
        let world = try await ChatWorld.make(llm: model)
        let turn = try await world.ask("ava@example.com", "my card \(Self.card) was charged twice")
        #expect(turn.source == .model)
        #expect(turn.reply.text == "Thanks, I've noted the card Visa •••• 1111. Next step: tell me the order number.")
        #expect(turn.shopperMessage.text == "my card Visa •••• 1111 was charged twice")
        let prompt = try #require(model.requests.first).messages.map(\.content).joined(separator: "\n")
        #expect(prompt.contains("my card <CARD_1> was charged twice"), "the model reads the placeholder")
        #expect(!Self.holdsCard(prompt) && !prompt.contains("•••• 1111"))

        let stored = try await world.store.messages(userID: turn.shopperMessage.userID,
                                                    conversationID: turn.conversationID, limit: 10)
        #expect(stored.count == 2)
        #expect(stored.first?.text == "my card Visa •••• 1111 was charged twice")
        #expect(stored.first?.maskedText == "my card <CARD_1> was charged twice")
        #expect(!Self.holdsCard(try Self.json(stored)), "no stored field, the trace included, holds the number")
        #expect(!Self.holdsCard(try Self.json(try #require(turn.reply.trace))))
        #expect(!Self.holdsCard(try Self.json(try await world.store.exportAll().redactingSecrets())))

        // The next turn reads the stored history: the number is not there to leak.
        let next = try await world.ask("ava@example.com", "so can you refund it?", conversation: turn.conversationID)
        #expect(!Self.holdsCard(next.reply.text))
        #expect(!model.requests.contains { Self.holdsCard($0.messages.map(\.content).joined()) })
        try await world.close()
    }

    @Test func anEchoedIBANPlaceholderComesBackAsCountryAndLastFour() async throws {
        let model = ScriptedLLM(["Refunds can go to <IBAN_1>. Next step: tell me the order number."])
        let world = try await ChatWorld.make(llm: model)
        let turn = try await world.ask("ava@example.com", "please refund to \(Self.iban) instead")
        #expect(turn.source == .model)
        #expect(turn.reply.text == "Refunds can go to GB•• •••• 5432. Next step: tell me the order number.")
        #expect(turn.shopperMessage.text == "please refund to GB•• •••• 5432 instead")
        let stored = try await world.store.messages(userID: turn.shopperMessage.userID,
                                                    conversationID: turn.conversationID, limit: 10)
        #expect(stored.first?.maskedText == "please refund to <IBAN_1> instead")
        #expect(!Self.holdsIBAN(try Self.json(stored)) && !Self.holdsIBAN(turn.reply.text))
        #expect(!model.requests.contains { Self.holdsIBAN($0.messages.map(\.content).joined()) })
        try await world.close()
    }

    /// The stored text is the redacted one, so a resend (same key, same typed text) must still be recognised as the
    /// same message rather than an edited one.
    @Test func aResentMessageWithACardIsOneTurn() async throws {
        let world = try await ChatWorld.make()
        let first = try await world.ask("ava@example.com", "card \(Self.card) charged twice", turnKey: "turn_card00000000001")
        let again = try await world.ask("ava@example.com", "card \(Self.card) charged twice", turnKey: "turn_card00000000001")
        #expect(again.isReplay && again.reply.id == first.reply.id)
        let stored = try await world.store.messages(userID: first.shopperMessage.userID,
                                                    conversationID: first.conversationID, limit: 10)
        #expect(stored.count == 2)
        try await world.close()
    }

    @Test func redactedFormsByBrand() {
        let cases = [("4111 1111 1111 1111", "Visa •••• 1111"), ("5555-5555-5555-4444", "Mastercard •••• 4444"),
                     ("378282246310005", "Amex •••• 0005"), ("6011111111111117", "Discover •••• 1117"),
                     ("3530111333300000", "JCB •••• 0000"), ("36227206271667", "Diners Club •••• 1667"),
                     ("2221000000000009", "Mastercard •••• 0009"), ("6200000000000005", "UnionPay •••• 0005")]
        for (number, redacted) in cases { #expect(PaymentRedaction.card(number) == redacted, "\(number)") }
        #expect(PaymentRedaction.iban("gb82west12345698765432") == "GB•• •••• 5432")
        #expect(PaymentRedaction.redacted(.email, "a@b.c") == nil)
    }
}
