import Foundation

/// "Can I use two coupons?", "my code isn't working", "can I combine a coupon with my points?", "is there a student
/// discount?": a question about how coupons work, not a wish for deals. The policy's section answers it first (the
/// retriever ranks it first), then the shopper's own coupons: both of them, with their conditions, when a code is
/// refused. Before, every such question got the list of coupons again and no rule.
enum CouponRuleAnswers {
    /// How coupons work, asked in the shopper's words.
    static let ruleWords = [
        "two coupons", "2 coupons", "two codes", "2 codes", "more than one", "multiple coupons", "several coupons",
        "combine", "combined", "stack", "stacking", "with my points", "both together", "use both", "both at once",
        "at the same time", "together",
        "with points", "expired", "expire", "expires", "extend", "reissue", "cash value", "for cash", "minimum spend",
        "minimum order", "how do coupons work", "how do coupons", "how do i use", "how to use", "where do i enter",
        "where do i put", "where do i type", "gift card", "usage limit", "twice", "use it again", "reuse",
        "welcome offer", "first order", "newsletter", "logged in", "log in",
    ] + channelWords
    /// Where a coupon works: "does it work on delivery?", "can I use it in the shop?".
    static let channelWords = ["on delivery", "for delivery", "delivery order", "delivery orders", "with delivery",
                               "online", "in store", "in the store", "in shop", "in the shop", "in a shop", "at the till",
                               "order ahead", "click and collect", "for collection", "on collection", "delivery pe",
                               "delivery par", "delivery mein", "online chalega"]
    /// Whose coupon it is ("can my friend use my coupon?"): answered by the passage on personal coupons.
    static let whoseWords = [
        "my friend", "a friend", "someone else", "somebody else", "another account", "other account", "share",
        "transfer", "give it to", "send it to", "my mum", "my mom", "my dad", "my wife", "my husband", "my partner",
        "my sister", "my brother", "to my",
    ]
    /// The words of a passage on coupons tied to an account.
    private static let whoseGloss = PolicyExcerpt.contentWords("personal issued account everyone public")
    /// A code refused at checkout.
    static let troubleWords = [
        "not working", "isnt working", "doesnt work", "dont work", "wont work", "didnt work", "not work",
        "wont apply", "not applying", "didnt apply", "doesnt apply", "not accepted", "rejected", "declined",
        "invalid", "not valid", "error", "refused", "no funciona", "nahi chal", "nahi chala", "kaam nahi",
    ]
    /// Groups of people a discount is sometimes for; named next to "discount", the chain either lists it or not.
    static let discountGroups = [
        "student", "students", "nhs", "senior", "seniors", "pensioner", "pensioners", "oap", "military", "veteran",
        "veterans", "teacher", "teachers", "staff", "employee", "corporate", "bulk", "group", "family", "birthday",
    ]
    private static let discountWords = ["discount", "discounts", "deal", "deals", "offer", "offers", "rate", "price",
                                        "prices", "concession", "descuento"]

    static func answer(_ context: PromptContext, message: String) -> [String]? {
        if let group = unlistedGroup(context, message: message) {
            return ["We don't list \(group) discount."] + OfferAnswers.offers(context).prefix(2)
        }
        let words = MessageWords(message)
        // "Does it work on delivery?": the policy's sentence on where coupons work, then the coupon meant.
        if words.containsAny(channelWords),
            let quoted = OfferedSentence.quote(naming: ["coupons", "work", "delivery", "till"], in: context.policies) {
            return [quoted] + OfferAnswers.offers(context).prefix(1)
        }
        let trouble = words.containsAny(troubleWords)
        // The passage sharing most of the gloss's words (the one on why a code is refused ranks above it, and names
        // "the account the coupon was issued to" too).
        if !trouble, words.containsAny(whoseWords), let whose = context.policies.max(by: { a, b in
            PolicyExcerpt.contentWords(a.excerpt).intersection(whoseGloss).count
                < PolicyExcerpt.contentWords(b.excerpt).intersection(whoseGloss).count
        }), PolicyExcerpt.contentWords(whose.excerpt).intersection(whoseGloss).count >= 2 {
            return ["\(whose.excerpt) [\(whose.source)]"] + OfferAnswers.offers(context).prefix(1)
        }
        guard trouble || words.containsAny(ruleWords),
            let rule = PolicyAnswers.cite(context, limit: 1, answering: message, minimumOverlap: 1).first
        else { return nil }
        return [rule] + OfferAnswers.offers(context).prefix(trouble ? 2 : 1)
    }

    /// "Is there a student discount?": the group named (with its article) next to a word for a discount, when neither
    /// the shopper's coupons nor a passage retrieved mentions it (a chain whose policy has a birthday treat is not
    /// told otherwise).
    static func unlistedGroup(_ context: PromptContext, message: String) -> String? {
        let words = MessageWords(message).words
        guard let at = words.indices.first(where: { discountGroups.contains(words[$0]) }) else { return nil }
        let near = words[at...].prefix(3) + words[..<at].suffix(3)
        guard near.contains(where: discountWords.contains) else { return nil }
        let group = words[at]
        let stem = group.count > 4 && group.hasSuffix("s") ? String(group.dropLast()) : group
        let written = context.coupons.map { OfferAnswers.sentence($0) } + context.policies.map(\.excerpt)
        guard !written.contains(where: { MessageWords($0).words.contains { $0.hasPrefix(stem) } }) else { return nil }
        // "an NHS discount", "an OAP discount", "an employee discount", "a student discount".
        return ["nhs", "oap"].contains(stem) ? "an " + stem.uppercased() : (stem == "employee" ? "an " : "a ") + stem
    }
}
