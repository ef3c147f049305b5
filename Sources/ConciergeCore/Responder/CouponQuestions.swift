import Foundation

/// A question about one coupon of those the shopper was shown: "does that work at Soho Roastery?", "what about the
/// other one?". The context's coupons are ranked the same way every turn, so "that" is the first one the last answer
/// gave and "the other one" the second; `ContextBuilder` puts the one meant first, so the answer and the next step
/// name the same code. Before, such follow-ups got the whole list again, with no word about the shop asked.
enum CouponQuestions {
    /// Which coupon the message points at, by its place in the list: 0, 1, or `nil` when it points at none.
    static func pointer(in message: String) -> Int? { pointer(in: MessageWords(message)) }

    static func pointer(in words: MessageWords) -> Int? {
        if words.containsAny(["other one", "the other", "second one", "2nd one", "the second", "dusra", "el otro"]) {
            return 1
        }
        let pointsAtOne = words.containsAny(["that", "it", "this", "that one", "this one", "the code", "that code",
                                             "the coupon", "that coupon"])
        return pointsAtOne && asksWhere(words) ? 0 : nil
    }

    /// "Work at", "valid in", "use it there": where a coupon can be used.
    private static func asksWhere(_ words: MessageWords) -> Bool {
        words.containsAny(["work at", "works at", "work in", "valid at", "valid in", "use it at", "use that at",
                           "use this at", "good at", "accepted at", "work there", "valid there", "use it there",
                           "use it in", "apply at", "where can i use", "where do i use", "where does it work",
                           "where is it valid", "where can it be used"])
    }

    /// Where the coupon meant can be used, asked without a shop ("where can I use it?", "where can I use
    /// AVA20COCOA?"): its terms alone did not say.
    static func whereValid(_ context: PromptContext, message: String) -> [String]? {
        let words = MessageWords(message)
        guard context.slots.shop == nil, asksWhere(words), let coupon = context.coupons.first,
            pointer(in: words) != nil || context.slots.couponCode == coupon.code
        else { return nil }
        let place = coupon.validAt == "all our shops" ? "works at all our shops" : "only works at \(coupon.validAt)"
        return ["\(coupon.code) \(place).", OfferAnswers.sentence(coupon)]
    }

    /// Whether the coupon meant (the context's first) can be used at the shop the message names.
    static func atShop(_ context: PromptContext, message: String) -> [String]? {
        guard let shop = context.slots.shop, let coupon = context.coupons.first, pointer(in: message) != nil
        else { return nil }
        let terms = OfferAnswers.sentence(coupon)
        switch coupon.validAt {
        case "all our shops": return ["\(coupon.code) works at all our shops, \(shop) included.", terms]
        case shop: return ["\(coupon.code) works at \(shop).", terms]
        // Two sentences: the grounding check reads a sentence naming a coupon and another shop as a claim that the
        // coupon is valid there, negation or not.
        default: return ["\(coupon.code) only works at \(coupon.validAt).", "It can't be used at \(shop).", terms]
        }
    }
}
