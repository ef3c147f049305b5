@testable import ConciergeCore
import Foundation
import Testing

/// The pieces that keep an answer consistent with its facts: the next step, the policy excerpt, the budget, the
/// order a message points at and the item it asks about.
@Suite("Answer plan: next step, excerpts, budget, pointers")
struct AnswerPlanTests {
    static func context(intents: [String], shops: [ShopFacts] = [], coupons: [CouponFacts] = [],
                        orders: [OrderFacts] = [], policies: [PolicyFacts] = []) -> PromptContext {
        PromptContext(
            chain: "Bramble & Bean", now: "Sat 21 Nov 15:00", intents: intents,
            slots: SlotFacts(diet: [], followUp: false), choices: [],
            shopper: ShopperFacts(name: "<NAME_1>", city: "London", prefers: "hot", dietary: [], favourites: [],
                                  loyaltyPoints: 40, pointsValue: "£0.40",
                                  pointsEarned: "10 points for every £1"),
            location: "home", shops: shops, suggestions: [], coupons: coupons, orders: orders, orderLookup: nil,
            policies: policies, item: nil,
            care: CareFacts(phone: "0800 123 4567", email: "care@brambleandbean.co.uk", hours: "08:00 to 20:00 every day",
                            cannot: []),
            handoffRequested: false, handoff: nil, nextStep: "")
    }

    static func shop(_ name: String, open: Bool, closingSoon: Bool = false, walk: Int? = 4) -> ShopFacts {
        ShopFacts(name: name, distance: "300 m", walkMinutes: walk, isOpen: open, closingSoon: closingSoon,
                  status: open ? (closingSoon ? "Closes in 10 minutes" : "Open until 22:00") : "Opens at 07:00",
                  withinRange: true, phone: "+44 20 7946 0101")
    }

    @Test func theNextStepNeverSendsTheShopperToAClosedShop() {
        let closedThenOpen = Self.context(intents: ["comfort-cold"],
                                          shops: [Self.shop("Lakeside Café", open: false), Self.shop("Night Owl Coffee", open: true)])
        let step = NextStepPlanner.step(for: closedThenOpen, rules: .standard)
        #expect(step.contains("Night Owl Coffee") && !step.contains("Lakeside"))
        let allClosed = Self.context(intents: ["open-now"], shops: [Self.shop("Lakeside Café", open: false)])
        let waiting = NextStepPlanner.step(for: allClosed, rules: .standard)
        #expect(waiting.contains("when Lakeside Café is open again") && waiting.contains("opens at 07:00"))
    }

    @Test func aShopAboutToCloseIsNotWhereToGoWhenAnotherStaysOpen() {
        let context = Self.context(intents: ["nearest"], shops: [Self.shop("Lakeside Café", open: true, closingSoon: true),
                                                                  Self.shop("Night Owl Coffee", open: true)])
        #expect(NextStepPlanner.step(for: context, rules: .standard).contains("Night Owl Coffee"))
    }

    @Test func noOrdersAndNoCouponsMeanNoStepAboutThem() {
        let orders = NextStepPlanner.step(for: Self.context(intents: ["order-status"]), rules: .standard)
        #expect(orders.contains("order number") && !orders.contains("open the order"))
        let offers = NextStepPlanner.step(for: Self.context(intents: ["offers"]), rules: .standard)
        #expect(!offers.contains("checkout") && !offers.contains("code"))
        for intent in Intent.allCases {
            let step = NextStepPlanner.step(for: Self.context(intents: [intent.rawValue]), rules: .standard)
            #expect(step.range(of: #"\bapp\b"#, options: .regularExpression) == nil, "\(intent): \(step)")
        }
    }

    @Test func aThanksGetsNoNextStepAndAQuestionGetsNoneEither() {
        #expect(NextStepPlanner.step(for: Self.context(intents: ["thanks"]), rules: .standard).isEmpty)
        var asking = Self.context(intents: [])
        asking.choices = ["where your order is", "a refund or return"]
        #expect(NextStepPlanner.step(for: asking, rules: .standard).isEmpty)
        #expect(DeterministicResponder.answer(context: asking, maskedMessage: "order?").contains("where your order is or a refund or return?"))
    }

    @Test func theExcerptKeepsTheNumberTheShopperAskedFor() {
        let text = """
            ## How long a refund takes

            Refunds go back to the card you paid with. We process an approved refund within 5 working days. Your bank \
            may then take another 3 to 5 working days to show it on your statement.
            """
        let excerpt = PolicyExcerpt.best(of: text, for: "how long do refunds take?")
        #expect(excerpt.contains("5 working days"))
        #expect(!excerpt.hasPrefix("Refunds go back"))
    }

    @Test func listsBecomeOneSentenceAndTablesAndHeadingsAreLeftOut() {
        let text = """
            # Payments

            You can pay with:
            - Visa, Mastercard and Amex;
            - Apple Pay and Google Pay;
            - gift cards.

            | Method | Where |
            |---|---|
            """
        let sentences = PolicyExcerpt.sentences(of: text)
        #expect(sentences == ["You can pay with: Visa, Mastercard and Amex; Apple Pay and Google Pay; gift cards."])
        let table = "## How long we keep data\n\n| Data | How long we keep it |\n|---|---|\n| Chat messages | 90 days, then deleted |\n"
        #expect(PolicyExcerpt.sentences(of: table) == ["Chat messages: 90 days, then deleted."])
        #expect(PolicyExcerpt.best(of: table, for: "how long do you keep my chat messages?") == "Chat messages: 90 days, then deleted.")
    }

    @Test func theBudgetTrimsWhatTheMainAskDoesNotNeedFirst() {
        let policy = PolicyFacts(source: "delivery > Fees", text: String(repeating: "Delivery costs £2.99. ", count: 40),
                                 relevant: true, excerpt: "Delivery costs £2.99.")
        let coupon = CouponFacts(code: "WARM15", summary: "", discount: "15% off", appliesTo: "hot drinks",
                                 validUntil: "30 Nov", minimumSpend: nil, validAt: "all our shops")
        var context = Self.context(intents: ["offers"], coupons: [coupon, coupon], policies: [policy, policy, policy])
        let before = ContextBudget.estimate(context)
        ContextBudget(tokens: before / 2).trim(&context, main: .offers)
        #expect(context.coupons.count == 2)
        #expect(context.policies.count < 3)
        #expect(ContextBudget.estimate(context) <= before / 2 || context.policies.isEmpty)
    }

    static let user = User(id: "usr_1", email: "a@example.com", role: .shopper, name: "A", timeZone: "Europe/London",
                           createdAt: Date(timeIntervalSince1970: 0))

    static func order(_ id: String, daysAgo: Double, items: [String], now: Date) -> Order {
        Order(id: id, userID: "usr_1", shopID: "st_1",
              lines: items.map { OrderLine(sku: $0, name: $0, quantity: 1, unitPriceMinor: 300) }, currency: "GBP", status: .delivered, fulfilment: .delivery, placedAt: now.addingTimeInterval(-daysAgo * 86_400))
    }

    @Test func anOrderIsFoundByWhatWasInItOrByWhen() {
        let now = Date(timeIntervalSince1970: 1_763_737_200)  // Fri 21 Nov 2025 15:00 UTC
        let orders = [Self.order("ORD-00000001", daysAgo: 0.1, items: ["Flat White"], now: now),
                      Self.order("ORD-00000002", daysAgo: 1, items: ["Cinnamon Bun"], now: now),
                      Self.order("ORD-00000003", daysAgo: 30, items: ["Banana Bread"], now: now)]
        #expect(OrderPointer.find(OrderSlot(kind: .item, value: "Banana Bread"), in: orders, user: Self.user, now: now)?.id == "ORD-00000003")
        #expect(OrderPointer.find(OrderSlot(kind: .date, value: "yesterday"), in: orders, user: Self.user, now: now)?.id == "ORD-00000002")
        #expect(OrderPointer.find(OrderSlot(kind: .date, value: "last-month"), in: orders, user: Self.user, now: now)?.id == "ORD-00000003")
        #expect(OrderPointer.find(OrderSlot(kind: .item, value: "Cold Brew"), in: orders, user: Self.user, now: now) == nil)
    }

    @Test func theNextStepNeverSendsAShopperToGetAnItemThatGoesAgainstTheirAllergyOrDiet() {
        var context = Self.context(intents: ["dietary"], shops: [Self.shop("Lakeside Café", open: true)])
        context.item = AskedItem(name: "Almond Croissant", shop: "Lakeside Café", price: "£3.20",
                                 contains: ["nuts", "dairy", "gluten"], suits: ["vegetarian"])
        context.shopper.dietary = ["nut-allergy"]
        #expect(NextStepPlanner.step(for: context, rules: .standard) == "Next step: ask me for something without nuts near you.")
        context.shopper.dietary = ["vegan", "nut-allergy"]
        #expect(NextStepPlanner.step(for: context, rules: .standard)
                    == "Next step: ask me for something vegan and without nuts near you.")
        context.shopper.dietary = []
        #expect(NextStepPlanner.step(for: context, rules: .standard) == "Next step: get the Almond Croissant at Lakeside Café.",
                "with nothing on file or asked, the item is fine to fetch")
        context.slots.diet = ["nuts"]  // "does it have nuts?": asked, so treated as a need
        #expect(NextStepPlanner.step(for: context, rules: .standard) == "Next step: ask me for something without nuts near you.")
    }
}
