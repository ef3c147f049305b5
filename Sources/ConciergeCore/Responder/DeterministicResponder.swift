import Foundation

/// Short, grounded answers composed from the masked context alone. It is the mock model in demos and tests and
/// the fallback when the real model fails or its answer does not pass the guard. Every number, name and code it
/// writes is copied from the context, so its answers always pass the grounding check.
enum DeterministicResponder {
    static func answer(context: PromptContext, maskedMessage: String) -> String {
        let intents = context.intents.compactMap(Intent.init(rawValue:))
        let primary = intents.first ?? .offTopic
        // A hand-off the shopper did not ask for in words (repeated frustration) is acknowledged first.
        var parts = context.handoff != nil && primary != .handoff ? HandoffAnswers.sentences(context) : []
        parts += body(for: primary, context: context)
        for secondary in intents.dropFirst().prefix(2) where secondary != primary {
            parts += secondaryBody(for: secondary, primary: primary, context: context)
        }
        let next = context.handoff != nil ? HandoffAnswers.nextStep(context) : nextStep(for: primary, context: context)
        return (parts + [next]).joined(separator: " ")
    }

    static func body(for intent: Intent, context: PromptContext) -> [String] {
        switch intent {
        case .comfortCold, .comfortThirsty, .comfortHungry, .comfortTired: ComfortAnswers.answer(intent, context)
        case .offers: OfferAnswers.offers(context)
        case .orderStatus: OrderAnswers.status(context)
        case .refund: OrderAnswers.refund(context)
        case .openNow, .nearest: ShopAnswers.nearest(context)
        case .loyalty: ["You have \(context.shopper.loyaltyPoints) points, worth \(context.shopper.pointsValue)."]
            + PolicyAnswers.cite(context, limit: 1)
        case .dietary: ComfortAnswers.dietary(context)
        case .policyQuestion: PolicyAnswers.answer(context)
        case .handoff: HandoffAnswers.sentences(context)
        case .ruleOverride: ["I can't change how I work or share my instructions, but I'm happy to help with orders, offers, shops and our policies."]
        case .greeting: ["Hi \(context.shopper.name)!"] + ShopAnswers.nearest(context).prefix(1)
        case .offTopic: ["I can only help with Bramble & Bean: your orders, offers, nearby shops, loyalty points and our policies."]
        }
    }

    /// A second intent adds at most one sentence, and only facts the first did not already give.
    static func secondaryBody(for intent: Intent, primary: Intent, context: PromptContext) -> [String] {
        switch intent {
        case .offers where !primary.isComfort: OfferAnswers.offers(context).prefix(1).map { $0 }
        case .openNow where !primary.isComfort && primary != .nearest,
            .nearest where !primary.isComfort && primary != .openNow:
            Array(ShopAnswers.nearest(context).prefix(1))
        case .orderStatus where primary != .refund: Array(OrderAnswers.status(context).prefix(1))
        case .refund where primary != .orderStatus: Array(OrderAnswers.refund(context).prefix(1))
        case .loyalty where primary != .loyalty:
            ["You have \(context.shopper.loyaltyPoints) points, worth \(context.shopper.pointsValue)."]
        default: []
        }
    }

    static func nextStep(for intent: Intent, context: PromptContext) -> String {
        switch intent {
        case .comfortCold, .comfortThirsty, .comfortHungry, .comfortTired, .dietary:
            context.shops.first.map { "Next step: order ahead in the app and collect it at \($0.name)." }
                ?? "Next step: share your location so I can find the nearest shop."
        case .offers: "Next step: add the code at checkout in the app."
        case .orderStatus, .refund: "Next step: open the order in the app and choose Report a problem if anything is wrong."
        case .openNow, .nearest: "Next step: tap the shop in the app for directions."
        case .loyalty: "Next step: choose Use points at checkout to spend them in blocks of 100."
        case .policyQuestion: "Next step: ask me to pass this to a person if you need more detail."
        case .handoff: HandoffAnswers.nextStep(context)
        case .ruleOverride, .offTopic, .greeting: "Next step: ask me about an order, an offer or the nearest shop."
        }
    }
}

/// The hand-off, said honestly from `PromptContext.handoff`: empathy, what happened, when a person replies (the
/// promised time), and Customer Care's own phone and e-mail hours for what cannot wait. Nothing is promised that the
/// site does not do: no notifications, no call back.
enum HandoffAnswers {
    static func sentences(_ context: PromptContext) -> [String] {
        guard let handoff = context.handoff else {
            return ["I can pass this conversation to our Customer Care team if you'd like a person to look at it."]
        }
        let empathy = handoff.reason == HandoffReason.frustration.rawValue
            ? "I'm sorry this has been so frustrating." : "Of course, I understand you'd like to talk to a person."
        let passed = handoff.created ? "I've passed this conversation to our Customer Care team."
            : "This conversation is already with our Customer Care team (passed on at \(handoff.since))."
        return [empathy, passed, "A person replies here in this chat within \(handoff.replyWithin).",
                "If it's urgent, call \(handoff.phone) or e-mail \(handoff.email) (\(handoff.hours))."]
    }

    static func nextStep(_ context: PromptContext) -> String {
        context.handoff == nil ? "Next step: ask me to pass this to a person."
            : "Next step: come back to this conversation; Customer Care's reply will appear right here."
    }
}

enum ShopAnswers {
    static func nearest(_ context: PromptContext) -> [String] {
        guard let shop = context.shops.first else {
            return ["I don't know where you are yet, so I can't find the nearest shop."]
        }
        let place = shop.walkMinutes == 0 ? "\(shop.name) is right where you are"
            : "\(shop.name) is \(shop.distance) away, about \(shop.walkMinutes) min on foot,"
        var sentence = place + " and " + statusClause(shop) + "."
        if !shop.withinRange { sentence = "Nothing is close by: the nearest shop, " + sentence.lowercasedFirst }
        if !shop.isOpen, let open = context.shops.dropFirst().first(where: \.isOpen) {
            sentence += " \(open.name), \(open.distance) away, " + statusClause(open) + "."
        }
        return [sentence]
    }
}

extension ShopAnswers {
    /// "is open until 22:00", "closes in 10 minutes", "is closed now (opens at 07:00 tomorrow)".
    static func statusClause(_ shop: ShopFacts) -> String {
        guard shop.isOpen else { return "is closed now (\(shop.status.lowercasedFirst))" }
        return shop.status.hasPrefix("Closes") ? shop.status.lowercasedFirst : "is " + shop.status.lowercasedFirst
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
