@testable import ConciergeCore
import Geo
import Testing

/// Which amenities a message asks about, and how one shop's record answers each: listed, not listed although the
/// chain records it elsewhere, or not recorded by the chain at all (unknown, never "no").
@Suite("Shop amenities read from the message and answered from the shop's record")
struct ShopAmenityTests {
    @Test(arguments: [
        ("is there wifi at lakeside", [ShopAmenity.wifi]),
        ("do u have wi-fi??", [.wifi]),
        ("can I get online there, need to work", [.wifi]),
        ("is Lakeside wheelchair accessible?", [.stepFree]),
        ("can I bring my buggy in", [.stepFree]),
        ("any outdoor seating?", [.outdoorSeating]),
        ("can we sit outside", [.outdoorSeating]),
        ("is there somewhere to change a nappy", [.babyChanging]),
        ("can I charge my laptop there", [.powerSockets]),
        ("is there parking near the shop", [.parking]),
        ("wifi and parking?", [.wifi, .parking]),
        // Not amenities: the accessible toilet is the accessibility policy's; a card charge is a payment.
        ("is there an accessible toilet", []),
        ("can I charge it to my card", []),
        ("I was charged twice", []),
        ("I'm cold", []),
        ("can I wait outside for my order", []),
    ])
    func readsTheAmenitiesAsked(_ message: String, _ expected: [ShopAmenity]) {
        #expect(ShopAmenity.asked(in: message) == expected, "\(message)")
    }

    static func shop(_ name: String, _ amenities: [String]) -> Shop {
        Shop(id: "st_" + name.prefix(4).lowercased(), name: name,
             address: PostalAddress(line1: "1 High Street", city: "London", postcode: "NW1 6XE", country: "GB"),
             location: Coordinate(latitude: 51.52, longitude: -0.15), timeZone: "Europe/London", currency: "GBP",
             phone: "+44 20 7946 0101", hours: WeeklyHours(ranges: []), menu: [], amenities: amenities)
    }

    @Test func theShopsRecordAnswersAndWhatTheChainNeverRecordsIsUnknown() {
        let lakeside = Self.shop("Lakeside Café", ["wifi", "step-free"])
        let chain = [lakeside, Self.shop("Soho Roastery", ["wifi", "outdoor-seating"])]
        let facts = AmenityFacts.asked(in: "wifi, outdoor seating and parking?", shop: lakeside, chain: chain)
        #expect(facts.map(\.listed) == [true, false, nil])
        #expect(facts.map(\.sentence) == [
            "Lakeside Café has wifi.",
            "Lakeside Café's details don't list outdoor seating.",
            "I don't have parking details for Lakeside Café.",
        ])
        #expect(AmenityFacts.asked(in: "wifi?", shop: nil, chain: chain).isEmpty, "no shop, nothing to answer from")
        #expect(AmenityFacts.asked(in: "where is my order", shop: lakeside, chain: chain).isEmpty)
    }
}
