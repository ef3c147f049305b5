import PIIMasking
import Testing

@Suite("Card detector")
struct CardDetectorTests {
    static let positives: [DetectionCase] = [
        .init("card 4111111111111111", "CARD:4111111111111111"),
        .init("4111 1111 1111 1111 exp 12/27", "CARD:4111 1111 1111 1111"),
        .init("5555-5555-5555-4444", "CARD:5555-5555-5555-4444"),
        .init("MC 2223003122003222", "CARD:2223003122003222"),
        .init("2720 9999 9999 9996", "CARD:2720 9999 9999 9996"),
        .init("Amex 378282246310005.", "CARD:378282246310005"),
        .init("3782 822463 10005", "CARD:3782 822463 10005"),
        .init("Discover 6011111111111117", "CARD:6011111111111117"),
        .init("JCB 3530111333300000", "CARD:3530111333300000"),
        .init("Diners 30569309025904", "CARD:30569309025904"),
        .init("Visa 4222222222222", "CARD:4222222222222"),
        .init("19 digits 4000000000000000006", "CARD:4000000000000000006"),
        .init("qty 2 4111 1111 1111 1111", "CARD:4111 1111 1111 1111"),
        // A card is charged to an account: after "account" a number passing the card checks is a card (issue 13).
        .init("account: 4111 1111 1111 1111", "CARD:4111 1111 1111 1111"),
        .init("pls charge acct: 5555-5555-5555-4444", "CARD:5555-5555-5555-4444"),
        .init("Account number 378282246310005", "CARD:378282246310005"),
        // A one- or two-digit group after the card is the count that follows, not part of a longer number.
        .init("account: 6011 1111 1111 1117 2 park lane mugs", "CARD:6011 1111 1111 1117"),
    ]

    static let negatives = [
        "4111 1111 1111 1112", "4111111111111112", "1234 5678 9012 3456", "41111111111111111111",
        "barcode 4006381333931", "4006381333931", "SKU 4111111111111111", "7111111111111111",
        "2721 0000 0000 0006", "411111111111", "4111-1111 1111-1111", "order 4111111111111111",
        "account 4111111111111112", "account: 4006381333931",
    ]

    @Test(arguments: positives)
    func findsCard(_ row: DetectionCase) {
        #expect(found(row.text) == row.expected)
    }

    @Test(arguments: negatives)
    func ignoresNonCard(_ text: String) {
        #expect(found(text).isEmpty)
    }

    @Test func cardDigitsShareOnePlaceholder() {
        var session = MaskingSession()
        #expect(session.mask("4111 1111 1111 1111 = 4111-1111-1111-1111") == "<CARD_1> = <CARD_1>")
    }
}
