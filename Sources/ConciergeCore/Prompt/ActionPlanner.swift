import Foundation

/// The links and buttons an answer carries (`AnswerAction`), decided in code from the same masked context as the
/// next step (`NextStepPlanner`), so that an action never contradicts what the answer says: an order action only
/// for an order of the shopper's that the answer is about, offers only when a coupon is usable, directions only to
/// a shop the answer sends the shopper to (open, within range), the account page only for an account task, and
/// the hand-off only while none is open.
///
/// The context is masked: an order's id there is its placeholder. `unmask` turns it back into the real id, which
/// must then be a well-formed order id; anything else is dropped rather than linked.
enum ActionPlanner {
    /// At most this many actions under one answer: the next step, and what the answer's other asks pointed at.
    static var limit: Int { 3 }

    static func actions(for context: PromptContext, unmask: (String) -> String, shop: (String) -> Shop?)
        -> [AnswerAction]
    {
        guard context.choices.isEmpty, let main = context.intents.first.flatMap(Intent.init(rawValue:)) else { return [] }
        let intents = context.intents.compactMap(Intent.init(rawValue:))
        // When the account page answers the message first, its link leads too.
        var actions: [AnswerAction] = AccountTask.leads(context) ? [.account] : []
        for intent in [main] + intents.dropFirst() {
            actions += action(for: intent, context: context, unmask: unmask, shop: shop)
        }
        // The account page, where this website does what the chat cannot (delete the account, change the password).
        if !context.account.isEmpty { actions.append(.account) }
        // Only when the next step suggests a person now: "if it hasn't arrived by 15:30, ask me to pass it to a
        // person" is a step for later, and a button would invite it early.
        let step = context.nextStep
        if context.handoff == nil, !step.hasPrefix("Next step: if"),
            step.contains("pass this to a person") || step.contains("pass it to a person") {
            actions.append(.handoff)
        }
        var seen = Set<AnswerAction>()
        return Array(actions.filter { seen.insert($0).inserted }.prefix(limit))
    }

    /// True unless the message names an item the order does not hold or a shop it did not come from.
    static func mayBeAbout(_ order: OrderFacts, slots: SlotFacts) -> Bool {
        if let item = slots.item, !order.items.localizedCaseInsensitiveContains(item) { return false }
        if let shop = slots.shop, order.shop.caseInsensitiveCompare(shop) != .orderedSame { return false }
        return true
    }

    private static func action(for intent: Intent, context: PromptContext, unmask: (String) -> String,
                               shop: (String) -> Shop?) -> [AnswerAction] {
        switch intent {
        case .orderStatus, .orderChange, .refund, .complaint, .payment, .receipt:
            // A general question ("how long do refunds take?") is answered by the policy, not by an order.
            guard !context.slots.general, let order = NextStepPlanner.focus(context) else { return [] }
            if [.payment, .receipt].contains(intent), context.slots.order == nil { return [] }
            // "My latte at Lakeside was lukewarm" names no order: the latest one is about it only if it holds that
            // item and came from that shop. Otherwise a link to another order would read as the answer's subject.
            // A complaint about a visit (a rude barista, an umbrella left behind) is about no order at all.
            if intent == .complaint, context.slots.order == nil,
                context.complaint?.kind.isAboutAVisit == true || !Self.mayBeAbout(order, slots: context.slots) {
                return []
            }
            let id = unmask(order.id)
            return Order.isValidID(id) ? [.order(id)] : []
        case .offers:
            return context.coupons.isEmpty ? [] : [.offers]
        case .comfortCold, .comfortThirsty, .comfortHungry, .comfortTired, .menu, .dietary, .openNow, .nearest:
            // The shop the next step sends the shopper to: open, not about to close, within range.
            guard let facts = NextStepPlanner.goTo(context), let found = shop(facts.name) else { return [] }
            return [.directions(to: found)]
        default:
            return []
        }
    }
}
