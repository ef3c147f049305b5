import PIIMasking
import Testing

/// Issue 13: phone numbers as typed in a chat box, and the look-alikes that must stay.
@Suite("Phone spellings from chat")
struct ChatPhoneTests {
    static let positives: [DetectionCase] = [
        // A slash after the area code
        .init("call me on 503/555-0134", "PHONE:503/555-0134"),
        .init("503/555 0134 is my cell", "PHONE:503/555 0134"),
        .init("cell 503/555.0134", "PHONE:503/555.0134"),
        .init("my number 503/5550134", "PHONE:503/5550134"),
        .init("text 1 503/555-0134 pls", "PHONE:1 503/555-0134"),
        .init("+1 503/555-0134", "PHONE:+1 503/555-0134"),
        // +1 spellings
        .init("ring +1 (503) 555 0134", "PHONE:+1 (503) 555 0134"),
        .init("+1.503.555.0134", "PHONE:+1.503.555.0134"),
        .init("1-503-555-0134", "PHONE:1-503-555-0134"),
        .init("(+1 503 555 0134)", "PHONE:+1 503 555 0134"),
        // UK mobiles
        .init("07700 900123", "PHONE:07700 900123"),
        .init("07700-900-123", "PHONE:07700-900-123"),
        .init("+44 7700 900123", "PHONE:+44 7700 900123"),
        .init("+44 (0)7700 900123", "PHONE:+44 (0)7700 900123"),
        .init("0044 7700 900123", "PHONE:0044 7700 900123"),
        .init("0044 (0)7700 900 123", "PHONE:0044 (0)7700 900 123"),
        .init("my number (+447700900123) changed", "PHONE:+447700900123"),
        .init("mobile (+44 7700 900123)", "PHONE:+44 7700 900123"),
        // Right after the ZIP or room number that ends an address line
        .init("portland or 97205 503/555-0134", "PHONE:503/555-0134"),
        .init("97205 1-503-555-0134", "PHONE:1-503-555-0134"),
        .init("97205 (503) 555-0134", "PHONE:(503) 555-0134"),
        .init("zip 97205 +1 503 555 0134", "PHONE:+1 503 555 0134"),
        .init("room 204 07700 900123", "PHONE:07700 900123"),
        .init("il 62704 07700 900123", "PHONE:07700 900123"),
        .init("manchester M1 1AE 726/975-5901", "PHONE:726/975-5901"),
        // Right after another number with punctuation of its own
        .init("card 4309 1135 7788 2179 923/570-2185", "CARD:4309 1135 7788 2179", "PHONE:923/570-2185"),
        .init("zip 83702-0393 1-844-449-6376", "PHONE:1-844-449-6376"),
        .init("card 4111 1111 1111 1111 (415) 555-2671", "CARD:4111 1111 1111 1111", "PHONE:(415) 555-2671"),
        .init("austin, tx 78701 1 224/370-9037 is my mobile", "PHONE:1 224/370-9037"),
        .init("+16167322670 07260 671820", "PHONE:+16167322670", "PHONE:07260 671820"),
        // A count after the number is not part of it, even after a phone word
        .init("call me (561) 217 5835 86 times", "PHONE:(561) 217 5835"),
        .init("text 859/694-7903 10 minute walk", "PHONE:859/694-7903"),
    ]

    static let negatives = [
        "3/4 cup", "12/05", "05/12 at 9:30", "24/7", "4/5 stars", "365/24/7", "page 3/12", "1 1/2 cups",
        "12/05/2026", "16/9", "503/555", "9:30", "7:30-9:30", "5 min walk",
        // a courier code in spaced groups, and a Luhn-invalid card after a lone group
        "1Z 999 AA1 99 8728 6918", "tracking 1Z 999 AA1 95 7958 7416 says", "5388 0201 2941 0760",
        "3659 069730 4977", "4111-1111-1111-1112",
        // an account or rewards number is an identifier to the phone reader
        "account 4155552671", "acct: 07700900123", "rewards # 0856 5629 0781",
    ]

    @Test(arguments: positives)
    func findsPhone(_ row: DetectionCase) {
        #expect(found(row.text) == row.expected)
    }

    @Test(arguments: negatives)
    func ignoresLookAlike(_ text: String) {
        #expect(found(text).isEmpty)
    }
}
