import ConciergeCore
import Foundation
import Geo

/// Places a shopper can search for, from the chain's own data only (no external geocoder): the cities of the city
/// list, the postcodes of the chain's shops, and the shops by name. It also names a position in words ("Near Fleet
/// Street, London"), by the nearest shop's street, so that nobody has to read "51.5262, -0.1560".
struct PlaceDirectory: Sendable {
    let cities: CityDirectory
    let shops: [Shop]
    /// Menu items' names by SKU, across every shop: what an item coupon is for.
    let itemNames: [String: String]
    private let shopsByID: [String: Shop]

    /// Within this distance of a shop, a position is named by the shop's street.
    static var streetRadiusMeters: Double { 3_000 }
    /// Within this distance of a city centre, a position is named by the city.
    static var cityRadiusMeters: Double { 60_000 }

    init(cities: CityDirectory, shops: [Shop]) {
        self.cities = cities
        self.shops = shops.sorted { $0.name == $1.name ? $0.id < $1.id : $0.name < $1.name }
        shopsByID = Dictionary(shops.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        itemNames = Dictionary(shops.flatMap(\.menu).map { ($0.sku, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    func shop(id: String) -> Shop? { shopsByID[id] }

    /// The first shop (by name) at this postcode, matched without case or spaces.
    func shop(postcode: String) -> Shop? {
        let wanted = Self.compactPostcode(postcode)
        return wanted.isEmpty ? nil : shops.first { Self.compactPostcode($0.address.postcode) == wanted }
    }

    /// What the search box found: a city, a postcode (full, or its first half in British style: "EC4A"), or a shop
    /// by its name (whole, or a part only one shop's name has).
    func search(_ text: String) -> PlaceSearch {
        let query = Self.fold(text)
        guard !query.isEmpty else { return .notFound(suggestions: []) }
        if let city = cities.cities.first(where: { Self.fold($0.name) == query }) { return .found(.city(city)) }
        if let shop = shop(postcode: text) { return .found(.postcode(shop.address.postcode, shop)) }
        let outward = shops.filter { Self.fold($0.address.postcode).split(separator: " ").first.map(String.init) == query }
        if let shop = outward.first, query.count >= 2 { return .found(.postcode(shop.address.postcode, shop)) }
        if let shop = shops.first(where: { Self.fold($0.name) == query }) { return .found(.shop(shop)) }
        let partial = shops.filter { Self.fold($0.name).contains(query) }
        if partial.count == 1 { return .found(.shop(partial[0])) }
        if partial.count > 1 { return .ambiguous(partial.prefix(5).map(\.name)) }
        return .notFound(suggestions: suggestions(for: query))
    }

    /// The position in words: by the nearest shop's street, else the nearest city, else plainly said.
    func describe(_ position: Coordinate) -> String {
        if let nearest = shops.min(by: { Earth.distance(position, $0.location) < Earth.distance(position, $1.location) }),
            Earth.distance(position, nearest.location) <= Self.streetRadiusMeters {
            return "Near \(Self.street(of: nearest.address.line1)), \(nearest.address.city)"
        }
        if let city = cities.cities.min(by: { Earth.distance(position, $0.coordinate) < Earth.distance(position, $1.coordinate) }),
            Earth.distance(position, city.coordinate) <= Self.cityRadiusMeters {
            return "Near \(city.name)"
        }
        return "Where your browser placed you (no shop of ours nearby)"
    }

    /// Up to three names close to what was typed (a typo, a missing letter), cities first.
    private func suggestions(for query: String) -> [String] {
        let names = cities.names + shops.map(\.name)
        let scored = names.map { name -> (String, Int) in
            let folded = Self.fold(name)
            let words = [folded] + folded.split(separator: " ").map(String.init)
            return (name, words.map { Self.distance($0, query) }.min() ?? Int.max)
        }
        let close = scored.filter { $0.1 <= max(2, query.count / 3) }.sorted { $0.1 < $1.1 }.map(\.0)
        return Array((close.isEmpty ? Array(cities.names.prefix(3)) : close).prefix(3))
    }

    /// "102 Fleet Street" → "Fleet Street": the house number says nothing to someone choosing where they are.
    static func street(of line: String) -> String {
        let trimmed = line.replacingOccurrences(of: #"^[0-9]+[A-Za-z]?,?\s+"#, with: "", options: .regularExpression)
        return trimmed.isEmpty ? line : trimmed
    }

    /// Lower case, without accents or punctuation, single spaces: "Neukölln  Bakehouse!" → "neukolln bakehouse".
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en"))
        let kept = folded.map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }

    static func compactPostcode(_ text: String) -> String { fold(text).replacingOccurrences(of: " ", with: "") }

    /// Levenshtein distance, for suggestions only (a few dozen short names).
    static func distance(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}

/// The outcome of a place search.
enum PlaceSearch: Equatable {
    case found(PlaceChoice)
    /// Several shops' names contain what was typed: these, to pick one.
    case ambiguous([String])
    case notFound(suggestions: [String])
}
