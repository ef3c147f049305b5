import PIIMasking
import Testing

@Suite("Overlaps and untouched text")
struct OverlapTests {
    @Test func emailWinsOverDigitsInside() {
        #expect(found("john.4155552671@example.com") == ["EMAIL:john.4155552671@example.com"])
    }

    @Test func unbrokenCardIsOneCardNotAPhone() {
        #expect(found("card 4111111111111111") == ["CARD:4111111111111111"])
    }

    @Test func addressWinsOverProfileSurnameInside() {
        let profile = MaskingProfile(name: "Sherlock Holmes")
        #expect(
            found("Holmes lives at 221B Holmes Road", profile: profile)
                == ["NAME:Holmes", "ADDRESS:221B Holmes Road"])
    }

    @Test func orderIDIsNotAPhone() {
        #expect(found("ORD-41555526") == ["ORDER_ID:ORD-41555526"])
    }

    @Test func everythingOutsideTheSpansIsByteIdentical() {
        let text = "  Hi!\n\tcall +44 7700 900123,\r\nor mail a@b.com…  \u{1F600}  (ORD-7K2M9Q1Z)\n"
        #expect(masked(text) == "  Hi!\n\tcall <PHONE_1>,\r\nor mail <EMAIL_1>…  \u{1F600}  (<ORDER_ID_1>)\n")
    }

    @Test func issueExampleSentence() {
        let text =
            "use WARM15 for 15% off £4.50 latte at 14:30 on 2026-11-21, SKU 1234567890, version 2.3.1, 192.168.0.1"
        #expect(
            masked(text)
                == "use WARM15 for 15% off £4.50 latte at 14:30 on 2026-11-21, SKU 1234567890, version 2.3.1, <IP_1>")
    }
}
