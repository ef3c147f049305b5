/// The cue phrases behind `IntentClassifier`, with weights. A weight of 1 or more decides on its own; smaller
/// weights need company ("open" alone is weak, "open now" is not).
enum IntentCues {
    struct Cue: Sendable {
        var phrase: String
        var weight: Double
    }

    static func cues(for intent: Intent) -> [Cue] {
        table[intent] ?? []
    }

    private static func strong(_ phrases: String...) -> [Cue] { phrases.map { Cue(phrase: $0, weight: 1.5) } }
    private static func weak(_ phrases: String...) -> [Cue] { phrases.map { Cue(phrase: $0, weight: 0.6) } }
    /// Phrases that look like the intent's cues but mean something else ("a cold drink" is not "I'm cold").
    private static func not(_ phrases: String...) -> [Cue] { phrases.map { Cue(phrase: $0, weight: -1.5) } }

    private static let table: [Intent: [Cue]] = [
        .comfortCold: strong("cold", "freezing", "chilly", "frozen", "shivering", "warm up", "something warm",
                             "something hot", "hot drink", "im cold", "so cold") + weak("warm", "winter", "rain")
            + not("cold drink", "cold drinks", "something cold", "cold brew", "arrived cold", "was cold", "cold when"),
        .comfortThirsty: strong("thirsty", "boiling", "so hot", "im hot", "too hot", "cool down", "something cold",
                                "cold drink", "refreshing", "parched", "iced") + weak("heat", "sunny", "drink"),
        .comfortHungry: strong("hungry", "starving", "snack", "peckish", "lunch", "breakfast", "something to eat",
                               "food") + weak("eat", "bite", "cake", "pastry") + not("food allergy"),
        .comfortTired: strong("tired", "sleepy", "exhausted", "knackered", "need coffee", "caffeine", "wake up",
                              "pick me up", "energy") + weak("coffee", "long day", "monday"),
        .offers: strong("offer", "offers", "deal", "deals", "discount", "coupon", "coupons", "promo", "voucher",
                        "promotion", "sale", "cheaper", "code", "codes") + weak("save", "free", "price"),
        .orderStatus: strong("my order", "where is my", "wheres my", "tracking", "track", "delivery", "delivered",
                             "arrive", "arrived", "late", "eta", "package", "parcel", "my stuff")
            + weak("order", "driver", "waiting"),
        .refund: strong("refund", "money back", "return", "returns", "exchange", "reimburse", "wrong order",
                        "damaged", "cold when it arrived", "charged twice", "compensation") + weak("complaint", "broken"),
        .openNow: strong("open now", "still open", "opening hours", "opening times", "closing time", "when do you close",
                         "when do you open", "open late", "open today", "open tomorrow", "hours")
            + weak("open", "close", "closed", "closing", "tonight"),
        .nearest: strong("nearest", "closest", "near me", "nearby", "around here", "directions", "how far",
                         "which store", "where is the store", "find a store") + weak("store", "shop", "cafe", "walk"),
        .loyalty: strong("points", "loyalty", "rewards", "reward", "stamps", "balance", "my card") + weak("member"),
        .dietary: strong("vegan", "vegetarian", "dairy", "lactose", "nut", "nuts", "allergy", "allergic", "allergen",
                         "allergens", "gluten", "coeliac", "celiac", "plant based", "halal", "ingredients"),
        .policyQuestion: strong("policy", "policies", "terms", "privacy", "data", "gift card", "gift cards",
                                "accessibility", "wheelchair", "am i allowed")
            + weak("rules", "allowed", "change", "cancel", "how do i", "can i"),
        .handoff: strong("human", "real person", "agent", "speak to", "talk to", "manager", "customer service",
                         "call me", "representative", "complain", "escalate"),
        .ruleOverride: strong("ignore previous", "ignore all", "ignore your", "disregard", "system prompt",
                              "your instructions", "you are now", "developer mode", "jailbreak", "pretend you",
                              "act as", "reveal", "print your prompt", "override"),
        .greeting: strong("hello", "hi", "hey", "good morning", "good evening", "thanks", "thank you", "cheers"),
    ]
}
