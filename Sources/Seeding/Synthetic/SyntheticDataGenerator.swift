import ConciergeCore
import Foundation
import Geo
import SeededRandom

/// The result of a generation: the data, plus the demo accounts' passwords (to hash before storing and to
/// print for the person running the demo).
public struct SyntheticData: Sendable {
    public var dataSet: DataSet
    public var credentials: [PersonaCredential]
}

public struct PersonaCredential: Sendable, Hashable {
    public var userID: String
    public var email: String
    public var password: String
    public var role: Role
    public var name: String
}

public enum SeedError: Error, Equatable, CustomStringConvertible {
    case invalidCatalog(String)

    public var description: String {
        switch self {
        case .invalidCatalog(let detail): "invalid seed catalog: \(detail)"
        }
    }
}

/// Deterministic synthetic data: the same catalog, seed and as-of date give the same `DataSet`, value for value.
///
/// Every random draw comes from a `SplitMix64` forked per phase (shops, users, orders...), so that a change in
/// one phase does not reshuffle the others. Nothing reads the real clock: all dates are offsets from `asOf`.
public struct SyntheticDataGenerator: Sendable {
    public let catalog: SeedCatalog
    public let seed: UInt64
    public let asOf: Date

    public init(catalog: SeedCatalog, seed: UInt64, asOf: Date) {
        self.catalog = catalog
        self.seed = seed
        self.asOf = asOf
    }

    /// Generates `userCount` synthetic shoppers plus the demo personas and landmark shops.
    /// `progress` is called with the number of synthetic users done so far.
    public func generate(userCount: Int, progress: (Int) -> Void = { _ in }) throws -> SyntheticData {
        try validateCatalog()
        let root = SplitMix64(seed: seed)
        var ids = IdentifierFactory(rng: root.fork("ids"))
        let cities = catalog.cities
        var shops = try PersonaBuilder(catalog: catalog, asOf: asOf).landmarkShops()
        var shopBuilder = ShopBuilder(catalog: catalog, rng: root.fork("stores"))
        let shopCount = max(cities.count * 2, userCount / 25)
        shops += (0..<shopCount).map { shopBuilder.makeShop(number: $0, ids: &ids) }

        let index = ShopsByCity(shops: shops, cities: cities)
        var people = PeopleBuilder(catalog: catalog, asOf: asOf, rng: root.fork("users"))
        var activity = ActivityBuilder(catalog: catalog, asOf: asOf, rng: root.fork("orders"))
        var data = DataSet(shops: shops)
        let shared = CouponBuilder(catalog: catalog, asOf: asOf).sharedCoupons()
        data.coupons = shared
        var couponRNG = root.fork("coupons")
        var history = HistoryBuilder(asOf: asOf, rng: root.fork("history"))
        var takenEmails = Set(catalog.personas.users.map { User.normalizedEmail($0.email) })
        for number in 0..<userCount {
            let city = people.pickCity()
            let homeShop = index.randomShop(in: city, rng: &people.rng)
            var user = people.makeUser(city: city, near: homeShop, ids: &ids, takenEmails: &takenEmails)
            let nearby = index.shopsNear(homeShop, in: city)
            let generated = activity.makeActivity(for: &user, shops: nearby, coupons: shared, ids: &ids)
            data.users.append(user)
            data.orders += generated.orders
            data.events += generated.events
            let past = history.makeHistory(for: user, ids: &ids)
            data.messages += past.messages
            data.sessions += past.sessions
            data.usage += past.usage
            if let coupon = CouponBuilder(catalog: catalog, asOf: asOf)
                .personalCoupon(for: user, currency: homeShop.currency, ids: &ids, rng: &couponRNG) {
                data.coupons.append(coupon)
            }
            if (number + 1) % 250 == 0 || number + 1 == userCount { progress(number + 1) }
        }
        data.coupons += CouponBuilder(catalog: catalog, asOf: asOf).shopCoupons(for: shops, rng: &couponRNG)
        let personas = try PersonaBuilder(catalog: catalog, asOf: asOf).personas(shops: shops)
        data.users += personas.users
        data.orders += personas.orders
        data.coupons += personas.coupons
        return SyntheticData(dataSet: data.canonical(), credentials: personas.credentials)
    }

    private func validateCatalog() throws {
        guard !catalog.cities.isEmpty else { throw SeedError.invalidCatalog("no cities") }
        guard catalog.menu.contains(where: \.core) else { throw SeedError.invalidCatalog("no core menu items") }
        for city in catalog.cities {
            guard let country = catalog.countries[city.country] else {
                throw SeedError.invalidCatalog("city \(city.name): unknown country \(city.country)")
            }
            guard catalog.names[country.region] != nil else {
                throw SeedError.invalidCatalog("country \(city.country): no names for region \(country.region)")
            }
            guard !city.streets.isEmpty, city.streets.count == city.postcodes.count, !city.neighbourhoods.isEmpty else {
                throw SeedError.invalidCatalog("city \(city.name): streets, postcodes and neighbourhoods must line up")
            }
            guard TimeZone(identifier: city.timeZone) != nil else {
                throw SeedError.invalidCatalog("city \(city.name): unknown time zone \(city.timeZone)")
            }
        }
    }
}

/// Unique, seeded identifiers.
struct IdentifierFactory {
    var rng: SplitMix64
    private var taken = Set<String>()
    private static let lowerAlphabet = "abcdefghjkmnpqrstvwxyz23456789"
    private static let upperAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

    init(rng: SplitMix64) { self.rng = rng }

    mutating func make(_ prefix: String, length: Int = 10) -> String {
        prefix + unique { $0.string(length, from: Self.lowerAlphabet) }
    }

    /// `ORD-` + 8 of `[A-Z0-9]`.
    mutating func orderID() -> String {
        "ORD-" + unique { $0.string(8, from: Self.upperAlphabet) }
    }

    mutating func code(_ prefix: String, length: Int = 6) -> String {
        prefix + unique { $0.string(length, from: Self.upperAlphabet) }
    }

    private mutating func unique(_ draw: (inout SplitMix64) -> String) -> String {
        while true {
            let candidate = draw(&rng)
            if taken.insert(candidate).inserted { return candidate }
        }
    }
}

/// Moves a coordinate by a distance and bearing. Equirectangular: exact enough for the few kilometres used here.
func offset(_ origin: Coordinate, metres: Double, bearing: Double) -> Coordinate {
    let earthRadius = 6_371_000.0
    let latitude = origin.latitude + (metres * cos(bearing) / earthRadius) * 180 / .pi
    let longitude = origin.longitude
        + (metres * sin(bearing) / (earthRadius * cos(origin.latitude * .pi / 180))) * 180 / .pi
    return Coordinate(latitude: rounded6(latitude), longitude: rounded6(longitude))
}

/// Six decimals (about 0.1 m): stable in JSON and plenty for a shop front.
func rounded6(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
