import PIIMasking
import Testing

@Suite("Order ids and known profile values")
struct OrderIDAndKnownValueTests {
    static let orders: [DetectionCase] = [
        .init("order ord-7k2m9q1z hasn't arrived", "ORDER_ID:ord-7k2m9q1z"),
        .init("ORD-AB12CD34.", "ORDER_ID:ORD-AB12CD34"),
        .init("(Ord-9Z8Y7X6W)", "ORDER_ID:Ord-9Z8Y7X6W"),
        .init("ORD-12345678 and ORD-ABCDEFGH", "ORDER_ID:ORD-12345678", "ORDER_ID:ORD-ABCDEFGH"),
    ]

    static let notOrders = ["ORD-1234567", "ORD-123456789", "XORD-12345678", "ORDER-12345678", "ORD_12345678"]

    static let profile = MaskingProfile(
        name: "Jane Q. O'Brien", email: "jane.obrien@example.com", phone: "+44 7700 900123",
        address: "221B Baker Street, London NW1 6XE")

    static let known: [DetectionCase] = [
        .init("Hi, this is Jane O'Brien.", "NAME:Jane O'Brien"),
        .init("JANE Q. O'BRIEN here", "NAME:JANE Q. O'BRIEN"),
        .init("o'brien, jane", "NAME:o'brien, jane"),
        .init("thanks, Jane", "NAME:Jane"),
        .init("call 07700 900123", "PHONE:07700 900123"),
        .init("call 07700-900-123 or 7700 900 123", "PHONE:07700-900-123", "PHONE:7700 900 123"),
        .init("send to 221b baker st", "ADDRESS:221b baker st"),
        .init("JANE.OBRIEN@EXAMPLE.COM", "EMAIL:JANE.OBRIEN@EXAMPLE.COM"),
    ]

    static let notKnown = ["jane said hi", "Janet", "Brienne", "ship to baker street"]

    @Test(arguments: orders)
    func findsOrderID(_ row: DetectionCase) {
        #expect(found(row.text) == row.expected)
    }

    @Test(arguments: notOrders)
    func ignoresOtherIDs(_ text: String) {
        #expect(found(text).isEmpty)
    }

    @Test(arguments: known)
    func findsProfileValues(_ row: DetectionCase) {
        #expect(found(row.text, profile: Self.profile) == row.expected)
    }

    @Test(arguments: notKnown)
    func ignoresLookalikes(_ text: String) {
        #expect(found(text, profile: Self.profile).isEmpty)
    }

    @Test func everySpellingOfTheProfilePhoneIsOnePlaceholder() {
        var session = MaskingSession(profile: Self.profile)
        #expect(session.mask("+44 7700 900123, 07700900123, 7700 900 123") == "<PHONE_1>, <PHONE_1>, <PHONE_1>")
    }

    @Test func profileAddressWithAndWithoutPostcodeIsOneValue() {
        var session = MaskingSession(profile: Self.profile)
        #expect(session.mask("221B Baker Street, London NW1 6XE or 221b baker st") == "<ADDRESS_1> or <ADDRESS_1>")
    }

    @Test func everydayWordNamesAreNotMaskedAlone() {
        let profile = MaskingProfile(name: "Will Baker")
        #expect(masked("Will you deliver? Will Baker", profile: profile) == "Will you deliver? <NAME_1>")
    }
}
