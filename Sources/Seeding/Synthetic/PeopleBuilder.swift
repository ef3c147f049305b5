import ConciergeCore
import Foundation
import Geo
import SeededRandom

/// Generated shoppers: a name of their region, a unique e-mail on a reserved example domain, a phone in their
/// country's format (fictional ranges where the country has one), an address and home near a shop.
struct PeopleBuilder {
    let catalog: SeedCatalog
    let asOf: Date
    var rng: SplitMix64
    private static let domains = ["example.com", "example.org", "example.net"]

    init(catalog: SeedCatalog, asOf: Date, rng: SplitMix64) {
        self.catalog = catalog
        self.asOf = asOf
        self.rng = rng
    }

    mutating func pickCity() -> CitySeed {
        catalog.cities[rng.weightedIndex(catalog.cities.map(\.weight))]
    }

    mutating func makeUser(city: CitySeed, near shop: Shop, ids: inout IdentifierFactory,
                           takenEmails: inout Set<String>) -> User {
        let country = catalog.countries[city.country]!
        let names = catalog.names[country.region]!
        let first = rng.pick(names.first)
        let last = rng.pick(names.last)
        let archetype = Archetype.allCases[rng.weightedIndex(Archetype.allCases.map(\.weight))]
        let streetIndex = rng.below(city.streets.count)
        let home = offset(shop.location, metres: 2_500 * rng.unit().squareRoot(), bearing: rng.unit() * 2 * .pi)
        return User(
            id: ids.make("usr_"), email: uniqueEmail(first: first, last: last, taken: &takenEmails),
            role: .shopper, name: "\(first) \(last)", phone: rng.digits(in: rng.pick(country.mobileFormats)),
            address: PostalAddress(line1: "\(rng.int(in: 1...180)) \(city.streets[streetIndex])", city: city.name,
                                   postcode: city.postcodes[streetIndex], country: city.country),
            home: home, timeZone: city.timeZone, preferences: preferences(), loyaltyPoints: 0,
            consent: Consent(email: rng.chance(0.55), sms: rng.chance(0.3)), archetype: archetype.rawValue,
            createdAt: asOf.addingTimeInterval(-rng.double(in: archetype.accountAgeDays) * 86_400).wholeSeconds)
    }

    private mutating func uniqueEmail(first: String, last: String, taken: inout Set<String>) -> String {
        let local = Self.asciiSlug(first) + "." + Self.asciiSlug(last)
        while true {
            let email = "\(local)\(rng.int(in: 1...9_999))@\(rng.pick(Self.domains))"
            if taken.insert(email).inserted { return email }
        }
    }

    private mutating func preferences() -> Preferences {
        let temperature: TemperaturePreference = [.hot, .hot, .cold, .noPreference][rng.below(4)]
        var dietary: [DietaryFlag] = []
        if rng.chance(0.08) { dietary.append(.vegan) } else if rng.chance(0.1) { dietary.append(.vegetarian) }
        if rng.chance(0.04) { dietary.append(.nutAllergy) }
        if rng.chance(0.05) { dietary.append(.glutenFree) }
        if !dietary.contains(.vegan), rng.chance(0.05) { dietary.append(.dairyFree) }
        let suitable = catalog.menu.filter { DietaryRules.allows($0.tags, for: dietary) }
        let favourites = suitable.isEmpty ? [] : (0..<rng.int(in: 0...2)).map { _ in rng.pick(suitable).sku }
        return Preferences(temperature: temperature, dietary: dietary, favouriteItems: Array(Set(favourites)).sorted())
    }

    /// "Chloé" → "chloe", "Müller" → "muller": e-mail local parts stay ASCII.
    static func asciiSlug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        return String(folded.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic) }.map(Character.init))
    }
}

extension Date {
    /// Drops sub-second precision so stored and exported dates are exact in every shop.
    var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
