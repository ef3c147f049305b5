import Foundation

/// What a shop offers besides its menu, as the chain's data lists it (`Shop.amenities`: "wifi", "step-free",
/// "outdoor-seating"…). Shoppers ask in their own words ("can I get online there?", "is it wheelchair friendly?"):
/// the shop's own list answers. Before, these questions fell to policy retrieval, which quoted an unrelated passage
/// (opening hours for "is there parking?") or "I don't know" for wifi that the shop's record lists.
enum ShopAmenity: String, CaseIterable, Sendable {
    case wifi
    case stepFree = "step-free"
    case outdoorSeating = "outdoor-seating"
    case babyChanging = "baby-changing"
    case powerSockets = "power-sockets"
    case airConditioning = "air-conditioning"
    case parking

    /// As an answer says it.
    var wording: String {
        switch self {
        case .wifi: "wifi"
        case .stepFree: "step-free access"
        case .outdoorSeating: "outdoor seating"
        case .babyChanging: "baby changing"
        case .powerSockets: "power sockets"
        case .airConditioning: "air conditioning"
        case .parking: "parking"
        }
    }

    /// Folded phrases that ask about it. Words that also name other things are left out: "accessible" alone is
    /// also the accessible toilet the accessibility policy answers, "outside" alone is "waiting outside".
    private var phrases: [String] {
        switch self {
        case .wifi: ["wifi", "wi fi", "wlan", "internet", "wireless", "get online"]
        case .stepFree: ["step free", "stepfree", "wheelchair", "wheelchairs", "ramp", "buggy", "pram", "stroller",
                         "mobility scooter", "steps at the entrance", "step at the entrance"]
        case .outdoorSeating: ["outdoor seating", "outside seating", "seating outside", "sit outside", "sit outdoors",
                               "seats outside", "tables outside", "outdoor tables", "terrace", "patio"]
        case .babyChanging: ["baby changing", "changing table", "changing facilities", "change a nappy", "nappy",
                             "diaper", "change my baby"]
        case .powerSockets: ["socket", "sockets", "power outlet", "power outlets", "plug in", "plug my",
                             "charge my phone", "charge my laptop", "charging point", "charger"]
        case .airConditioning: ["air conditioning", "air conditioned", "aircon", "air con"]
        case .parking: ["parking", "car park", "park my car", "park the car", "park nearby", "park near",
                        "parking space"]
        }
    }

    /// The amenities a message asks about, in the order of `allCases`. "Outlets" alone is also the chain's shops
    /// ("how many outlets do you have?"); next to another amenity or a laptop ("wifi and outlets?", "wifi and plugs") it
    /// is power.
    static func asked(in text: String) -> [ShopAmenity] {
        let words = MessageWords(text)
        let named = allCases.filter { words.containsAny($0.phrases) }
        let power = words.containsAny(["outlet", "outlets", "plug", "plugs"])
            && (!named.isEmpty || words.containsAny(["laptop", "charge", "charging", "work from"]))
        if power && !named.contains(.powerSockets) { return allCases.filter { named.contains($0) || $0 == .powerSockets } }
        // Working from a shop ("can I bring my laptop and work there for a few hours?") asks about what work needs.
        // A laptop left behind is lost property.
        if named.isEmpty, words.containsAny(workingThere),
            !words.containsAny(["left my", "lost my", "forgot my", "forgotten", "left behind", "stolen"]) {
            return [.wifi, .powerSockets]
        }
        return named
    }

    private static let workingThere = ["laptop", "work from", "work at", "work there", "work in", "get some work done",
                                       "remote work", "working remotely", "study at", "study there", "revise at",
                                       "sit and work", "sit and study", "place to work", "somewhere to work",
                                       "place to study", "somewhere to study", "work near", "study near",
                                       "work for a few hours", "do some work", "work on my"]
}

/// One amenity asked about, answered for one shop.
public struct AmenityFacts: Codable, Hashable, Sendable {
    /// The shop it is about: the one the message named, else the nearest.
    public var shop: String
    /// As the answer says it: "wifi", "step-free access".
    public var amenity: String
    /// `true` when the shop lists it; `false` when the chain lists it for some shops but not this one; `nil` when
    /// no shop of the chain records it (parking): not known, which is not the same as "no".
    public var listed: Bool?
    /// The wifi's password was asked for: the chain's data does not hold it, the counter does.
    public var passwordAsked: Bool? = nil

    /// "Lakeside Café has wifi." / "Soho Roastery's details don't list outdoor seating." / "I don't have parking
    /// details for Chelsea Roasters."
    var sentence: String {
        switch listed {
        case true? where passwordAsked == true:
            "\(shop) has \(amenity); I don't have its password, but the team at the counter can give it to you."
        case true?: "\(shop) has \(amenity)."
        case false?: "\(shop.hasSuffix("s") ? shop + "'" : shop + "'s") details don't list \(amenity)."
        case nil: "I don't have \(amenity) details for \(shop)."
        }
    }

    static func asked(in message: String, shop: Shop?, chain: some Sequence<Shop>) -> [AmenityFacts] {
        guard let shop else { return [] }
        let asked = ShopAmenity.asked(in: message)
        guard !asked.isEmpty else { return [] }
        let recorded = Set(chain.flatMap(\.amenities)).union(shop.amenities)
        let password = MessageWords(message).containsAny(["password", "passcode", "pwd", "login", "code"])
        return asked.map { amenity in
            AmenityFacts(shop: shop.name, amenity: amenity.wording,
                         listed: shop.amenities.contains(amenity.rawValue) ? true
                            : recorded.contains(amenity.rawValue) ? false : nil,
                         passwordAsked: amenity == .wifi && password ? true : nil)
        }
    }
}
