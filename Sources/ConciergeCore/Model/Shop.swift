import Foundation
import Geo

/// Tags on menu items. Dietary rules are evaluated against these in code, never by the model.
public enum ItemTag: String, Codable, CaseIterable, Sendable, Comparable {
    case hot, cold, vegan, vegetarian, containsNuts = "contains-nuts", dairy, gluten, caffeine, seasonal
    /// More allergens a recipe can list, and what an item is (meat; packaged goods that can be returned).
    case egg, soy, sesame, meat, packaged

    public static func < (lhs: ItemTag, rhs: ItemTag) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A price band used by the analyst side to derive interests.
public enum PriceTier: String, Codable, CaseIterable, Sendable {
    case budget, standard, premium
}

/// One thing a shop sells. Prices are integer minor units (pence, cents, paise) of the shop's currency.
public struct MenuItem: Codable, Hashable, Sendable, Identifiable {
    public var sku: String
    public var name: String
    /// `hot-drinks`, `cold-drinks`, `bakery`, `food`, `merchandise`...
    public var category: String
    public var priceMinor: Int
    public var tags: [ItemTag]
    public var colour: String?
    public var priceTier: PriceTier

    public var id: String { sku }

    public init(sku: String, name: String, category: String, priceMinor: Int, tags: [ItemTag], colour: String? = nil,
                priceTier: PriceTier) {
        self.sku = sku
        self.name = name
        self.category = category
        self.priceMinor = priceMinor
        self.tags = tags.sorted()
        self.colour = colour
        self.priceTier = priceTier
    }
}

/// A shop of the chain ("store" is kept for persistence).
public struct Shop: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var address: PostalAddress
    public var location: Coordinate
    /// IANA time zone; opening hours are wall-clock times in this zone.
    public var timeZone: String
    /// ISO 4217 code of the prices on its menu.
    public var currency: String
    /// The shop's public phone number: not personal data, may be allow-listed by the masker.
    public var phone: String
    public var hours: WeeklyHours
    public var menu: [MenuItem]
    public var amenities: [String]
    /// The chain's own grouping ("London North", "Mumbai West"), when the chain has one.
    public var region: String? = nil

    public init(id: String, name: String, address: PostalAddress, location: Coordinate, timeZone: String,
                currency: String, phone: String, hours: WeeklyHours, menu: [MenuItem], amenities: [String]) {
        self.id = id
        self.name = name
        self.address = address
        self.location = location
        self.timeZone = timeZone
        self.currency = currency
        self.phone = phone
        self.hours = hours
        self.menu = menu
        self.amenities = amenities
    }
}
