import Foundation

enum ComfortAnswers {
    static func answer(_ intent: Intent, _ context: PromptContext) -> [String] {
        var parts = ShopAnswers.nearest(context)
        guard let item = context.suggestions.first else { return parts }
        let fit = switch intent {
        case .comfortCold: "should warm you up"
        case .comfortThirsty: "will cool you down"
        case .comfortHungry: "will keep you going"
        default: "will give you a lift"
        }
        parts.append("\(item.name) (\(item.price)) \(fit)\(dietNote(context)).")
        if let coupon = context.coupons.first {
            parts.append(OfferAnswers.sentence(coupon))
        }
        return parts
    }

    static func dietary(_ context: PromptContext) -> [String] {
        let names = context.suggestions.map { "\($0.name) (\($0.price))" }
        var parts: [String] = names.isEmpty
            ? ["I couldn't find an item on the nearest menu that suits you\(dietList(context))."]
            : ["At \(context.suggestions[0].shop), \(names.joined(separator: ", ")) suit you\(dietList(context))."]
        parts += PolicyAnswers.cite(context, limit: 1)
        return parts
    }

    static func dietList(_ context: PromptContext) -> String {
        let needs = context.shopper.dietary.map { $0 == "nut-allergy" ? "nut-free" : $0 }
        return needs.isEmpty ? "" : " (" + needs.joined(separator: ", ") + ")"
    }

    static func dietNote(_ context: PromptContext) -> String {
        let needs = context.shopper.dietary.map { $0 == "nut-allergy" ? "nut-free" : $0 }
        return needs.isEmpty ? "" : " and is " + needs.joined(separator: ", ")
    }
}

enum OfferAnswers {
    static func offers(_ context: PromptContext) -> [String] {
        guard !context.coupons.isEmpty else { return ["No coupons are valid for you right now."] }
        return context.coupons.prefix(2).map(sentence)
    }

    static func sentence(_ coupon: CouponFacts) -> String {
        let minimum = coupon.minimumSpend.map { " on orders of \($0) or more" } ?? ""
        return "\(coupon.code) gives \(coupon.discount) \(coupon.appliesTo)\(minimum) until \(coupon.validUntil)."
    }
}

enum OrderAnswers {
    static func status(_ context: PromptContext) -> [String] {
        if let lookup = context.orderLookup, !lookup.found {
            return ["I can't find \(lookup.requested) on your account; please check the number in your confirmation e-mail."]
        }
        guard let order = focus(context) else { return ["I can't see any orders on your account yet."] }
        let what = "\(order.id) (\(order.items), \(order.total)) from \(order.shop)"
        switch order.status {
        case "placed", "preparing":
            return ["\(what) is \(order.status)" + (order.eta.map { ", expected \($0)" } ?? "") + "."]
                + (order.canCancel ? ["You can still cancel it free of charge."] : [])
        case "in_transit":
            let late = order.isLate ? " It is running late, so the delivery fee will be refunded automatically." : ""
            return ["\(what) is on its way" + (order.eta.map { ", expected \($0)" } ?? "") + "." + late]
        case "delivered": return ["\(what) was delivered" + (order.delivered.map { " \($0)" } ?? "") + "."]
        case "refunded": return ["\(what) was refunded."]
        default: return ["\(what) was cancelled, so nothing was charged for it."]
        }
    }

    static func refund(_ context: PromptContext) -> [String] {
        if let lookup = context.orderLookup, !lookup.found {
            return ["I can't find \(lookup.requested) on your account; please check the number in your confirmation e-mail."]
        }
        let named = context.orderLookup.flatMap { lookup in context.orders.first { $0.id == lookup.requested } }
        guard let order = named ?? context.orders.first(where: { $0.status == "delivered" }) ?? focus(context) else {
            return ["I can't see any orders on your account to refund."] + PolicyAnswers.cite(context, limit: 1)
        }
        var parts: [String] = []
        if order.status == "delivered" {
            parts.append(order.reportWindowOpen
                ? "For \(order.id) you can still report a problem with fresh food or drinks until \(order.reportProblemsUntil ?? "")."
                : "The window to report problems with fresh items from \(order.id) closed \(order.reportProblemsUntil ?? "")."
            )
            if let until = order.returnPackagedUntil {
                parts.append(order.returnWindowOpen ? "Unused packaged goods can be returned until \(until)."
                             : "The return window for its packaged goods closed \(until).")
            }
        } else {
            parts += status(context).prefix(1)
        }
        return parts + PolicyAnswers.cite(context, limit: 1)
    }

    /// The order the message named, else the most recent one.
    static func focus(_ context: PromptContext) -> OrderFacts? {
        if let lookup = context.orderLookup { return context.orders.first { $0.id == lookup.requested } }
        return context.orders.first
    }
}

enum PolicyAnswers {
    static func answer(_ context: PromptContext) -> [String] {
        guard !context.policies.isEmpty else {
            return ["I don't know that one from our policies, and I'd rather not guess."]
        }
        return cite(context, limit: 1)
    }

    /// The first sentence or two of the best policy section, with its source.
    static func cite(_ context: PromptContext, limit: Int) -> [String] {
        context.policies.prefix(limit).map { policy in
            "\(firstSentences(policy.text)) [\(policy.source)]"
        }
    }

    static func firstSentences(_ text: String) -> String {
        // Prose only: table rows and headings read badly when flattened into a chat answer.
        let prose = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.hasPrefix("|") && !$0.hasPrefix("#") && !$0.isEmpty }
            .map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
        let plain = prose.joined(separator: " ").replacingOccurrences(of: "**", with: "")
        var result = ""
        var count = 0
        // Split at ". " only, so prices such as £1.50 stay whole.
        for sentence in plain.components(separatedBy: ". ") {
            let trimmed = sentence.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            result += (result.isEmpty ? "" : " ") + trimmed + (trimmed.hasSuffix(".") ? "" : ".")
            count += 1
            if count == 2 || result.count > 160 { break }
        }
        return result
    }
}
