/// What a message names besides its intents: the order, item, shop and time it is about, the diet or allergen, the
/// contact channel asked for, how the shopper feels and the language. Values follow
/// `Seeds/eval/understanding/README.md`, so the labelled sets score against them directly.
public struct Slots: Codable, Hashable, Sendable {
    public var order: OrderSlot?
    /// A menu item as the menu spells it, or a lower-case generic word ("latte") when it is not on the menu.
    public var item: String?
    /// A shop named, as the chain spells it.
    public var shop: String?
    /// "now", "HH:MM", "tomorrow", "tomorrow HH:MM" or a weekday.
    public var time: String?
    /// Diets and allergens named ("nuts", "vegan"…), in the order of `DietTerm.allCases`.
    public var diet: [DietTerm]
    public var channel: ContactChannel?
    public var sentiment: Sentiment?
    /// `nil` for English.
    public var language: MessageLanguage?

    public init(order: OrderSlot? = nil, item: String? = nil, shop: String? = nil, time: String? = nil,
                diet: [DietTerm] = [], channel: ContactChannel? = nil, sentiment: Sentiment? = nil,
                language: MessageLanguage? = nil) {
        self.order = order
        self.item = item
        self.shop = shop
        self.time = time
        self.diet = diet
        self.channel = channel
        self.sentiment = sentiment
        self.language = language
    }
}

/// How a message points at an order.
public struct OrderSlot: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// `ORD-…` typed out.
        case id
        /// "my order", "my last order".
        case latest
        /// Named by what was in it ("the banana bread I ordered").
        case item
        /// Named by when ("yesterday's order", "last month"): `today`, `yesterday`, `last-week`, `last-month`,
        /// a weekday, or an ISO date.
        case date
    }

    public var kind: Kind
    public var value: String?

    public init(kind: Kind, value: String? = nil) {
        self.kind = kind
        self.value = value
    }
}

public enum DietTerm: String, Codable, CaseIterable, Sendable {
    case nuts, dairy, gluten, egg, soy, sesame, vegan, vegetarian, halal, caffeine

    /// The allergens among the terms: what a menu's tags must answer for ("contains"), never promise away.
    public var isAllergen: Bool { [.nuts, .dairy, .gluten, .egg, .soy, .sesame].contains(self) }
}

public enum ContactChannel: String, Codable, Sendable {
    case email, phone
}

public enum Sentiment: String, Codable, Sendable {
    /// Something went wrong with a product or service.
    case complaint
    /// Annoyed with us or with the chat itself.
    case frustration
    case thanks
}

public enum MessageLanguage: String, Codable, Sendable {
    case es, hinglish, other
}

extension Slots {
    enum CodingKeys: String, CodingKey { case order, item, shop, time, diet, channel, sentiment, language }

    /// Absent slots are absent in the labelled sets' JSON: every key is optional.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(order: try values.decodeIfPresent(OrderSlot.self, forKey: .order),
                  item: try values.decodeIfPresent(String.self, forKey: .item),
                  shop: try values.decodeIfPresent(String.self, forKey: .shop),
                  time: try values.decodeIfPresent(String.self, forKey: .time),
                  diet: try values.decodeIfPresent([DietTerm].self, forKey: .diet) ?? [],
                  channel: try values.decodeIfPresent(ContactChannel.self, forKey: .channel),
                  sentiment: try values.decodeIfPresent(Sentiment.self, forKey: .sentiment),
                  language: try values.decodeIfPresent(MessageLanguage.self, forKey: .language))
    }
}
