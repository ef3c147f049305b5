@testable import ConciergeCore
import Foundation
import Geo
import Testing

/// The actions under an answer are decided from the same facts as its next step: never an order that is not the
/// shopper's or not well formed, never a closed shop, never offers without a usable coupon, and the real order id
/// (the context only holds its placeholder).
@Suite("Answer plan: actions under the answer")
struct ActionPlannerTests {
    static let vault = ["<ORDER_ID_1>": "ORD-7K2M9QXA", "<ORDER_ID_2>": "not-an-order"]
    static let shops = [
        Shop(id: "st_lake", name: "Lakeside Café",
             address: PostalAddress(line1: "1 Lake Road", city: "London", postcode: "NW1 6XE", country: "GB"),
             location: Coordinate(latitude: 51.52, longitude: -0.15), timeZone: "Europe/London", currency: "GBP",
             phone: "+44 20 7946 0101", hours: WeeklyHours(ranges: []), menu: [], amenities: []),
        Shop(id: "st_owl", name: "Night Owl Coffee",
             address: PostalAddress(line1: "9 Fleet Street", city: "London", postcode: "EC4A 2BB", country: "GB"),
             location: Coordinate(latitude: 51.51, longitude: -0.11), timeZone: "Europe/London", currency: "GBP",
             phone: "+44 20 7946 0102", hours: WeeklyHours(ranges: []), menu: [], amenities: []),
    ]

    static func actions(_ context: PromptContext) -> [AnswerAction] {
        var context = context
        context.nextStep = NextStepPlanner.step(for: context, rules: .standard)
        return ActionPlanner.actions(for: context, unmask: { vault[$0] ?? $0 },
                                     shop: { name in shops.first { $0.name == name } })
    }

    static func order(_ placeholder: String, status: String = "in_transit") -> OrderFacts {
        OrderFacts(id: placeholder, status: status, fulfilment: "delivery", shop: "Lakeside Café", placed: "Sat 21 Nov 14:00",
                   eta: "Sat 21 Nov 15:30", delivered: nil, items: "1 × Flat White", total: "£3.40", payment: "Visa •••• 4242",
                   refund: nil, collected: nil, isLate: false, canCancel: false, canChangeAddress: false,
                   reportProblemsUntil: nil, reportWindowOpen: false, returnPackagedUntil: nil, returnWindowOpen: false,
                   deliveryFeeRefundDue: false)
    }

    static let coupon = CouponFacts(code: "WARM15", summary: "15% off hot drinks", discount: "15% off",
                                    appliesTo: "hot drinks", validUntil: "30 Nov", minimumSpend: nil, validAt: "all our shops")

    @Test func anOrderQuestionLinksTheRealOrderAndOnlyAWellFormedOne() {
        let context = AnswerPlanTests.context(intents: ["order-status"], orders: [Self.order("<ORDER_ID_1>")])
        #expect(Self.actions(context).first == .order("ORD-7K2M9QXA"))
        let broken = AnswerPlanTests.context(intents: ["order-status"], orders: [Self.order("<ORDER_ID_2>")])
        #expect(!Self.actions(broken).contains { $0.kind == .order })
        var notTheirs = context
        notTheirs.orderLookup = OrderLookup(requested: "<ORDER_ID_9>", found: false)
        #expect(!Self.actions(notTheirs).contains { $0.kind == .order }, "an order that is not the shopper's gets no link")
    }

    @Test func aComplaintLinksTheLatestOrderOnlyWhenItCouldBeAboutIt() {
        let orders = [Self.order("<ORDER_ID_1>", status: "delivered")]  // 1 × Flat White from Lakeside Café
        var latte = AnswerPlanTests.context(intents: ["complaint"], orders: orders)
        latte.slots.item = "latte"
        #expect(!Self.actions(latte).contains { $0.kind == .order }, "a latte complaint is not about a flat white order")
        var otherShop = AnswerPlanTests.context(intents: ["complaint"], orders: orders)
        otherShop.slots.shop = "Night Owl Coffee"
        #expect(!Self.actions(otherShop).contains { $0.kind == .order })
        var flatWhite = AnswerPlanTests.context(intents: ["complaint"], orders: orders)
        flatWhite.slots.item = "Flat White"
        #expect(Self.actions(flatWhite).contains(.order("ORD-7K2M9QXA")))
        let unnamed = AnswerPlanTests.context(intents: ["complaint"], orders: orders)
        #expect(Self.actions(unnamed).contains(.order("ORD-7K2M9QXA")), "'my order was cold' may be about it")
    }

    @Test func aGeneralQuestionAboutOrdersLinksNoOrder() {
        var context = AnswerPlanTests.context(intents: ["refund"], orders: [Self.order("<ORDER_ID_1>", status: "delivered")])
        context.slots.general = true
        #expect(!Self.actions(context).contains { $0.kind == .order })
    }

    @Test func offersLinkOnlyWhenACouponIsUsable() {
        #expect(Self.actions(AnswerPlanTests.context(intents: ["offers"], coupons: [Self.coupon])) == [.offers])
        #expect(!Self.actions(AnswerPlanTests.context(intents: ["offers"])).contains(.offers))
    }

    @Test func directionsGoToTheOpenShopTheNextStepNamesNeverAClosedOne() {
        let context = AnswerPlanTests.context(intents: ["nearest"], shops: [
            AnswerPlanTests.shop("Lakeside Café", open: false), AnswerPlanTests.shop("Night Owl Coffee", open: true)])
        let actions = Self.actions(context)
        #expect(actions == [.directions(to: Self.shops[1])])
        #expect(actions.first?.place == "9 Fleet Street, London EC4A 2BB, GB")
        let allClosed = AnswerPlanTests.context(intents: ["open-now"], shops: [AnswerPlanTests.shop("Lakeside Café", open: false)])
        #expect(Self.actions(allClosed).isEmpty)
    }

    @Test func theHandOffButtonFollowsTheNextStepAndGoesOnceAPersonIsAsked() {
        let onTime = AnswerPlanTests.context(intents: ["order-status"], orders: [Self.order("<ORDER_ID_1>")])
        #expect(Self.actions(onTime) == [.order("ORD-7K2M9QXA")], "\"if it hasn't arrived by…\" is for later")
        var late = Self.order("<ORDER_ID_1>")
        late.isLate = true
        let context = AnswerPlanTests.context(intents: ["order-status"], orders: [late])
        #expect(Self.actions(context) == [.order("ORD-7K2M9QXA"), .handoff])
        var passed = context
        passed.handoff = HandoffFacts(created: true, reason: "asked", since: "15:00", replyWithin: "2 working days")
        #expect(!Self.actions(passed).contains(.handoff))
    }

    @Test func aQuestionBackOrAThanksCarriesNoAction() {
        var asking = AnswerPlanTests.context(intents: [], coupons: [Self.coupon])
        asking.choices = ["where your order is", "a refund or return"]
        #expect(Self.actions(asking).isEmpty)
        #expect(Self.actions(AnswerPlanTests.context(intents: ["thanks"], coupons: [Self.coupon])).isEmpty)
    }
}
