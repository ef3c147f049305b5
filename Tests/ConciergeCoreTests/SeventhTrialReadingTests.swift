@testable import ConciergeCore
import Testing

/// The readers added for the seventh shopper trial's misses, each on its own; the goldens prove them end to end.
@Suite("Seventh trial readers: caffeine avoided, seasonal and cheapest, working there, implied words, coupons")
struct SeventhTrialReadingTests {
    @Test func caffeineKeptOutInOtherWordsIsAvoided() {
        #expect(MenuWishReader.read("whats good for someone who cant do caffeine").caffeine == .avoid)
        #expect(MenuWishReader.read("I'm sensitive to caffeine").caffeine == .avoid)
        #expect(MenuWishReader.read("trying to quit coffee, what else is there").caffeine == .avoid)
        // Not kept out: undecided, or wanted.
        #expect(MenuWishReader.read("i cant decide which coffee to get").caffeine == nil)
        #expect(MenuWishReader.read("i can't live without coffee").caffeine == .want)
        #expect(MenuWishReader.read("need caffeine").caffeine == .want)
    }

    @Test func someoneDescribedIsNotAPersonAskedFor() {
        let scores = CueScorer().scores(MessageWords("whats good for someone who cant do caffeine"))
        #expect((scores[.handoff]?.value ?? 0) < 1)
        #expect((CueScorer().scores(MessageWords("can I talk to someone"))[.handoff]?.value ?? 0) >= 1)
    }

    @Test func seasonalAndCheapestAreReadFromTheMenuData() {
        #expect(MenuWishReader.read("do you have any christmas drinks").kinds == [.drink, .seasonal])
        #expect(MenuWishReader.read("are you open on the holiday").kinds.isEmpty)
        let cheapest = MenuWishReader.read("whats the cheapest drink")
        #expect(cheapest.cheapest && !cheapest.cheap)
        let cheap = MenuWishReader.read("something cheap to eat")
        #expect(cheap.cheap && !cheap.cheapest)
    }

    @Test func workingFromAShopAsksForWifiAndPower() {
        #expect(ShopAmenity.asked(in: "can i bring my laptop and work at lakeside") == [.wifi, .powerSockets])
        #expect(ShopAmenity.asked(in: "i left my laptop at lakeside").isEmpty)
        #expect(ShopAmenity.asked(in: "laptop friendly? is there wifi") == [.wifi])
    }

    @Test func impliedWordsPickTheSentenceThatAnswers() {
        #expect(PolicyExcerpt.impliedWords("it failed and money still left my account") == ["charged", "pending", "amount"])
        #expect(PolicyExcerpt.impliedWords("what can i get with my points") == ["spend"])
        #expect(PolicyExcerpt.impliedWords("can i get points for a latte") == ["earn"])
        let passage = "Delivery runs from 07:00 to 21:00 every day. Most orders arrive within 30 to 45 minutes. "
            + "You can also schedule a delivery for a later time, up to 7 days ahead, in 15-minute slots."
        #expect(PolicyExcerpt.best(of: passage, for: "delivery kitne time mein aayegi",
                                   headings: ["Delivery", "Delivery times"]).hasPrefix("Most orders arrive within"))
    }

    @Test func anExclusionIsToldByItsSection() {
        let context = AnswerPlanTests.context(intents: ["refund"], policies: [
            PolicyFacts(source: "returns-and-refunds > Items we cannot take back", text: "Opened food.", relevant: true,
                        excerpt: "Opened food."),
            PolicyFacts(source: "drink-quality > Our promise", text: "We remake it.", relevant: true,
                        excerpt: "We remake it."),
        ])
        #expect(PolicyAnswers.citesAnExclusion("Opened food. [returns-and-refunds > Items we cannot take back]", in: context))
        #expect(!PolicyAnswers.citesAnExclusion("We remake it. [drink-quality > Our promise]", in: context))
        #expect(!PolicyAnswers.citesAnExclusion("No source here", in: context))
    }

    @Test func whereACouponWorksIsSaidWithoutAShop() {
        var context = AnswerPlanTests.context(intents: ["offers"], coupons: [
            CouponFacts(code: "WARM15", summary: "15% off any hot drink", discount: "15% off", appliesTo: "hot drinks",
                        validUntil: "15 Dec", minimumSpend: nil, validAt: "all our shops"),
        ])
        #expect(CouponQuestions.whereValid(context, message: "ok and where can i use it")?.first
            == "WARM15 works at all our shops.")
        context.coupons[0].validAt = "Lakeside Café"
        #expect(CouponQuestions.whereValid(context, message: "where can i use it")?.first
            == "WARM15 only works at Lakeside Café.")
        // Not a question of where, or a shop named (`atShop` answers that).
        #expect(CouponQuestions.whereValid(context, message: "how much is it off") == nil)
        context.slots.shop = "Soho Roastery"
        #expect(CouponQuestions.whereValid(context, message: "can i use it at soho roastery") == nil)
    }
}

@Suite("Seventh trial readers: something received instead")
struct ReceivedInsteadTests {
    @Test func somethingReceivedInsteadIsAReport() {
        #expect(ReceivedInstead.position(in: MessageWords("they gave me a cappuccino instead of my oat flat white")) == 1)
        #expect(ReceivedInstead.position(in: MessageWords("i got a latte instead of a cappuccino")) == 1)
        // Asked for, not received.
        #expect(ReceivedInstead.position(in: MessageWords("can i get a latte instead of a cappuccino")) == nil)
        #expect(ReceivedInstead.position(in: MessageWords("i'd like oat milk instead of dairy")) == nil)
        #expect(ReceivedInstead.position(in: MessageWords("they gave me a latte")) == nil)
        // The report is of something wrong, whatever follows "instead of".
        #expect(ComplaintReader.read("got given a dairy latte instead of oat, not happy", shopNamed: false)?.what == "wrong")
    }
}
