import ConciergeCore
import Foundation
import Testing

/// One rule per claim kind, on the fixture contexts: the invented claim is named, its grounded paraphrase passes.
@Suite("Grounding check: claim kinds")
struct GroundingKindsTests {
    let check: GroundingCheck
    let contexts: [String: PromptContext]

    init() throws {
        check = GroundingCheck(knownShopNames: GroundingFixtures.shopNames, knownItemNames: try GroundingFixtures.menuNames())
        contexts = try GroundingFixtures.contexts()
    }

    func unsupported(_ answer: String, in name: String) -> [String] {
        check.verify(answer: answer, context: contexts[name]!).unsupported
    }

    @Test(arguments: [
        ("Lakeside Café is open until 11 pm.", "open-shop", "time"),
        ("Lakeside Café is a 12-minute walk.", "open-shop", "duration"),
        ("You have 750 points.", "loyalty", "count"),
        ("Soho Roastery is open now.", "open-shop", "open"),
        ("WARM15 is 2 for 1 on pastries.", "coupons", "coupon"),
        ("<ORDER_ID_1> has been delivered.", "order-on-way", "status"),
        ("The Banana Bread is nut-free.", "allergens", "freefrom"),
        ("I've e-mailed you the receipt.", "delivered", "promise"),
        ("Try the Salted Caramel Cheesecake at Lakeside Café.", "open-shop", "item"),
        ("WARM15 gives 15% off hot drinks.", "order-on-way", "offtopic"),
        ("The offer ends on 3 Dec.", "coupons", "date"),
    ])
    func inventedClaimIsNamed(answer: String, context: String, kind: String) {
        #expect(unsupported(answer, in: context).contains(kind), "\(answer)")
    }

    @Test(arguments: [
        ("Lakeside Café is open till 10 pm, a 4-minute walk.", "open-shop"),
        ("You have one hundred and twenty points, worth £1.20.", "loyalty"),
        ("BAKE2FOR1 gets you a second pastry free at Lakeside Café until 6 December.", "coupons"),
        ("It's on its way and should be with you in about 20 minutes, at 3:20 pm.", "order-on-way"),
        ("You have 2 days to report it, and refunds take five working days.", "delivered"),
        ("The Almond Croissant contains nuts; I can't promise anything is nut-free, so please confirm with staff.",
         "allergens"),
    ])
    func groundedParaphrasePasses(answer: String, context: String) {
        #expect(unsupported(answer, in: context).isEmpty, "\(answer)")
    }

    /// The streamed path judges each run of sentences alone: a sentence that leans on the one before ("It") or is
    /// about something else than the question must not be blocked for it.
    @Test func sentencesJudgedAloneLeanOnTheirNeighbours() throws {
        let shops = try #require(contexts["open-shop"])
        for part in ["Lakeside Café is a 4-minute walk. ", "It is open until 22:00. ", "It closes at 10 pm. "] {
            #expect(check.verify(part: part, context: shops).isGrounded, "\(part)")
        }
        #expect(check.verify(part: "It is open until 23:00. ", context: shops).unsupported == ["time"])
        let order = try #require(contexts["order-on-way"])
        let aside = "Lakeside Café does great coffee. "
        #expect(check.verify(part: aside, context: order).isGrounded)
        #expect(check.verify(answer: aside, context: order).unsupported == ["offtopic"])
    }
}
