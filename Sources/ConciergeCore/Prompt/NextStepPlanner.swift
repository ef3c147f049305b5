import Foundation

/// The one next step an answer ends with, decided in code from the same facts the answer uses, so it never sends
/// a shopper to a closed shop, to an order or a code that does not exist, or to an app this website does not
/// have. Both the mock responder and the real model's prompt use it.
enum NextStepPlanner {
    static func step(for context: PromptContext, rules: ConciergeRules) -> String {
        guard context.choices.isEmpty, let main = context.intents.first.flatMap(Intent.init(rawValue:)) else { return "" }
        if context.handoff != nil {
            return "Next step: come back to this conversation; Customer Care's reply will appear right here."
        }
        // Something left behind is the next step's subject whatever the reading's intents (see `ComplaintAnswers`).
        if let complaint = context.complaint, complaint.kind == .lostProperty {
            return ComplaintAnswers.nextStep(context, complaint)
        }
        let careLine = "call Customer Care on \(context.care.phone) (\(context.care.hours))"
        // An allergen found or a reaction: a person, whatever else was asked; never something more to eat.
        if context.complaint?.kind == .allergen { return "Next step: ask me to pass this to a person, or \(careLine)." }
        if let task = context.account.first, AccountTask.leads(context) {
            return "Next step: open your account page (\(task.page)) and choose \"\(task.section)\"."
        }
        if context.amenities != nil, AmenityAnswers.leads(main, context), let step = AmenityAnswers.nextStep(context) {
            return step
        }
        if context.slots.general, [.orderStatus, .complaint, .refund, .loyalty].contains(main), !context.policies.isEmpty {
            return "Next step: ask me about one of your orders, or to pass this to a person if you need more detail."
        }
        switch main {
        case .comfortCold, .comfortThirsty, .comfortHungry, .comfortTired, .menu, .dietary:
            // Never "get the Almond Croissant" for a shopper whose nut allergy (or vegan diet) is on file or in the
            // question: the next step offers to find something that fits instead.
            if let milk = context.menu?.milkCostAsked, context.menu?.asked.isEmpty == true, let menu = context.menu {
                return "Next step: ask for \(spoken(milk)) milk when you order at \(menu.shop)."
            }
            // "Can I get oat milk in the chai?": that drink, with that milk.
            if let milk = context.menu?.plantMilkAsked, let menu = context.menu,
                let drink = menu.asked.first?.items.first(where: { MenuAnswers.clash($0, context, milkSwapped: true) == nil }) {
                return "Next step: ask for the \(drink.name) with \(spoken(milk)) milk when you order at \(menu.shop)."
            }
            // "¿Tienen leche de avena?", answered from the policy (any drink can have it): that milk, not the first
            // suggestion (a muffin).
            if let offering = context.offering, offering.items.isEmpty, offering.passage != nil,
                let milk = MenuFacts.plantMilks.first(where: { MessageWords(offering.asked).set.contains($0) }),
                let shop = offering.shop {
                return "Next step: ask for \(spoken(milk)) milk in any drink when you order at \(shop)."
            }
            let itemClashes = ItemAnswers.clashes(context)
            let clashes = itemClashes.allergens.isEmpty && itemClashes.diets.isEmpty
                ? ItemAnswers.askedThingClashes(context) : itemClashes
            if !clashes.allergens.isEmpty || !clashes.diets.isEmpty {
                let diet = clashes.diets.isEmpty ? "" : " " + ItemAnswers.list(clashes.diets)
                let without = clashes.allergens.isEmpty ? ""
                    : (diet.isEmpty ? "" : " and") + " without " + ItemAnswers.list(clashes.allergens)
                return "Next step: ask me for something\(diet)\(without) near you."
            }
            // The item the answer named first: "we don't list pastries; from the bakery there's the Vegan Blueberry
            // Muffin" ended "get the Still Water" (the first suggestion, never mentioned).
            // Never one the answer said does not fit ("from the sandwiches there's the Chicken Pesto Sandwich", which
            // lists nuts).
            let named = context.menu?.asked.first.flatMap { thing in
                (thing.items + thing.alternatives).first { MenuAnswers.clash($0, context) == nil }
            }?.name
            return visit(context, item: context.item?.shop != nil ? context.item?.name
                : named ?? context.suggestions.first?.name)
        case .offers:
            guard let coupon = context.coupons.first else {
                return "Next step: ask me again any time; new offers show up here as soon as they start."
            }
            return "Next step: enter \(coupon.code) at checkout, or show it at the till"
                + (coupon.validAt == "all our shops" ? "." : " at \(coupon.validAt).")
        case .orderStatus:
            guard let order = focus(context) else { return noOrder(context) }
            if ["placed", "preparing", "in_transit"].contains(order.status) {
                // Past its expected time, "if it hasn't arrived by <that time>" would point at the past.
                if order.isLate { return "Next step: as it is running late, ask me to pass it to a person." }
                // A pickup is ready at the counter, it does not arrive.
                let when = order.fulfilment == "delivery" ? "hasn't arrived" : "isn't ready"
                return "Next step: if it \(when) by \(order.eta ?? "the time shown"), ask me to pass it to a person."
            }
            return "Next step: if something is wrong with it, tell me what happened and I'll pass it to Customer Care."
        case .orderChange:
            guard focus(context) != nil else { return noOrder(context) }
            return "Next step: \(careLine); this chat can't change orders."
        case .complaint where context.complaint?.kind.isAboutAVisit == true:
            // Staff, a wait, cleanliness, the shop itself or lost property: no order to quote, a person to take it up with the shop.
            return ComplaintAnswers.nextStep(context, context.complaint!)
        case .refund, .complaint:
            guard let order = focus(context) else {
                return context.slots.order == nil
                    ? "Next step: if it happened in a shop, take it back to the counter; for an order, tell me its number (it starts with ORD-)."
                    : noOrder(context)
            }
            if order.reportWindowOpen || order.returnWindowOpen || order.status != "delivered" {
                return "Next step: ask me to pass this to a person, or \(careLine)."
            }
            return "Next step: if you think the window was wrong, ask me to pass this to a person."
        case .payment:
            guard PaymentTrouble.reported(context) else {
                return "Next step: choose how to pay at checkout."
            }
            return "Next step: \(careLine) with your order number ready."
        case .receipt:
            return "Next step: e-mail \(context.care.email) with your order number to get a copy."
        // "Are you open on Christmas Day?", "open tmrw morning?": the shop open today is not where to go that day.
        case .openNow where context.holidayHours != nil || asksAnotherDay(context) || asksAShutTime(context):
            // Shut at the time asked: the shop that is open then, if one is near.
            if let open = ShopAnswers.openThen(context) {
                return "Next step: plan your visit to \(open.name) around these hours."
            }
            return "Next step: plan your visit around these hours."
        case .openNow, .nearest:
            guard let shop = goTo(context) else { return noShop(context) }
            return "Next step: head to \(shop.name); it \(ShopAnswers.statusClause(shop))."
        case .loyalty:
            let block = rules.pointsSpendBlock
            return context.shopper.loyaltyPoints >= block
                ? "Next step: use your points at checkout in blocks of \(block)."
                : "Next step: collect \(block - context.shopper.loyaltyPoints) more points to spend your first \(block)."
        case .policyQuestion:
            return "Next step: ask me to pass this to a person if you need more detail."
        case .handoff:
            return context.care.routesAsked ? "Next step: \(careLine), or ask me to pass this conversation to a person."
                : "Next step: for anything urgent, \(careLine)."
        case .thanks:
            return ""
        case .greeting, .ruleOverride, .offTopic:
            return "Next step: ask me about an order, an offer or the nearest open shop."
        }
    }

    /// Whether the hours asked about are another day's ("tomorrow (Sunday): open 07:00–22:00").
    static func asksAnotherDay(_ context: PromptContext) -> Bool {
        guard let asked = context.shops.first?.hoursAsked else { return false }
        return !asked.hasPrefix("today")
    }

    /// Whether the nearest shop is shut at the time asked today ("is anything open at midnight?"): sending the
    /// shopper there "open until 22:00" answers another question.
    static func asksAShutTime(_ context: PromptContext) -> Bool {
        context.shops.first?.hoursAsked.map(ContextBuilder.shutThen) ?? false
    }

    /// The order the message points at (or the most recent one).
    static func focus(_ context: PromptContext) -> OrderFacts? {
        if let lookup = context.orderLookup { return lookup.found ? context.orders.first { $0.id == lookup.requested } : nil }
        return context.orders.first
    }

    /// The shop to send the shopper to: the nearest one that is open and not about to close.
    static func goTo(_ context: PromptContext) -> ShopFacts? {
        context.shops.first { $0.isOpen && !$0.closingSoon && $0.withinRange }
            ?? context.shops.first { $0.isOpen && $0.withinRange }
    }

    private static func visit(_ context: PromptContext, item: String?) -> String {
        guard let shop = goTo(context) else { return noShop(context) }
        // The item was offered at a shop about to close ("At Lakeside Café you could try…"): the step names that shop
        // and its closing, then the one open longer. The other shop alone contradicted the answer above it.
        let offeredAt = context.item?.name == item ? context.item?.shop
            : context.suggestions.first { $0.name == item }?.shop
        if let item, let offeredAt, offeredAt != shop.name,
            let there = context.shops.first(where: { $0.name == offeredAt }), there.isOpen, there.withinRange {
            return "Next step: get the \(item) at \(offeredAt) (\(there.status.lowercasedFirst)); \(shop.name) is "
                + "\(shop.status.lowercasedFirst)."
        }
        let what = item.map { "get the \($0) at" } ?? "drop in at"
        return "Next step: \(what) \(shop.name)."
    }

    private static func noShop(_ context: PromptContext) -> String {
        guard let nearest = context.shops.first else {
            return "Next step: set your location on this page so I can find the nearest shop."
        }
        if !nearest.withinRange { return "Next step: set your location on this page if you are somewhere else." }
        let reopening = context.shops.first { !$0.isOpen }?.status.lowercasedFirst ?? "reopens soon"
        return "Next step: come by when \(nearest.name) is open again (\(reopening))."
    }

    private static func noOrder(_ context: PromptContext) -> String {
        if let lookup = context.orderLookup, !lookup.found {
            return lookup.requested.hasPrefix("<")
                ? "Next step: check the order number in your confirmation e-mail and send it to me."
                : "Next step: if you bought it in a shop, take it back to the counter; for an order, tell me its number (it starts with ORD-)."
        }
        return "Next step: tell me the order number from your confirmation e-mail (it starts with ORD-)."
    }

    /// A plant milk as the menu boards say it: "soy" is "soya".
    private static func spoken(_ milk: String) -> String { milk == "soy" ? "soya" : milk }
}
