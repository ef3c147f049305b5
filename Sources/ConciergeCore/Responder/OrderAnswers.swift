import Foundation

/// Answers about the shopper's orders: where one is, what can still be changed, what can be refunded, and what
/// to do when something was wrong (`ComplaintAnswers` words the apology and what the chain does about it). The order is the one the message pointed at, else the most recent.
enum OrderAnswers {
    /// "Where do I find my order number?": the numbers of the latest orders, then where the policy says they are
    /// shown. `nil` when the message does not ask for an order's number.
    static func number(_ context: PromptContext, message: String) -> [String]? {
        guard context.orderLookup == nil, MessageWords(message).containsAny(numberWords) else { return nil }
        guard let latest = context.orders.first else { return ["I can't see any orders on your account yet."] }
        let earlier = context.orders.dropFirst().prefix(2).map { "\($0.id) (placed \($0.placed))" }
        return ["Your most recent order is \(latest.id) (\(latest.items), placed \(latest.placed))"
                + (earlier.isEmpty ? "." : "; before it, \(earlier.joined(separator: " and "))."),]
            + whereNumbersAreShown(context)
    }

    /// The policy's sentence saying where order numbers are shown ("You will find it under Orders…"), with the
    /// sentence it leans on.
    private static func whereNumbersAreShown(_ context: PromptContext) -> [String] {
        for policy in context.policies where MessageWords(policy.text).containsAny(["order number"]) {
            let sentences = PolicyExcerpt.sentences(of: policy.text)
            // "You will find it under Orders…" after "Every order has an order number…": where the number is found,
            // not where something else is shown ("Guest orders… are only shown in the confirmation email").
            for (at, sentence) in sentences.enumerated() where MessageWords(sentence).containsAny(["find", "found"]) {
                let leans = at > 0 && PolicyExcerpt.leansBack(sentence)
                let quoted = leans ? sentences[at - 1] + " " + sentence : sentence
                guard MessageWords(quoted).containsAny(["order number"]), !MessageWords(sentence).containsAny(["cannot", "cant"])
                else { continue }
                return ["\(quoted) [\(policy.source)]"]
            }
        }
        return []
    }

    static let numberWords = ["order number", "order id", "order no", "order ref", "order reference", "order num",
                              "reference number", "order code", "numero de pedido", "order ka number"]

    static func status(_ context: PromptContext) -> [String] {
        if let missing = notFound(context) { return [missing] }
        guard let order = NextStepPlanner.focus(context) else { return ["I can't see any orders on your account yet."] }
        return status(of: order)
    }

    static func status(of order: OrderFacts) -> [String] {
        let what = "\(order.id) (\(order.items), \(order.total)) from \(order.shop)"
        switch order.status {
        case "placed", "preparing":
            let ready = order.fulfilment == "pickup" ? ", ready for collection" : ", expected"
            // Past its expected time it is said to be late, as the next step already says ("as it is running late").
            let late = !order.isLate ? [] : [order.deliveryFeeRefundDue
                ? "It is running late, so the delivery fee will be refunded automatically." : "It is running late."]
            return ["\(what) is \(order.status)" + (order.eta.map { "\(ready) \($0)" } ?? "") + "."] + late
                + (order.canCancel ? ["You can still cancel it free of charge."] : [])
        case "in_transit":
            let late = order.isLate ? " It is running late, so the delivery fee will be refunded automatically." : ""
            return ["\(what) is on its way" + (order.eta.map { ", expected \($0)" } ?? "") + "." + late]
        case "delivered":
            let verb = order.fulfilment == "pickup" ? "was collected" : "was delivered"
            let refund = order.refund.map { [" A refund is \($0)."] } ?? []
            return ["\(what) \(verb)" + ((order.collected ?? order.delivered).map { " \($0)" } ?? "") + "."] + refund
        case "refunded":
            return ["\(what) was refunded" + (order.refund.map { " (\($0))" } ?? "") + (order.payment.map { " to \($0)" } ?? "") + "."]
        default: return ["\(what) was cancelled, so nothing was charged for it."]
        }
    }

    /// Statuses of an order still to be made or delivered.
    static let pending: Set<String> = ["placed", "preparing", "in_transit"]

    static func change(_ context: PromptContext, message: String) -> [String] {
        if let missing = notFound(context) { return [missing] }
        guard let order = NextStepPlanner.focus(context) else { return ["I can't see any orders on your account to change."] }
        let words = MessageWords(message)
        let asksAddress = words.containsAny(["address", "deliver to", "direccion", "pata"]) || message.contains("<ADDRESS")
        if order.canCancel || order.canChangeAddress {
            var can: [String] = []
            if order.canChangeAddress || (!asksAddress && order.canCancel) { can.append("changed") }
            if order.canCancel { can.append("cancelled") }
            return ["\(order.id) is still \(order.status), so it can still be \(can.joined(separator: " or ")) free of charge.",
                    "I can't make the change from this chat, but Customer Care can."]
        }
        let state = switch order.status {
        case "preparing": "is already being prepared"
        case "in_transit": "is already on its way"
        case "delivered": order.fulfilment == "pickup" ? "has already been collected" : "has already been delivered"
        case "refunded": "has been refunded"
        default: "was cancelled"
        }
        let what = asksAddress && order.fulfilment == "delivery" ? "its delivery address" : "it"
        return ["\(order.id) \(state), so \(what) can't be changed any more."]
            + (order.status == "delivered" ? refundWindow(order) : [])
    }

    /// "My order never came", "still hasn't arrived", "nahi aaya": the shopper is waiting for an order, so the refund
    /// asked for is about one still on its way, not the last one delivered.
    static let notArrived = ["never came", "never arrived", "not arrived", "hasnt arrived", "hasnt come", "havent got",
                             "didnt arrive", "didnt come", "never got", "never received", "not received", "havent received",
                             "still waiting", "never showed up", "never turned up", "not here yet", "still not here",
                             "nahi aaya", "nahi aayi", "nahi mila", "no ha llegado", "no llego", "nunca llego"]

    static func refund(_ context: PromptContext, message: String = "") -> [String] {
        if let missing = notFound(context) { return [missing] }
        // "I lost my receipt, can I still return the mug?": what the policy takes instead leads.
        if MessageWords(message).containsAny(ShopperUnderstanding.receiptGone),
            let instead = OfferedSentence.quote(naming: ["receipt", "order", "number"], in: context.policies) {
            return [instead] + refundWithReceipt(context, message: message).filter { !$0.contains(instead.prefix(40)) }
        }
        return refundWithReceipt(context, message: message)
    }

    private static func refundWithReceipt(_ context: PromptContext, message: String) -> [String] {
        // The order it is about: one still to come when the shopper says it never came, unless they named another.
        if context.slots.order == nil || context.slots.order == "latest", MessageWords(message).containsAny(notArrived),
            let waiting = context.orders.first(where: { pending.contains($0.status) }) {
            // A late order's line already says what the late rule gives; one on time gets that rule from the policy.
            let lateRule = context.policies.first { $0.excerpt.localizedCaseInsensitiveContains("arrive") }
            return status(of: waiting) + (waiting.isLate ? [] : lateRule.map { ["\($0.excerpt) [\($0.source)]"] } ?? [])
        }
        if context.orders.isEmpty { return ["I can't see any orders on your account to refund."] + PolicyAnswers.cite(context, limit: 1) }
        // "How long do refunds take?" is about the policy; only a message that points at an order gets its windows.
        guard context.slots.order != nil || context.orderLookup?.found == true else {
            // "When will my refund come?": the sentence with the time, not the first passage retrieved.
            let timing = asksWhenRefundComes(MessageWords(message)) ? refundTiming(context, message: message) : []
            if timing.isEmpty, !context.slots.general, asksForOwnRefund(MessageWords(message)) { return whichOrder(context) }
            return timing.isEmpty ? PolicyAnswers.answer(context) : timing
        }
        let pointed = context.slots.order != "latest" ? NextStepPlanner.focus(context) : nil
        guard let order = pointed ?? context.orders.first(where: { $0.status == "delivered" }) ?? NextStepPlanner.focus(context)
        else { return ["I can't see any orders on your account to refund."] + PolicyAnswers.cite(context, limit: 1) }
        let parts = order.status == "delivered" ? refundWindow(order) : Array(status(context).prefix(1))
        let timing = refundTiming(context, message: message)
        return parts + (timing.isEmpty ? PolicyAnswers.cite(context, limit: 1) : timing)
    }

    /// "Refund pls", "I want my money back": a refund of the shopper's own, with no order named or reported on.
    static func asksForOwnRefund(_ message: MessageWords) -> Bool {
        message.containsAny(["refund pls", "refund plz", "refund please", "want a refund", "need a refund", "refund me",
                             "my money back", "give me a refund", "paisa wapas", "paise wapas", "quiero un reembolso"])
            || message.words.count <= 3 && message.containsAny(["refund", "reembolso"])
    }

    /// Which order a refund is for, with the recent ones to choose from: quoting a passage on partial refunds would
    /// answer a question nobody asked.
    static func whichOrder(_ context: PromptContext) -> [String] {
        let recent = context.orders.prefix(3).map { "\($0.id) (\($0.items), \($0.status.replacingOccurrences(of: "_", with: " ")))" }
        return ["Which order is the refund for? Your recent ones are \(ItemAnswers.list(Array(recent), joinedBy: "and"))."]
    }

    /// "…also how long do refunds take?": the policy's sentence with the time, not the first passage retrieved.
    static func refundTiming(_ context: PromptContext, message: String) -> [String] {
        guard MessageWords(message).containsAny(refundWhen) else { return [] }
        // The passage's excerpt when it has the time ("…within 5 working days. Your bank may then take another 3 to 5
        // working days…"), else the one sentence that does.
        let timing: Set<String> = ["refund", "working", "days"]
        let cited = PolicyAnswers.cite(context, limit: 1)
        if cited.contains(where: { timing.isSubset(of: MessageWords.fold($0)) }) { return cited }
        if let policy = context.policies.first(where: { timing.isSubset(of: MessageWords.fold($0.excerpt)) }) {
            return ["\(policy.excerpt) [\(policy.source)]"]
        }
        return OfferedSentence.quote(naming: Array(timing).sorted(), in: context.policies).map { [$0] } ?? []
    }

    /// "When will my refund come?", "mera refund kab tak aayega": when the money comes back, not how long there is
    /// to return something.
    static func asksWhenRefundComes(_ message: MessageWords) -> Bool {
        message.containsAny(refundWhen) && message.containsAny(refundWords)
    }

    /// The money back itself, not the window to return something ("how long do I have to return a mug?").
    private static let refundWords = ["refund", "refunds", "refunded", "my money", "money back", "paisa", "paise", "reembolso",
                              "dinero"]

    /// Asking when a refund comes, as shoppers type it (Hinglish "kab tak aayega", "kab milega").
    private static let refundWhen = ["how long", "how many days", "how soon", "when will i get", "when do i get",
                             "when will the refund", "when will my refund", "when will my money", "when do i get my money",
                             "kitne din", "kab tak", "kab milega", "kab aayega", "kab ayega", "cuanto tarda",
                             "cuanto tiempo", "cuando"]

    /// For a payment question about an order: how it was paid (brand and last four only).
    static func payment(_ context: PromptContext) -> [String] {
        guard context.slots.order != nil, let order = NextStepPlanner.focus(context), let payment = order.payment else { return [] }
        return ["\(order.id) (\(order.total)) was paid with \(payment)."]
    }

    static func refundWindow(_ order: OrderFacts) -> [String] {
        var parts = [order.reportWindowOpen
            ? "For \(order.id) you can still report a problem with fresh food or drinks until \(order.reportProblemsUntil ?? "")."
            : "The window to report problems with fresh items from \(order.id) closed \(order.reportProblemsUntil ?? "")."]
        if let until = order.returnPackagedUntil {
            parts.append(order.returnWindowOpen ? "Unused packaged goods can be returned until \(until)."
                         : "The return window for its packaged goods closed \(until).")
        }
        return parts
    }

    static func notFound(_ context: PromptContext) -> String? {
        guard let lookup = context.orderLookup, !lookup.found else { return nil }
        guard lookup.requested.hasPrefix("<") else {
            return "I can't find \(lookup.requested) on your account; if you bought it in a shop, the team there can help."
        }
        return "I can't find \(lookup.requested) on your account; please check the number in your confirmation e-mail."
    }
}

