import PIIMasking
import Testing

@Suite("Near-miss placeholders")
struct NearMissPlaceholderTests {
    /// The shapes SmolLM2-135M produced or could produce from `<ORDER_ID_1>`, each read back as the placeholder.
    @Test(arguments: [
        ("Your order ORDER_ID_1 is on its way.", "Your order <ORDER_ID_1> is on its way."),
        ("Your order <Order_ID_1> is on its way.", "Your order <ORDER_ID_1> is on its way."),
        ("Your order <order_id_1> is on its way.", "Your order <ORDER_ID_1> is on its way."),
        ("Your order [ORDER_ID_1] is on its way.", "Your order <ORDER_ID_1> is on its way."),
        ("Your order {ORDER_ID_1}.", "Your order <ORDER_ID_1>."),
        ("Order ORDER_ID_1> is late", "Order <ORDER_ID_1> is late"),
        ("(ORDER_ID_1)", "(<ORDER_ID_1>)"),
        ("Mail EMAIL_2, then Email_2.", "Mail <EMAIL_2>, then <EMAIL_2>."),
    ])
    func aMangledPlaceholderIsReadAsTheCanonicalOne(answer: String, expected: String) {
        let result = NearMissPlaceholders.canonicalize(answer)
        #expect(result.text == expected)
        #expect(result.repaired > 0)
    }

    @Test(arguments: [
        "Hi <NAME_1>, your order <ORDER_ID_1> left.",  // already canonical
        "Write to card_1@example.com or see www.x.com/name_1 and jean-name_1.",  // parts of other things
        "EMAIL_1x, ORDER_ID_12345678, IP_0, SUPERNAME_1, COVID_19, ORDER_ID_, name_1.smith",
        "StraßeNAME_1 and ÉNAME_1",  // glued to a non-ASCII letter: inside a word
    ])
    func textThatIsNotAMangledPlaceholderStays(answer: String) {
        let result = NearMissPlaceholders.canonicalize(answer)
        #expect(result.text == answer)
        #expect(result.repaired == 0)
    }

    @Test func theGuardThenUnmasksTheShoppersOwnAndRemovesTheRest() {
        var session = MaskingSession()
        _ = session.mask("where is ORD-AVA10001? I'm ava@example.com")
        let repaired = NearMissPlaceholders.canonicalize("ORDER_ID_1 for <Email_1>; also EMAIL_2 and ORDER_ID_1 again")
        #expect(repaired.repaired == 4)
        let report = OutputGuard().review(repaired.text, session: session)
        #expect(report.unknownPlaceholders == ["<EMAIL_2>"])
        #expect(session.unmask(report.text) == "ORD-AVA10001 for ava@example.com; also [removed] and ORD-AVA10001 again")
    }
}
