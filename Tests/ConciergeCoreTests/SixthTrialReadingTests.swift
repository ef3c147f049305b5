@testable import ConciergeCore
@testable import Retrieval
import Testing

/// The readers added for the sixth shopper trial's misses, each on its own; the goldens prove them end to end.
@Suite("Sixth trial readers: additions, denied states, services, outlets, food deals, missing items")
struct SixthTrialReadingTests {
    @Test func somethingAddedToAnOrderIsAChange() {
        #expect(OrderAddition.position(in: MessageWords("where's my order and can I add a muffin to it")) == 6)
        #expect(OrderAddition.position(in: MessageWords("add two more lattes to my order")) == 0)
        // "It" is an order only when the message is about one; a drink is not an order.
        #expect(OrderAddition.position(in: MessageWords("can you add oat milk to it")) == nil)
        #expect(OrderAddition.position(in: MessageWords("add oat milk to my latte")) == nil)
    }

    @Test func aDeniedStateIsOneWord() {
        #expect(PolicyQuery.negationsJoined("refund policy for beans I didn't open")
            == "refund policy for beans i unopened")
        #expect(PolicyQuery.negationsJoined("i haven't even used it") == "i unused it")
        // Not a state of goods: "not open" is a shop's hours, "not use" a question about using something.
        #expect(PolicyQuery.negationsJoined("is lakeside not open yet") == "is lakeside not open yet")
        #expect(PolicyQuery.negationsJoined("why can I not use my points") == "why can I not use my points")
        // Nothing denied: the message as written, not folded.
        #expect(PolicyQuery.negationsJoined("Can I return ORD-AB12CD34?") == "Can I return ORD-AB12CD34?")
    }

    @Test func aServiceNoPassageMentionsIsSaidToBeUnlisted() {
        var context = AnswerPlanTests.context(intents: ["policy-question"])
        context.policies = [PolicyFacts(source: "gift-cards", text: "Gift cards come as plastic cards or e-gift cards.",
                                        relevant: true, excerpt: "Gift cards come as plastic cards or e-gift cards.")]
        #expect(UnlistedService.answer(context, message: "do you do gift wrapping")?.first?
            .hasPrefix("We don't list gift wrapping in Bramble & Bean's policies") == true)
        #expect(UnlistedService.answer(context, message: "can I use a gift card online") == nil)
        context.policies[0].text += " We can gift wrap any order for £2."
        context.policies[0].text = context.policies[0].text.replacingOccurrences(of: "gift wrap", with: "gift wrapping")
        #expect(UnlistedService.answer(context, message: "do you do gift wrapping") == nil)
    }

    @Test func outletsNextToAnotherAmenityArePower() {
        #expect(ShopAmenity.asked(in: "wifi and outlets at lakeside?") == [.wifi, .powerSockets])
        #expect(ShopAmenity.asked(in: "any outlets to charge my laptop") == [.powerSockets])
        #expect(ShopAmenity.asked(in: "how many outlets do you have in london") == [])
    }

    @Test func aCouponForEverythingIsSaidToCoverWhatWasNamed() {
        var context = AnswerPlanTests.context(intents: ["offers"], coupons: [
            CouponFacts(code: "NOAH5OFF", summary: "$5 off", discount: "$5.00 off", appliesTo: "everything",
                        validUntil: "26 Dec", minimumSpend: "$15.00", validAt: "Chelsea Roasters", fitsAsk: false),
            CouponFacts(code: "CHILL10", summary: "10% off cold drinks", discount: "10% off", appliesTo: "cold drinks",
                        validUntil: "29 Dec", minimumSpend: nil, validAt: "all our shops", fitsAsk: false),
        ])
        context.slots.dealFor = "sandwiches"
        let answer = OfferAnswers.offers(context)
        #expect(answer.first == "None of your coupons is just for sandwiches, but NOAH5OFF covers everything.")
        #expect(answer.count == 2 && answer[1].hasPrefix("NOAH5OFF gives"))
        // One made for it comes first, then the one for everything.
        context.coupons[1].fitsAsk = true
        context.slots.dealFor = "cold drinks"
        #expect(OfferAnswers.offers(context).map { String($0.prefix(7)) } == ["CHILL10", "NOAH5OF"])
    }

    @Test func payingWithPointsQuotesHowTheyAreSpent() {
        let text = "100 points are worth £1. You can spend points in blocks of 100 on any order, up to the full value "
            + "of the items. Points cannot pay for the delivery fee."
        #expect(PolicyExcerpt.best(of: text, for: "can I pay half with points").hasPrefix("You can spend points"))
        #expect(PolicyExcerpt.impliedWords("do I get points for it") == ["earn"])
    }

    @Test func somethingThatNeverCameIsMissing() {
        #expect(ComplaintReader.read("my delivery came without the coffee beans", shopNamed: false)?.what == "missing")
        #expect(ComplaintReader.read("you forgot my croissant", shopNamed: false)?.what == "missing")
        // A drink made without something is made wrong, not missing (without ice, said so since the eighth trial).
        #expect(ComplaintReader.read("my cold brew came without ice", shopNamed: false)?.what == "made without ice")
        #expect(ComplaintReader.read("my latte came without the syrup", shopNamed: false)?.what == "wrong")
        // Left behind in a shop is still lost property.
        #expect(ComplaintReader.read("I forgot my umbrella at the cafe", shopNamed: false)?.kind == .lostProperty)
    }

    @Test func coffeeBeansAreTheBeansNotTheDrink() {
        let vocabulary = ChainVocabulary(itemNames: ["Flat White", "House Blend Beans 250g", "Ceramic Mug"],
                                         shopNames: ["Lakeside Café"])
        let understanding = ShopperUnderstanding(vocabulary: vocabulary)
        #expect(understanding.read("my delivery came without the coffee beans").slots.item == "coffee beans")
        #expect(understanding.read("is the coffee strong").slots.item == "coffee")
    }

    @Test func hungryAndThirstyAreTwoThingsWanted() throws {
        let pair = try #require(MenuWishReader.read("I'm hungry and thirsty").pair)
        #expect(pair.food.kinds == [.food] && pair.drink.kinds == [.drink])
        #expect(MenuWishReader.read("I'm starving").pair == nil)
    }

    static func result(_ document: String, _ headings: [String], _ text: String) -> RetrievalResult {
        let chunk = PolicyChunk(id: headings.joined(separator: "/"), document: document, title: headings[0],
                                headingPath: headings, position: 0, text: text)
        return RetrievalResult(chunk: chunk, citation: Citation(document: document, title: headings[0],
                                                                headingPath: headings, chunkID: chunk.id),
                               score: 1, relevance: 0.5, isRelevant: true)
    }

    @Test func theSectionHeadedByTheAskComesFirst() {
        let hours = Self.result("store-hours", ["Shop opening hours", "Usual hours"], "Sunday: 09:00 to 17:00.")
        let delivery = Self.result("delivery", ["Delivery", "Delivery times"], "Delivery runs from 07:00 to 21:00.")
        let remake = Self.result("drink-quality", ["Drink quality", "Not right?"], "We remake it free of charge.")
        let making = Self.result("drink-quality", ["Drink quality", "How we make drinks"], "Shots are pulled fresh.")
        #expect(PolicySubject.ordered([hours, delivery], message: "do you deliver on sundays").first == delivery)
        // A verb in a heading says nothing of the section: "make it again" is a remake.
        #expect(PolicySubject.ordered([remake, making], message: "can you make it again").first == remake)
    }

    @Test func aDeniedStateGoesAfterPassagesThatStateIt() {
        let intro = Self.result("returns", ["Returns"], "This policy explains returns.")
        let cannot = Self.result("returns", ["Returns", "Items we cannot take back"], "Opened food, including beans.")
        let packaged = Self.result("returns", ["Returns", "Packaged goods"], "Sealed bags of coffee beans, 14 days.")
        let ordered = PolicySubject.ordered([cannot, intro, packaged], message: "refund policy for beans I didn't open")
        #expect(ordered.first == packaged)
        #expect(PolicySubject.ordered([cannot, packaged], message: "can I return opened beans").first == cannot)
    }

    @Test func tomorrowsHoursHaveNoNextStepForToday() {
        var shop = AnswerPlanTests.shop("Lakeside Café", open: true)
        shop.hoursAsked = "tomorrow (Sunday): open 07:00–22:00"
        let step = NextStepPlanner.step(for: AnswerPlanTests.context(intents: ["open-now"], shops: [shop]),
                                        rules: .standard)
        #expect(step == "Next step: plan your visit around these hours.")
        shop.hoursAsked = "today: open 07:00–22:00"
        let today = NextStepPlanner.step(for: AnswerPlanTests.context(intents: ["open-now"], shops: [shop]),
                                         rules: .standard)
        #expect(today.contains("head to Lakeside Café"))
    }
}
