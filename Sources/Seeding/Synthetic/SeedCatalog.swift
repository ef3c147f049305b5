import ConciergeCore
import Foundation

/// The hand-written inputs of the synthetic data generator (`Seeds/catalog/*.json`), decoded.
public struct SeedCatalog: Codable, Sendable {
    public var cities: [CitySeed]
    /// Keyed by ISO country code.
    public var countries: [String: CountrySeed]
    /// Keyed by naming region (`uk`, `na`, `in`, `de`, `fr`, `au`).
    public var names: [String: NameSeed]
    public var menu: [MenuSeed]
    public var coupons: [CouponSeed]
    public var personas: PersonaFile

    public init(cities: [CitySeed], countries: [String: CountrySeed], names: [String: NameSeed], menu: [MenuSeed],
                coupons: [CouponSeed], personas: PersonaFile) {
        self.cities = cities
        self.countries = countries
        self.names = names
        self.menu = menu
        self.coupons = coupons
        self.personas = personas
    }
}

public struct CitySeed: Codable, Sendable {
    public var name: String
    public var country: String
    public var latitude: Double
    public var longitude: Double
    public var timeZone: String
    public var currency: String
    /// Relative share of shops and shoppers.
    public var weight: Int
    public var neighbourhoods: [String]
    /// Street names with the postcode at the same index.
    public var streets: [String]
    public var postcodes: [String]
}

public struct CountrySeed: Codable, Sendable {
    public var region: String
    /// Phone patterns as people type them; `#` is a random digit.
    public var mobileFormats: [String]
    public var shopPhoneFormat: String
    /// Base prices are GBP pence; multiply and round to `priceRounding` minor units.
    public var priceMultiplier: Double
    public var priceRounding: Int
}

public struct NameSeed: Codable, Sendable {
    public var first: [String]
    public var last: [String]
}

public struct MenuSeed: Codable, Sendable {
    public var sku: String
    public var name: String
    public var category: String
    public var basePrice: Int
    public var tags: [ItemTag]
    public var colour: String?
    public var priceTier: PriceTier
    /// Core items are on every menu; the rest appear in some shops.
    public var core: Bool
}

/// A coupon relative to the as-of date: `validFromDays`/`validUntilDays` are day offsets.
public struct CouponSeed: Codable, Sendable {
    public var code: String
    public var scope: CouponScope
    public var percent: Int?
    public var amount: Int?
    public var currency: String?
    public var minimumSpend: Int?
    public var validFromDays: Int
    public var validUntilDays: Int
    public var usageLimit: Int?
    public var uses: Int?
    public var summary: String

    public var discount: Discount {
        if let amount { return .amount(amount, currency: currency ?? "GBP") }
        return .percent(percent ?? 0)
    }
}

/// Hand-made shops and demo accounts, identical for every seed, so that demos and golden tests can name them.
public struct PersonaFile: Codable, Sendable {
    public var shops: [LandmarkShopSeed]
    public var users: [PersonaSeed]
}

public struct LandmarkShopSeed: Codable, Sendable {
    public var id: String
    public var name: String
    public var city: String
    public var line1: String
    public var postcode: String
    public var latitude: Double
    public var longitude: Double
    public var phone: String
    public var hours: String
    public var amenities: [String]
}

public struct PersonaSeed: Codable, Sendable {
    public var id: String
    public var email: String
    /// The demo password, printed after seeding and hashed before storage; never stored as is.
    public var password: String
    public var role: Role
    public var name: String
    public var phone: String
    public var line1: String
    public var city: String
    public var postcode: String
    public var latitude: Double
    public var longitude: Double
    public var temperature: TemperaturePreference
    public var dietary: [DietaryFlag]
    public var favourites: [String]
    public var loyaltyPoints: Int
    public var archetype: String?
    public var consentEmail: Bool
    public var consentSms: Bool
    public var orders: [PersonaOrderSeed]
    public var coupons: [CouponSeed]
}

public struct PersonaOrderSeed: Codable, Sendable {
    public var id: String
    public var shop: String
    public var placedDaysAgo: Double
    public var status: OrderStatus
    public var fulfilment: Fulfilment
    public var etaMinutes: Int
    /// `[sku, quantity]` pairs.
    public var items: [[QuantityOrSKU]]
    /// Brand and last four digits only.
    public var payment: PaymentSummary?
    /// A refund of the whole order in this state, a day after it arrived.
    public var refund: OrderRefund.State?
}

/// One cell of a persona order line: a SKU string or a quantity number.
public enum QuantityOrSKU: Codable, Sendable {
    case sku(String)
    case quantity(Int)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) { self = .quantity(number) } else {
            self = .sku(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .sku(let sku): try container.encode(sku)
        case .quantity(let quantity): try container.encode(quantity)
        }
    }
}
