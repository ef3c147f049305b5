import PIIMasking
import Testing

@Suite("E-mail detector")
struct EmailDetectorTests {
    static let positives: [DetectionCase] = [
        .init("mail jane.doe@example.com today", "EMAIL:jane.doe@example.com"),
        .init("Jane.Doe+promo@Mail.Example.co.uk.", "EMAIL:Jane.Doe+promo@Mail.Example.co.uk"),
        .init("(OLIVIA.GARCIA@EXAMPLE.COM)", "EMAIL:OLIVIA.GARCIA@EXAMPLE.COM"),
        .init("priya_sharma84@corp.example.co.in, thanks", "EMAIL:priya_sharma84@corp.example.co.in"),
        .init("mailto:o'brien@shop-mail.net", "EMAIL:o'brien@shop-mail.net"),
        .init("<a@b.io>", "EMAIL:a@b.io"),
        .init("Email: x-y_z.1@sub.sub2.example.museum!", "EMAIL:x-y_z.1@sub.sub2.example.museum"),
        .init("邮箱jane@example.cn谢谢", "EMAIL:jane@example.cn"),
    ]

    static let negatives = [
        "follow @concierge on social", "a@b", "user@localhost", "a@b.c", "email me at @ the store",
        "x@-bad.com", "price 5@£4", "the .@. emoticon",
    ]

    @Test(arguments: positives)
    func findsEmail(_ row: DetectionCase) {
        #expect(found(row.text) == row.expected)
    }

    @Test(arguments: negatives)
    func ignoresNonEmail(_ text: String) {
        #expect(found(text).isEmpty)
    }

    @Test func caseAndSpellingShareOnePlaceholder() {
        var session = MaskingSession()
        #expect(session.mask("A@X.com and a@x.COM") == "<EMAIL_1> and <EMAIL_1>")
        #expect(session.mask("b@x.com") == "<EMAIL_2>")
    }
}
