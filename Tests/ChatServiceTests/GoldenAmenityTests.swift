import ConciergeCore
import Foundation
import Testing

/// Goldens for what a shop offers besides its menu (wifi, step-free access, outdoor seating, parking…). A trial's
/// "is there wifi at lakeside" got "I don't know that one from our policies" although the shop's record lists wifi,
/// and "is there parking near the shop" got the chain's usual opening hours. The shop's own record answers now; what
/// the chain does not record is said so, with the shop's phone to check.
@Suite("Golden conversations: shop amenities answered from the shop's record")
struct GoldenAmenityTests {
    static let noah = GoldenUnderstandingTests.noah
    static let callLakeside = "call Lakeside Café on +44 20 7946 0101"

    static let goldens: [Golden] = [
        Golden(name: "wifi at a named shop", messages: ["is there wifi at lakeside"],
               contains: ["Lakeside Café has wifi.", "Next step: drop in at Lakeside Café"],
               excludes: ["I don't know"]),
        Golden(name: "getting online, in other words",
               messages: ["can i get online at lakeside cafe? need to work for an hour"],
               contains: ["Lakeside Café has wifi."]),
        Golden(name: "wheelchair access at the nearest shop", messages: ["is your shop wheelchair accessible?"],
               contains: ["Lakeside Café has step-free access."], excludes: ["accessible toilet"]),
        Golden(name: "parking is not recorded: said so, with the shop's phone",
               messages: ["is there parking near the shop"],
               contains: ["I don't have parking details for Lakeside Café.", callLakeside],
               excludes: ["Most of our high street shops open"]),
        Golden(name: "sitting outside", messages: ["can we sit outside at lakeside? it's sunny"],
               contains: ["Lakeside Café has outdoor seating."]),
        Golden(name: "open now and wifi: both answered, the hours first",
               messages: ["is lakeside open now and does it have wifi"],
               contains: ["Lakeside Café", "open until 22:00", "Lakeside Café has wifi."]),
        Golden(name: "Spanish: wifi", messages: ["hay wifi en lakeside?"], contains: ["Lakeside Café has wifi."]),
        Golden(name: "Hinglish: wifi", messages: ["lakeside mein wifi hai kya"], contains: ["Lakeside Café has wifi."]),
        Golden(name: "a shop whose record does not list it", email: noah,
               messages: ["does Chelsea Roasters have outdoor seating?"],
               contains: ["Chelsea Roasters' details don't list outdoor seating.", "call Chelsea Roasters on"]),
    ]

    @Test(arguments: goldens.map(\.demanding))
    func golden(_ golden: Golden) async throws {
        try await GoldenRunner.run(golden)
    }
}
