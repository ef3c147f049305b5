import Foundation

/// Everything the model may use to answer, already masked or coarse: placeholders instead of the shopper's
/// name and order ids, shop names and distances instead of coordinates, the city instead of the address.
///
/// It is serialised as JSON into the prompt; the mock LLM reads the same JSON back, so what the mock answers
/// from is exactly what a real model would see.
public struct PromptContext: Codable, Hashable, Sendable {
    /// The chain's name, from data.
    public var chain: String
    public var now: String
    /// The asks to answer, main first (the understanding step's reading); empty when `choices` are offered.
    public var intents: [String]
    /// What the message named, masked (an order id is its placeholder).
    public var slots: SlotFacts
    /// "Did you want A or B?" in the shopper's words, when the message was not clear.
    public var choices: [String]
    public var shopper: ShopperFacts
    public var location: String
    public var shops: [ShopFacts]
    public var suggestions: [ItemFacts]
    public var coupons: [CouponFacts]
    public var orders: [OrderFacts]
    /// Set when the message named an order id: whether it is one of the shopper's orders.
    public var orderLookup: OrderLookup?
    public var policies: [PolicyFacts]
    /// The menu item the shopper asked about, at the shop it was looked up in.
    public var item: AskedItem?
    /// How a shopper reaches a person, and what this chat cannot do.
    public var care: CareFacts
    public var handoffRequested: Bool
    /// Set when this conversation is with Customer Care (passed on by this turn, or earlier and still open): what
    /// the answer may promise, and nothing more.
    public var handoff: HandoffFacts?
    /// The one next step, decided in code so that it never contradicts the facts above.
    public var nextStep: String
    /// Account tasks the message asks about (delete the account, change the password…): this website does them on
    /// the account page, which this chat cannot do for the shopper.
    public var account: [AccountTaskFacts] = []
    /// Amenities the message asks about ("is there wifi?"), answered from the shop's own record; `nil` when none is
    /// asked (left out of the prompt, and contexts written before it existed still decode).
    public var amenities: [AmenityFacts]? = nil
    /// What the shopper asked of the menu beyond one item: describing words, a price cap, caffeine, items compared or
    /// asked for by name ("do you sell beans?"), each looked up on the nearest menu (`MenuFacts.build`).
    public var menu: MenuFacts? = nil
    /// What the complaint is about (food or drink, staff, a wait, cleanliness, the shop itself, lost property), read from the message
    /// by fixed word lists (`ComplaintReader`), when the message complains or reports something left behind.
    public var complaint: ComplaintFacts? = nil
    /// Whether the chain offers what the message asks for in so many words ("do you have oat milk?").
    public var offering: OfferingFacts? = nil
    /// Whether a way to pay the message asks about ("can I pay with UPI?") is one the payment policy lists.
    public var paymentMethod: PaymentMethodFacts? = nil
    /// The policy's sentence for a holiday the message names ("Christmas Day: all shops are closed."): today's status
    /// does not answer "are you open on Christmas Day?", and today's shop is not its next step.
    public var holidayHours: String? = nil

    /// What the chain publishes and the model was given unmasked — the policy passages — which the output guard lets
    /// an answer quote word for word (an example order number is no one's).
    public var publishedText: [String] { policies.flatMap { [$0.text, $0.excerpt] } }
}

public struct SlotFacts: Codable, Hashable, Sendable {
    public var order: String?
    public var item: String?
    public var shop: String?
    public var time: String?
    public var diet: [String]
    public var channel: String?
    public var sentiment: String?
    public var language: String?
    public var followUp: Bool
    /// The message asks how something works in general ("how long does delivery take?"), not about one of the
    /// shopper's orders: the policy answers it.
    public var general: Bool = false
    /// A coupon code the shopper typed ("can I use WARM15?"); whether it is theirs to use is `coupons`.
    public var couponCode: String? = nil
    /// What the shopper named a deal for, in their words ("cold drinks"); the coupons that fit it lead `coupons`
    /// and are marked `fitsAsk`.
    public var dealFor: String? = nil
}

public struct AskedItem: Codable, Hashable, Sendable {
    public var name: String
    /// `nil` when no nearby shop sells it.
    public var shop: String?
    public var price: String?
    /// Allergens its recipe lists ("nuts", "dairy", "gluten"…). An empty list is not a promise of "free from".
    public var contains: [String]
    /// Diets it suits ("vegan", "vegetarian").
    public var suits: [String]
    /// True when its recipe lists caffeine; left out (`nil`) when it does not or no shop sells it. The menu has no
    /// amounts.
    public var caffeine: Bool? = nil
    /// "hot" or "cold" as its menu tags say it is served; `nil` when they say neither (a croissant).
    public var served: String? = nil
    /// True when the menu tags it seasonal (on while stocks last); `nil` when not.
    public var seasonal: Bool? = nil
}

public struct CareFacts: Codable, Hashable, Sendable {
    public var phone: String
    public var email: String
    public var hours: String
    /// Things the shopper may ask for that this chat cannot do, each with the real route.
    public var cannot: [String]
    /// How long after delivery a problem with fresh food or drinks can be reported ("48 hours"), from the rules: a
    /// complaint that names no order of the shopper's is answered with it.
    public var reportFreshProblemsWithin: String = ""
    /// "2 working days": a person of Customer Care replies to a hand-off within it (`careReplyWorkingDays`).
    public var replyWithin: String = ""
    /// "30 days": how long the shops keep what was left behind (`lostPropertyKeptDays`, contact policy).
    public var lostPropertyKeptFor: String = ""
    /// The message asks how to reach Customer Care (their number, their e-mail), not for a person: the routes are
    /// the answer, and no hand-off was opened.
    public var routesAsked: Bool = false
}

extension CareFacts {
    /// Contexts stored before `replyWithin` and `lostPropertyKeptFor` existed (the grounding sets' fixtures, traces)
    /// still decode: those two are empty then, as a context built without them would have them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        phone = try container.decode(String.self, forKey: .phone)
        email = try container.decode(String.self, forKey: .email)
        hours = try container.decode(String.self, forKey: .hours)
        cannot = try container.decode([String].self, forKey: .cannot)
        reportFreshProblemsWithin = try container.decode(String.self, forKey: .reportFreshProblemsWithin)
        replyWithin = try container.decodeIfPresent(String.self, forKey: .replyWithin) ?? ""
        lostPropertyKeptFor = try container.decodeIfPresent(String.self, forKey: .lostPropertyKeptFor) ?? ""
        routesAsked = try container.decodeIfPresent(Bool.self, forKey: .routesAsked) ?? false
    }
}

/// The hand-off as the answer may state it: facts decided in code, the reply time from `ConciergeRules`.
public struct HandoffFacts: Codable, Hashable, Sendable {
    /// True when this turn passed the conversation on; false when a request was already open.
    public var created: Bool
    /// `asked` or `frustration` (`HandoffReason`).
    public var reason: String
    /// When the conversation was passed on, in the shopper's time: "15:02" today, "Fri 20 Nov 15:02" before.
    public var since: String
    /// "2 working days": a person replies in this conversation within it. Customer Care's own phone, e-mail and
    /// hours, for what cannot wait, are the context's `care`.
    public var replyWithin: String
}

public struct ShopperFacts: Codable, Hashable, Sendable {
    public var name: String
    public var city: String?
    public var prefers: String
    public var dietary: [String]
    public var favourites: [String]
    public var loyaltyPoints: Int
    public var pointsValue: String
    /// How points are earned, in the shopper's currency: "10 points for every £1". Optional so that contexts written
    /// before it existed (stored traces, recorded prompts) still decode.
    public var pointsEarned: String?
}

public struct ShopFacts: Codable, Hashable, Sendable {
    public var name: String
    public var distance: String
    /// `nil` when walking there is not sensible (further than the rules' walking limit).
    public var walkMinutes: Int?
    public var isOpen: Bool
    /// Open, but closing within the rules' "closing soon" minutes.
    public var closingSoon: Bool
    public var status: String
    public var withinRange: Bool
    public var phone: String
    /// Its hours on the day the shopper asked about ("tomorrow (Sunday): open 07:00–22:00"), when they asked.
    public var hoursAsked: String?
}

public struct ItemFacts: Codable, Hashable, Sendable {
    public var name: String
    public var price: String
    public var shop: String
    public var tags: [String]
}

public struct CouponFacts: Codable, Hashable, Sendable {
    public var code: String
    public var summary: String
    public var discount: String
    public var appliesTo: String
    public var validUntil: String
    public var minimumSpend: String?
    /// "all our shops" or the one shop's name.
    public var validAt: String
    /// Set when the shopper named what the deal should be for (`SlotFacts.dealFor`): whether this coupon is for it.
    public var fitsAsk: Bool? = nil

    /// Whether it is money off the whole order: `CouponDescriber` says "everything" for a coupon for everything and
    /// for one for a whole shop.
    public var coversEverything: Bool { appliesTo == "everything" }
}

public struct OrderFacts: Codable, Hashable, Sendable {
    public var id: String
    public var status: String
    /// `delivery` or `pickup`.
    public var fulfilment: String
    public var shop: String
    public var placed: String
    public var eta: String?
    public var delivered: String?
    public var items: String
    public var total: String
    /// "Visa •••• 4242": brand and last four digits only.
    public var payment: String?
    /// "approved: £3.40", "paid: £3.40 on Fri 20 Nov".
    public var refund: String?
    /// When a pickup order was collected.
    public var collected: String?
    public var isLate: Bool
    public var canCancel: Bool
    public var canChangeAddress: Bool
    public var reportProblemsUntil: String?
    public var reportWindowOpen: Bool
    public var returnPackagedUntil: String?
    public var returnWindowOpen: Bool
    public var deliveryFeeRefundDue: Bool
}

public struct OrderLookup: Codable, Hashable, Sendable {
    public var requested: String
    public var found: Bool
}

public struct PolicyFacts: Codable, Hashable, Sendable {
    public var source: String
    public var text: String
    public var relevant: Bool
    /// The one or two sentences of `text` that answer the question (numbers kept whole, list items as prose).
    public var excerpt: String
}
