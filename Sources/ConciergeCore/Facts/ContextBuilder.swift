import Foundation
import Geo
import PIIMasking
import Retrieval

/// What the shop knows that is relevant to one turn, fetched before the context is built.
struct TurnData: Sendable {
    var user: User
    var orders: [Order]
    /// An order the message named, looked up by id (it may belong to someone else: then it is "not found").
    var namedOrder: (id: String, order: Order?)?
    var coupons: [Coupon]
    var nearby: [NearbyShop]
    var shopsByID: [String: Shop]
    var policies: [RetrievalResult]
}

/// Builds the masked `PromptContext` for one turn. Facts are decided here, in code: which coupons apply,
/// whether an order can still be refunded, which items suit the shopper's diet. Intents decide which facts are
/// included, so the prompt stays short.
struct ContextBuilder: Sendable {
    let rules: ConciergeRules

    init(rules: ConciergeRules) { self.rules = rules }

    func build(reading: IntentReading, message: String, data: TurnData, locationSource: String,
                      session: inout MaskingSession, now: Date) -> (context: PromptContext, coupons: CouponDecision) {
        let time = LocalTimeFormatter(timeZoneIdentifier: data.user.timeZone)
        let wants = Wants(reading)
        let nearest = data.nearby.first?.shop
        let couponDecision = CouponEligibility.decide(coupons: data.coupons, userID: data.user.id, shop: nearest, at: now)
        let needs = DietaryNeeds.of(data.user, message: message)
        let suggestions = wants.suggestions ? MenuSuggestions.pick(for: reading, needs: needs, user: data.user,
                                                                   near: data.nearby, limit: rules.suggestionsInContext) : []
        let context = PromptContext(
            now: time.moment(now), intents: reading.intents.map(\.rawValue),
            shopper: shopperFacts(data.user, needs: needs, session: &session),
            location: locationSource,
            shops: wants.shops ? data.nearby.prefix(rules.shopsInContext).map(Self.shopFacts) : [],
            suggestions: suggestions,
            coupons: wants.coupons ? couponFacts(couponDecision, suggestions: suggestions, shop: nearest, time: time) : [],
            orders: wants.orders ? orderFacts(data, session: &session, time: time, now: now) : [],
            orderLookup: data.namedOrder.map { named in
                OrderLookup(requested: session.placeholder(for: named.id, type: .orderID), found: named.order != nil)
            },
            policies: wants.policies ? data.policies.filter(\.isRelevant).map(Self.policyFacts) : [],
            handoffRequested: reading.contains(.handoff))
        return (context, couponDecision)
    }

    private func shopperFacts(_ user: User, needs: [DietaryFlag], session: inout MaskingSession) -> ShopperFacts {
        let currency = Currency.of(country: user.address?.country)
        let value = user.loyaltyPoints * 100 / max(1, rules.pointsPerCurrencyUnitOfValue)
        return ShopperFacts(
            name: session.placeholder(for: user.name, type: .name), city: user.address?.city,
            prefers: user.preferences.temperature.rawValue, dietary: needs.map(\.rawValue),
            favourites: user.preferences.favouriteItems, loyaltyPoints: user.loyaltyPoints,
            pointsValue: Money.format(value, currency: currency))
    }

    static func shopFacts(_ nearby: NearbyShop) -> ShopFacts {
        ShopFacts(name: nearby.shop.name, distance: Earth.readable(meters: nearby.distanceMeters),
                   walkMinutes: nearby.walkingMinutes, isOpen: nearby.isOpen, status: nearby.status,
                   withinRange: nearby.isWithinRadius, phone: nearby.shop.phone)
    }

    static func policyFacts(_ result: RetrievalResult) -> PolicyFacts {
        let headings = result.citation.headingPath.dropFirst()
        let source = headings.isEmpty ? result.citation.document
            : result.citation.document + " > " + headings.joined(separator: " > ")
        return PolicyFacts(source: source, text: result.chunk.text, relevant: result.isRelevant)
    }

    /// Coupons that apply to a suggested item come first, then the rest by code.
    private func couponFacts(_ decision: CouponDecision, suggestions: [ItemFacts], shop: Shop?,
                             time: LocalTimeFormatter) -> [CouponFacts] {
        let suggestedSKUs = Set(suggestions.compactMap { item in shop?.menu.first { $0.name == item.name }?.sku })
        let ranked = decision.eligible.sorted { lhs, rhs in
            let l = !suggestedSKUs.isDisjoint(with: lhs.appliesTo)
            let r = !suggestedSKUs.isDisjoint(with: rhs.appliesTo)
            return l != r ? l : lhs.coupon.code < rhs.coupon.code
        }
        return ranked.prefix(3).map { CouponDescriber.facts($0, shop: shop, time: time) }
    }

    private func orderFacts(_ data: TurnData, session: inout MaskingSession, time: LocalTimeFormatter,
                            now: Date) -> [OrderFacts] {
        var orders = Array(data.orders.prefix(rules.ordersInContext))
        if let named = data.namedOrder?.order, !orders.contains(where: { $0.id == named.id }) { orders.insert(named, at: 0) }
        return orders.map { order in
            let shop = data.shopsByID[order.shopID]
            let decision = OrderDecisions.decide(order, shop: shop, rules: rules, at: now)
            return OrderFacts(
                id: session.placeholder(for: order.id, type: .orderID), status: order.status.rawValue,
                shop: shop?.name ?? "our shop", placed: time.moment(order.placedAt), eta: order.eta.map(time.moment),
                delivered: order.deliveredAt.map(time.moment),
                items: order.lines.map { "\($0.quantity) × \($0.name)" }.joined(separator: ", "),
                total: Money.format(order.totalMinor, currency: order.currency), isLate: decision.isLate,
                canCancel: decision.canCancel, canChangeAddress: decision.canChangeAddress,
                reportProblemsUntil: decision.reportProblemsUntil.map(time.moment),
                reportWindowOpen: decision.reportWindowOpen,
                returnPackagedUntil: decision.returnPackagedUntil.map(time.moment),
                returnWindowOpen: decision.returnWindowOpen, deliveryFeeRefundDue: decision.deliveryFeeRefundDue)
        }
    }
}

/// Which kinds of facts the intents call for.
struct Wants {
    var shops = false
    var suggestions = false
    var coupons = false
    var orders = false
    var policies = false

    init(_ reading: IntentReading) {
        for intent in reading.intents {
            switch intent {
            case .comfortCold, .comfortThirsty, .comfortHungry, .comfortTired:
                shops = true; suggestions = true; coupons = true
            case .offers: shops = true; coupons = true
            case .openNow, .nearest: shops = true
            case .dietary: shops = true; suggestions = true; policies = true
            case .orderStatus, .refund: orders = true; policies = true
            case .loyalty, .policyQuestion: policies = true
            case .handoff: orders = true
            case .greeting: shops = true; suggestions = true
            case .ruleOverride, .offTopic: break
            }
        }
    }
}
