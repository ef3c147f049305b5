import PIIMasking
import Testing

@Suite("Phone detector")
struct PhoneDetectorTests {
    static let positives: [DetectionCase] = [
        // E.164
        .init("my number is +91 98765 43210", "PHONE:+91 98765 43210"),
        .init("+14155552671", "PHONE:+14155552671"),
        .init("tel:+44 20 7946 0958.", "PHONE:+44 20 7946 0958"),
        .init("+44 (0)20 7946 0958", "PHONE:+44 (0)20 7946 0958"),
        .init("0044 7700 900123", "PHONE:0044 7700 900123"),
        .init("+353 1 234 5678 (Dublin)", "PHONE:+353 1 234 5678"),
        // US / Canada
        .init("call (415) 555-2671 today", "PHONE:(415) 555-2671"),
        .init("415-555-2671", "PHONE:415-555-2671"),
        .init("415.555.2671", "PHONE:415.555.2671"),
        .init("415 555 2671", "PHONE:415 555 2671"),
        .init("4155552671", "PHONE:4155552671"),
        .init("1-800-555-0199", "PHONE:1-800-555-0199"),
        .init("+1 (212) 555-0147 ext. 22", "PHONE:+1 (212) 555-0147 ext. 22"),
        .init("555-867-5309x204", "PHONE:555-867-5309x204"),
        .init("(123) 456-7890", "PHONE:(123) 456-7890"),
        // UK
        .init("call me on 07700 900123", "PHONE:07700 900123"),
        .init("07700900123", "PHONE:07700900123"),
        .init("(020) 7946 0018", "PHONE:(020) 7946 0018"),
        .init("0161 496 0000, ext 12", "PHONE:0161 496 0000, ext 12"),
        // India
        .init("98765 43210", "PHONE:98765 43210"),
        .init("9876543210", "PHONE:9876543210"),
        .init("+91-9876543210", "PHONE:+91-9876543210"),
        .init("080-2345-6789", "PHONE:080-2345-6789"),
        // Germany
        .init("030 12345678", "PHONE:030 12345678"),
        .init("089/1234567", "PHONE:089/1234567"),
        .init("+49 (0)30 901820", "PHONE:+49 (0)30 901820"),
        .init("0151 23456789", "PHONE:0151 23456789"),
        .init("015123456789", "PHONE:015123456789"),
        // France
        .init("06 12 34 56 78", "PHONE:06 12 34 56 78"),
        .init("06.12.34.56.78", "PHONE:06.12.34.56.78"),
        .init("+33 (0)6 12 34 56 78", "PHONE:+33 (0)6 12 34 56 78"),
        // Australia
        .init("0412 345 678", "PHONE:0412 345 678"),
        .init("(02) 9876 5432", "PHONE:(02) 9876 5432"),
        .init("+61 412 345 678", "PHONE:+61 412 345 678"),
        .init("1300 123 456", "PHONE:1300 123 456"),
        // In company
        .init("qty 2 07700 900123", "PHONE:07700 900123"),
        .init("call 0161 496 0000 2 times", "PHONE:0161 496 0000"),
        .init("Call the store at 1-800-555-0199.", "PHONE:1-800-555-0199"),
        .init("my phone number is 4155552671", "PHONE:4155552671"),
    ]

    static let negatives = [
        // dates, times, prices, quantities
        "on 2026-11-21", "on 21/11/2026", "11/21/2026", "21.11.2026", "21-11-2026 14:30", "at 14:30:00",
        "£4.50 latte", "$1,299.99", "1 234 567 €", "2 345 678 901 ₹", "Rs. 9876543210", "USD 4155552671",
        "15% off", "4155552671%",
        // ids and codes
        "SKU 1234567890", "SKU 7312040017", "SKU-4155552671", "order #4155552671", "order number 4155552671",
        "order no. 4155552671", "ORD-12345678", "invoice 9876543210", "ref 98765-43210", "barcode 4006381333931",
        "item 0123456789", "WARM15", "model 0412345678",
        // versions, IPs, cards, longer runs
        "version 2.3.1", "build 10.0.19045.3693", "192.168.100.200", "4111 1111 1111 1112", "1234 5678 9012 3456",
        "12345678901234567890", "3772 168991 66688", "1234567890", "0000000000", "555-1234",
        // numbers glued to words
        "abc4155552671", "4155552671abc", "v4155552671",
    ]

    @Test(arguments: positives)
    func findsPhone(_ row: DetectionCase) {
        #expect(found(row.text) == row.expected)
    }

    @Test(arguments: negatives)
    func ignoresNonPhone(_ text: String) {
        #expect(found(text).filter { $0.hasPrefix("PHONE") }.isEmpty)
    }

    @Test func samePhoneDigitsShareOnePlaceholder() {
        var session = MaskingSession()
        #expect(session.mask("(415) 555-2671 / 415.555.2671") == "<PHONE_1> / <PHONE_1>")
        #expect(
            session.mask("+1 415 555 2671 / 1-415-555-2671 / 001 415 555 2671") == "<PHONE_2> / <PHONE_2> / <PHONE_2>")
        #expect(session.mask("+44 (0)20 7946 0958 / +44 20 7946 0958") == "<PHONE_3> / <PHONE_3>")
    }

    @Test func storeNumbersOnTheAllowListStay() {
        let allow = AllowList(phones: ["+44 20 7946 0000"])
        #expect(
            masked("call the store on 020 7946 0000 or me on 07700 900123", allowList: allow)
                == "call the store on 020 7946 0000 or me on <PHONE_1>")
    }
}
