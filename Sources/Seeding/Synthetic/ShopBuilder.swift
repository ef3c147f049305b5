import ConciergeCore
import Foundation
import Geo
import SeededRandom

/// Generated shops: spread around real city centres, each with a name, hours, a priced menu and amenities.
struct ShopBuilder {
    let catalog: SeedCatalog
    var rng: SplitMix64
    private(set) var names = Set<String>()
    private static let suffixes = ["Café", "Roastery", "Coffee House", "Kitchen", "Espresso Bar", "Bakehouse"]
    private static let amenities = ["wifi", "step-free", "outdoor-seating", "baby-changing", "power-sockets", "late-night"]

    init(catalog: SeedCatalog, rng: SplitMix64) {
        self.catalog = catalog
        self.rng = rng
        names = Set(catalog.personas.shops.map(\.name))
    }

    /// The `number`-th generated shop: the first one of each city in catalog order (so no city is left without
    /// a shop), then cities by weight.
    mutating func makeShop(number: Int, ids: inout IdentifierFactory) -> Shop {
        let cities = catalog.cities
        let city = number < cities.count ? cities[number] : cities[rng.weightedIndex(cities.map(\.weight))]
        let country = catalog.countries[city.country]!
        let streetIndex = rng.below(city.streets.count)
        let location = offset(Coordinate(latitude: city.latitude, longitude: city.longitude),
                              metres: 6_000 * rng.unit().squareRoot(), bearing: rng.unit() * 2 * .pi)
        let template = HoursTemplate.generatorWeights[rng.weightedIndex(HoursTemplate.generatorWeights.map(\.1))].0
        return Shop(
            id: ids.make("st_", length: 8), name: uniqueName(in: city),
            address: PostalAddress(line1: "\(rng.int(in: 1...240)) \(city.streets[streetIndex])", city: city.name,
                                   postcode: city.postcodes[streetIndex], country: city.country),
            location: location, timeZone: city.timeZone, currency: city.currency,
            phone: rng.digits(in: country.shopPhoneFormat), hours: template.hours,
            menu: menu(for: country), amenities: Self.amenities.filter { _ in rng.chance(0.4) })
    }

    private mutating func uniqueName(in city: CitySeed) -> String {
        for _ in 0..<20 {
            let name = "\(rng.pick(city.neighbourhoods)) \(rng.pick(Self.suffixes))"
            if names.insert(name).inserted { return name }
        }
        var number = 2
        let base = "\(rng.pick(city.neighbourhoods)) \(rng.pick(Self.suffixes))"
        while !names.insert("\(base) \(number)").inserted { number += 1 }
        return "\(base) \(number)"
    }

    private mutating func menu(for country: CountrySeed) -> [MenuItem] {
        catalog.menu.filter { $0.core || rng.chance(0.6) }.map { Self.item($0, country: country) }
    }

    /// A catalogue item priced in the country's currency, rounded the way menus are.
    static func item(_ seed: MenuSeed, country: CountrySeed) -> MenuItem {
        let raw = Double(seed.basePrice) * country.priceMultiplier / Double(country.priceRounding)
        let price = max(1, Int(raw.rounded())) * country.priceRounding
        return MenuItem(sku: seed.sku, name: seed.name, category: seed.category, priceMinor: price, tags: seed.tags,
                        colour: seed.colour, priceTier: seed.priceTier)
    }
}

/// Shops grouped by city, for picking a shopper's home shop and the shops they order from.
///
/// Each shop's nearest neighbours are computed once here: sorting a city's shops for every shopper made
/// seeding quadratic in the number of shoppers.
struct ShopsByCity {
    private var byCity: [String: [Shop]] = [:]
    private var neighbours: [String: [Shop]] = [:]
    static let neighbourCount = 4

    init(shops: [Shop], cities: [CitySeed]) {
        for shop in shops { byCity[shop.address.city, default: []].append(shop) }
        for city in cities where byCity[city.name] == nil { byCity[city.name] = [] }
        for (_, cityShops) in byCity {
            for shop in cityShops { neighbours[shop.id] = Self.nearest(to: shop, among: cityShops) }
        }
    }

    func randomShop(in city: CitySeed, rng: inout SplitMix64) -> Shop {
        let candidates = byCity[city.name] ?? []
        precondition(!candidates.isEmpty, "every city gets at least one shop")
        return rng.pick(candidates)
    }

    /// The home shop first, then up to four more of the same city by straight-line distance.
    func shopsNear(_ home: Shop, in city: CitySeed) -> [Shop] {
        [home] + (neighbours[home.id] ?? [])
    }

    private static func nearest(to home: Shop, among shops: [Shop]) -> [Shop] {
        let ranked = shops.indices.filter { shops[$0].id != home.id }
            .map { (distance: squaredDistance(shops[$0], home), id: shops[$0].id, index: $0) }
            .sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
        return ranked.prefix(neighbourCount).map { shops[$0.index] }
    }

    private static func squaredDistance(_ lhs: Shop, _ rhs: Shop) -> Double {
        let dLat = lhs.location.latitude - rhs.location.latitude
        let dLon = (lhs.location.longitude - rhs.location.longitude) * cos(rhs.location.latitude * .pi / 180)
        return dLat * dLat + dLon * dLon
    }
}
