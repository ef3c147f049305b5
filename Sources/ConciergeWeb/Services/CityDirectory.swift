import ConciergeCore
import Foundation
import Geo

/// A city the shopper can pick: its centre stands in for their location.
public struct CityChoice: Sendable, Equatable {
    /// As shown and submitted ("New York").
    public var name: String
    /// The city centre.
    public var latitude: Double
    public var longitude: Double
    /// IANA zone, given to shoppers who pick the city at signup.
    public var timeZone: String

    /// A city choice.
    public init(name: String, latitude: Double, longitude: Double, timeZone: String) {
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.timeZone = timeZone
    }

    var coordinate: Coordinate { Coordinate(latitude: latitude, longitude: longitude) }
}

/// The list of cities, looked up by exact name (what the select submits).
struct CityDirectory: Sendable {
    let cities: [CityChoice]
    private let byName: [String: CityChoice]

    init(_ cities: [CityChoice]) {
        self.cities = cities
        byName = Dictionary(cities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var names: [String] { cities.map(\.name) }

    func city(named name: String) -> CityChoice? { byName[name] }
}
