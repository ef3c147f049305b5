import Foundation
import Geo
import PIIMasking
import Retrieval

/// What the chain knows that is relevant to one turn, fetched before the context is built.
struct TurnData: Sendable {
    var user: User
    var understanding: MessageUnderstanding
    var orders: [Order]
    /// An order the message named by id (it may belong to someone else: then it is "not found").
    var namedOrder: (id: String, order: Order?)?
    /// The order the message points at: named by id, by an item in it, or by a date; `nil` for "my order".
    var pointedOrder: Order?
    /// Coupons the shopper holds, read for each nearby shop (a shop-scoped coupon is read with its shop).
    var coupons: [Coupon]
    var nearby: [NearbyShop]
    var shopsByID: [String: Shop]
    var policies: [RetrievalResult]
    /// Where distances are measured from (the shared location or home); `nil` when unknown.
    var origin: Coordinate?

    /// The currency the shopper pays in: the nearest shop's, else their latest order's, else their country's.
    var shopperCurrency: String {
        nearby.first?.shop.currency ?? orders.first?.currency ?? Currency.of(country: user.address?.country)
    }
}

/// Builds the masked `PromptContext` for one turn. Facts are decided here, in code: which coupons apply and where,
/// whether an order can still be changed or refunded, which items suit the shopper's diet, what the next step is.
/// A compact core (shops, coupons, orders, loyalty, policies) is always there, whatever the intent reading said, so
/// a misread message never leaves the model blind; the reading orders and trims it within a token budget.
struct ContextBuilder: Sendable {
    let rules: ConciergeRules

    init(rules: ConciergeRules) { self.rules = rules }

    func build(message: String, maskedMessage: String, data: TurnData, locationSource: String,
               session: inout MaskingSession, now: Date) -> (context: PromptContext, coupons: CouponDecision) {
        let understanding = data.understanding
        let time = LocalTimeFormatter(timeZoneIdentifier: data.user.timeZone)
        let nearest = data.nearby.first?.shop
        let nearestDecision = CouponEligibility.decide(coupons: data.coupons, userID: data.user.id, shop: nearest, at: now)
        let needs = DietaryNeeds.of(data.user, named: understanding.slots.diet, besides: understanding.slots.item)
        let wantsSuggestions = understanding.intents.contains { $0.isComfort || [.menu, .dietary, .greeting].contains($0) }
        // A Spanish wish is read in the menu's words too ("un cafe sin leche" → "coffee without milk").
        let wish = MenuWishReader.read(understanding.slots.language == .es
            ? SpanishMenuWords.phrased(message) : message)
        let suggestions = wantsSuggestions ? MenuSuggestions.pick(for: Self.need(understanding, message: message), needs: needs, user: data.user,
                                                                  near: data.nearby, limit: rules.suggestionsInContext, wish: wish) : []
        var shops = data.nearby.prefix(rules.shopsInContext + 1).map(shopFacts)
        // A follow-up about the coupons ("and where can I use it?") keeps the thing the earlier message named ("…best
        // for a latte"): the coupon meant stays first.
        // So does "any coupon for it?" after an item was talked about: the item carried over is what "it" is.
        let typed = MessageWords(message).joined
        let carried = understanding.slots.item.map { !typed.contains(" " + MessageWords.fold($0).joined(separator: " ") + " ") }
            ?? false
        let followingOffers = (understanding.isFollowUp || carried) && understanding.primary == .offers
        let dealFit = CouponFit.asked(in: followingOffers ? message + " " + (understanding.slots.item ?? "") : message,
                                      menus: data.nearby.prefix(rules.shopsInContext + 1).map(\.shop),
                                      followingOffers: followingOffers)
        // Every shop's hours then, so a shop shut at the time asked can be followed by the nearest that is open.
        if let asked = understanding.slots.time, asked != "now" {
            for (index, nearby) in zip(shops.indices, data.nearby) {
                shops[index].hoursAsked = Self.hours(of: nearby.shop, asked: asked, now: now)
            }
        }
        let currency = data.shopperCurrency
        // The country of the shop nearest the shopper, else of their address: its Customer Care number is theirs.
        let carePhone = rules.chain.carePhone(country: data.nearby.first?.shop.address.country ?? data.user.address?.country)
        var context = PromptContext(
            chain: rules.chain.name, now: time.moment(now),
            intents: understanding.intents.map(\.rawValue),
            slots: slotFacts(understanding, pointed: data.pointedOrder, session: &session),
            choices: understanding.choices.map(\.shopperWording),
            shopper: shopperFacts(data.user, needs: needs, currency: currency, session: &session),
            location: locationSource, shops: shops, suggestions: suggestions,
            coupons: couponFacts(data, suggestions: suggestions, fit: dealFit, time: time, now: now,
                                 limit: understanding.primary == .offers ? Self.couponsAskedFor : Self.couponsBeside),
            orders: orderFacts(data, session: &session, time: time, now: now),
            orderLookup: orderLookup(data, session: &session),
            policies: PolicySubject.ordered(data.policies.filter(\.isRelevant), message: message)
                .map { PolicyFacts(result: $0, question: message) },
            item: AskedItemFinder.find(understanding.slots.item, near: data.nearby),
            care: CareFacts(phone: carePhone, email: rules.chain.careEmail, hours: rules.chain.careHours,
                            cannot: Self.cannot(rules, phone: carePhone)),
            handoffRequested: understanding.contains(.handoff), nextStep: "")
        // From the masked text: whatever the masker took for personal data (a postcode typed without its space) never
        // reaches the prompt as a "code".
        context.slots.couponCode = CouponCodeHint.first(in: maskedMessage)
        // "What about the other one?": the coupon meant goes first, so the answer and the next step name it.
        if context.slots.couponCode == nil, let meant = CouponQuestions.pointer(in: message), meant > 0,
            meant < context.coupons.count {
            context.coupons.insert(context.coupons.remove(at: meant), at: 0)
        }
        context.slots.dealFor = dealFit?.written
        context.holidayHours = HolidayHours.sentence(context, message: maskedMessage)
        context.offering = AskedOffering.find(in: maskedMessage, shop: data.nearby.first?.shop, policies: data.policies,
                                              // "…and do u have decaf": a diet word asked for is about the menu too.
                                              readAsMenu: understanding.intents.contains(.menu)
                                                || !understanding.slots.diet.isEmpty)
        // From the masked text with its placeholders left out: a card number typed as "the way to pay" is never
        // repeated, not even as its placeholder ("can I pay with 4111 …?").
        if understanding.intents.contains(.payment) {
            context.paymentMethod = AskedPaymentMethod.find(in: Self.withoutPlaceholders(maskedMessage), policies: data.policies)
        }
        // "The flat white was burnt, can you make it again?" reports what happened to the shopper: not a general question.
        context.slots.general = data.pointedOrder == nil && data.namedOrder == nil && understanding.slots.order == nil
            && GeneralQuestion.asks(message) && ![.complaint, .frustration].contains(understanding.slots.sentiment)
        // Whatever the reading's intents: an account task next to another ask is still answered with its page.
        context.account = AccountTask.asked(in: message).map(AccountTaskFacts.init)
        // Likewise an amenity: the named (or nearest) shop's own record answers it, not a policy passage.
        let amenities = AmenityFacts.asked(in: message, shop: data.nearby.first?.shop, chain: data.shopsByID.values)
        context.amenities = amenities.isEmpty ? nil : amenities
        context.care.reportFreshProblemsWithin = "\(rules.freshIssueReportHours) hours"
        // From the masked text, placeholders left out: what was asked for goes into the prompt in the shopper's own
        // words ("we don't list gift hampers"), and an e-mail typed beside it must not ("…for ann.lee@…" read as "ann").
        if wantsSuggestions {
            let asked = Self.withoutPlaceholders(maskedMessage)
            // Every passage retrieved, also those judged weak for the whole message: a sentence naming every word
            // asked ("decaf") is evidence enough, and a Spanish message's vector is far from the English passages.
            context.menu = MenuFacts.build(message: asked, wish: wish, needs: needs,
                                           dietNamed: !understanding.slots.diet.isEmpty, near: data.nearby,
                                           policies: data.policies.map { PolicyFacts(result: $0, question: message) })
        }
        // "Do you have power outlets at Lakeside?" is the shop's record's to answer: not also "we don't list power
        // outlets on the menu" when neither the menu nor a policy has them.
        if !amenities.isEmpty {
            if let offering = context.offering, offering.items.isEmpty, offering.passage == nil { context.offering = nil }
            if context.menu?.asked.isEmpty == true { context.menu?.unmatched = [] }
        }
        context.suggestions = context.menu?.leading(context.suggestions, needs: needs) ?? context.suggestions
        context.care.replyWithin = HandoffWording.replyWithin(workingDays: rules.chain.careReplyWorkingDays)
        context.care.lostPropertyKeptFor = "\(rules.lostPropertyKeptDays) days"
        context.care.routesAsked = understanding.contains(.handoff) && HandoffTrigger.asksOnlyForContactRoutes(message)
        context.complaint = Self.complaint(understanding, message: message)
        if context.complaint?.kind == .quality {
            let menu = Set(data.nearby.flatMap { $0.shop.menu.map(\.name) }).sorted()
            context.complaint?.insteadOf = ReceivedInstead.ordered(in: MessageWords(message), menu: menu,
                                                                   ordered: data.orders.flatMap { $0.lines.map(\.name) })
        }
        // An amenity ("wifi", "wheelchair"), an account task (verb and object) or something left behind is read from
        // exact words, so "did you want A or B?" would ask about what the message already said (with the sentence
        // model loaded, "mera data delete karo" and a phone left at Lakeside got that question): answered instead.
        let exact = !amenities.isEmpty || !context.account.isEmpty || context.complaint?.kind == .lostProperty
        if exact, !context.choices.isEmpty {
            context.choices = []
            if context.intents.isEmpty { context.intents = [Intent.policyQuestion.rawValue] }
        }
        ContextBudget(tokens: rules.contextTokenBudget).trim(&context, main: understanding.primary)
        context.nextStep = NextStepPlanner.step(for: context, rules: rules)
        return (context, nearestDecision)
    }

    /// The masked message without its placeholders ("<EMAIL_1>"): what the shopper asked for, in their own words.
    static func withoutPlaceholders(_ masked: String) -> String {
        masked.replacingOccurrences(of: #"<[A-Z_]+_[0-9]+>"#, with: " ", options: .regularExpression)
    }

    private func slotFacts(_ understanding: MessageUnderstanding, pointed: Order?,
                           session: inout MaskingSession) -> SlotFacts {
        let slots = understanding.slots
        let order: String? = switch slots.order?.kind {
        case .id?: slots.order?.value.map { session.placeholder(for: $0, type: .orderID) }
        case .latest?: "latest"
        case .item?, .date?: pointed.map { session.placeholder(for: $0.id, type: .orderID) }
            ?? "\(slots.order!.kind.rawValue): \(slots.order?.value ?? "")"
        case nil: nil
        }
        return SlotFacts(order: order, item: slots.item, shop: slots.shop, time: slots.time,
                         diet: slots.diet.map(\.rawValue), channel: slots.channel?.rawValue,
                         sentiment: slots.sentiment?.rawValue, language: slots.language?.rawValue,
                         followUp: understanding.isFollowUp)
    }

    private func shopperFacts(_ user: User, needs: [DietaryFlag], currency: String,
                              session: inout MaskingSession) -> ShopperFacts {
        let value = user.loyaltyPoints * 100 / max(1, rules.pointsPerCurrencyUnitOfValue)
        return ShopperFacts(
            name: session.placeholder(for: user.name, type: .name), city: user.address?.city,
            prefers: user.preferences.temperature.rawValue, dietary: needs.map(\.rawValue),
            favourites: user.preferences.favouriteItems, loyaltyPoints: user.loyaltyPoints,
            pointsValue: Money.format(value, currency: currency),
            pointsEarned: "\(rules.pointsEarnedPerCurrencyUnit) points for every \(Money.unit(currency))")
    }

    /// No street address: the shop's name is enough to find it, and an address in an answer reads to the guard like
    /// personal data (a shop can share a street or postcode with the shopper).
    func shopFacts(_ nearby: NearbyShop) -> ShopFacts {
        ShopFacts(
            name: nearby.shop.name, distance: Earth.readable(meters: nearby.distanceMeters),
            walkMinutes: nearby.walkingMinutes <= rules.walkingMinutesLimit ? nearby.walkingMinutes : nil,
            isOpen: nearby.isOpen, closingSoon: nearby.closesWithin(minutes: rules.closingSoonMinutes),
            status: nearby.status, withinRange: nearby.isWithinRadius, phone: nearby.shop.phone, hoursAsked: nil)
    }

    /// Coupons in the context when the shopper asks about offers ("any offers?" names every one they hold, up to
    /// this many), and beside another ask.
    static let couponsAskedFor = 6
    static let couponsBeside = 3

    /// Coupons usable at any nearby shop, each once, with where it is valid. Ones that fit a suggested item first,
    /// then by code.
    private func couponFacts(_ data: TurnData, suggestions: [ItemFacts], fit: CouponFit?, time: LocalTimeFormatter,
                             now: Date, limit: Int) -> [CouponFacts] {
        var seen = Set<String>()
        var usable: [(EligibleCoupon, Shop)] = []
        for nearby in data.nearby.prefix(rules.shopsInContext + 1) where nearby.isWithinRadius {
            for eligible in CouponEligibility.decide(coupons: data.coupons, userID: data.user.id, shop: nearby.shop, at: now).eligible
            where seen.insert(eligible.coupon.code).inserted {
                usable.append((eligible, nearby.shop))
            }
        }
        // No location: the shopper's coupons that are not tied to one shop are still theirs to use.
        if data.nearby.isEmpty {
            return CouponEligibility.decide(coupons: data.coupons, userID: data.user.id, shop: nil, at: now).eligible
                .filter { $0.coupon.scope.kind != .shop }.prefix(limit)
                .map { CouponDescriber.facts($0, shop: nil, time: time) }
        }
        // The shopper's own coupon for one shop that is not among the nearest few, but still within reach.
        for coupon in data.coupons where coupon.ownerID == data.user.id && coupon.scope.kind == .shop && !seen.contains(coupon.code) {
            guard let shop = coupon.scope.value.flatMap({ data.shopsByID[$0] }),
                let origin = data.origin, Earth.distance(origin, shop.location) <= rules.nearbyRadiusMeters,
                let eligible = CouponEligibility.decide(coupons: [coupon], userID: data.user.id, shop: shop, at: now).eligible.first
            else { continue }
            seen.insert(coupon.code)
            usable.append((eligible, shop))
        }
        let suggested = Set(suggestions.map(\.name))
        // What the shopper named the deal for ("cold drinks") decides first: the coupons that fit it best, narrowest
        // first. Then the shopper's own coupons (made for them, and the ones they ask about), then ones that fit a
        // suggested item, then by code.
        let fitScores = usable.map { fit?.score($0.0, at: $0.1) ?? 0 }
        let best = fitScores.max() ?? 0
        let ranked = zip(usable, fitScores).sorted { lhsPair, rhsPair in
            let (lhs, rhs) = (lhsPair.0, rhsPair.0)
            let (lFits, rFits) = (best > 0 && lhsPair.1 == best, best > 0 && rhsPair.1 == best)
            if lFits != rFits { return lFits }
            if lFits, CouponFit.breadth(lhs.0.coupon.scope) != CouponFit.breadth(rhs.0.coupon.scope) {
                return CouponFit.breadth(lhs.0.coupon.scope) < CouponFit.breadth(rhs.0.coupon.scope)
            }
            if lFits, let fit {
                let (l, r) = (fit.itemsNamed(lhs.0, at: lhs.1), fit.itemsNamed(rhs.0, at: rhs.1))
                if l != r { return l > r }
            }
            let (lOwn, rOwn) = (lhs.0.coupon.ownerID == data.user.id, rhs.0.coupon.ownerID == data.user.id)
            if lOwn != rOwn { return lOwn }
            let l = lhs.1.menu.contains { suggested.contains($0.name) && lhs.0.appliesTo.contains($0.sku) }
            let r = rhs.1.menu.contains { suggested.contains($0.name) && rhs.0.appliesTo.contains($0.sku) }
            return l != r ? l : lhs.0.coupon.code < rhs.0.coupon.code
        }
        return ranked.prefix(limit).map { pair in
            var facts = CouponDescriber.facts(pair.0.0, shop: pair.0.1, time: time)
            if fit != nil { facts.fitsAsk = best > 0 && pair.1 == best }
            return facts
        }
    }

    /// The order the message points at first, then the most recent ones.
    private func orderFacts(_ data: TurnData, session: inout MaskingSession, time: LocalTimeFormatter,
                            now: Date) -> [OrderFacts] {
        var orders = Array(data.orders.prefix(rules.ordersInContext))
        for pointed in [data.pointedOrder, data.namedOrder?.order].compactMap({ $0 }) {
            orders.removeAll { $0.id == pointed.id }
            orders.insert(pointed, at: 0)
        }
        return orders.map { order in
            let shop = data.shopsByID[order.shopID]
            let decision = OrderDecisions.decide(order, shop: shop, rules: rules, at: now)
            return OrderFacts(
                id: session.placeholder(for: order.id, type: .orderID), status: order.status.rawValue,
                fulfilment: order.fulfilment.rawValue,
                shop: shop?.name ?? "our shop", placed: time.moment(order.placedAt), eta: order.eta.map(time.moment),
                delivered: order.deliveredAt.map(time.moment),
                items: order.lines.map { "\($0.quantity) × \($0.name)" }.joined(separator: ", "),
                total: Money.format(order.totalMinor, currency: order.currency),
                payment: order.payment?.masked,
                refund: order.refund.map { refund in
                    let amount = Money.format(refund.amountMinor, currency: order.currency)
                    return refund.state == .paid ? "paid: \(amount) on \(time.day(refund.updatedAt))" : "\(refund.state.rawValue): \(amount)"
                },
                collected: order.collectedAt.map(time.moment), isLate: decision.isLate,
                canCancel: decision.canCancel, canChangeAddress: decision.canChangeAddress,
                reportProblemsUntil: decision.reportProblemsUntil.map(time.moment),
                reportWindowOpen: decision.reportWindowOpen,
                returnPackagedUntil: decision.returnPackagedUntil.map(time.moment),
                returnWindowOpen: decision.returnWindowOpen, deliveryFeeRefundDue: decision.deliveryFeeRefundDue)
        }
    }
}
