import PIIMasking
import Testing

@Suite("Address detector")
struct AddressDetectorTests {
    static let positives: [DetectionCase] = [
        .init("I live at 221B Baker Street.", "ADDRESS:221B Baker Street"),
        .init("ship to 221B Baker Street, London NW1 6XE", "ADDRESS:221B Baker Street, London NW1 6XE"),
        .init(
            "1600 Pennsylvania Ave NW, Washington, DC 20500", "ADDRESS:1600 Pennsylvania Ave NW, Washington, DC 20500"),
        .init("Apt 4B, 55 W 46th St", "ADDRESS:Apt 4B, 55 W 46th St"),
        .init("55 W 46th St, Apt 4B, New York, NY 10036", "ADDRESS:55 W 46th St, Apt 4B, New York, NY 10036"),
        .init(
            "Deliver to 350 Fifth Avenue, New York, NY 10118, USA",
            "ADDRESS:350 Fifth Avenue, New York, NY 10118, USA"),
        .init("123 Main St., Springfield, IL 62701!", "ADDRESS:123 Main St., Springfield, IL 62701"),
        .init("PO Box 1234, Springfield, IL 62704", "ADDRESS:PO Box 1234, Springfield, IL 62704"),
        .init("10 Downing St, London SW1A 2AA please", "ADDRESS:10 Downing St, London SW1A 2AA"),
        .init("Flat 2, 14 High Street, Leeds LS1 4AP", "ADDRESS:Flat 2, 14 High Street, Leeds LS1 4AP"),
        .init("4 Privet Drive, Little Whinging, Surrey.", "ADDRESS:4 Privet Drive, Little Whinging, Surrey"),
        .init(
            "Flat 302, Sunshine Apartments, Andheri West, Mumbai 400053",
            "ADDRESS:Flat 302, Sunshine Apartments, Andheri West, Mumbai 400053"),
        .init("12, MG Road, Bengaluru 560001", "ADDRESS:12, MG Road, Bengaluru 560001"),
        .init("Hauptstraße 5, 10115 Berlin", "ADDRESS:Hauptstraße 5, 10115 Berlin"),
        .init("an Berliner Straße 12a liefern", "ADDRESS:Berliner Straße 12a"),
        .init("Friedrichstr. 123", "ADDRESS:Friedrichstr. 123"),
        .init("12 rue de Rivoli, 75001 Paris", "ADDRESS:12 rue de Rivoli, 75001 Paris"),
        .init("5 avenue des Champs-Élysées", "ADDRESS:5 avenue des Champs-Élysées"),
        .init("10 Smith St, Sydney NSW 2000", "ADDRESS:10 Smith St, Sydney NSW 2000"),
        .init("Unit 5, 10 Smith Street, Parramatta NSW 2150", "ADDRESS:Unit 5, 10 Smith Street, Parramatta NSW 2150"),
        .init("123 Main St Suite 200\nSpringfield, IL 62701", "ADDRESS:123 Main St Suite 200\nSpringfield, IL 62701"),
        .init("ship to 12 baker street tomorrow", "ADDRESS:12 baker street"),
    ]

    static let negatives = [
        "I want 2 Milky Way bars", "3 lattes on the way", "2 large lattes and 1 muffin", "ZIP 90210",
        "near SW1A 1AA", "PIN 560001", "Top 10 Main Street cafes", "Spring 2026 menu", "the 5th Avenue store",
        "Suite 200", "table 12 please", "Order 3 Park Lane mugs",
    ]

    @Test(arguments: positives)
    func findsAddress(_ row: DetectionCase) {
        #expect(found(row.text) == row.expected)
    }

    @Test(arguments: negatives)
    func ignoresNonAddress(_ text: String) {
        #expect(found(text).isEmpty)
    }
}
