import ConciergeCore
import ConciergeViews
import Foundation
import Geo

/// A location picked for this browser session: a city centre or coordinates.
enum PlaceChoice: Sendable, Equatable {
    case city(CityChoice)
    case coordinates(latitude: Double, longitude: Double)

    var coordinate: Coordinate {
        switch self {
        case .city(let city): city.coordinate
        case .coordinates(let latitude, let longitude): Coordinate(latitude: latitude, longitude: longitude)
        }
    }

    /// What the sidebar shows: the choice, else the profile's home, else nothing.
    static func shopperPlace(_ choice: PlaceChoice?, user: User) -> ShopperPlace {
        switch choice {
        case .city(let city): .city(city.name)
        case .coordinates(let latitude, let longitude): .coordinates(latitude: latitude, longitude: longitude)
        case nil: user.home != nil ? .home(city: user.address?.city) : .unknown
        }
    }
}

/// The chosen location lives in a cookie on the shopper's own device (HttpOnly, cleared at login and logout)
/// rather than in the store: it is theirs, it carries no authority, and it is parsed strictly on every read.
/// Values: `city:<base64url name>` or `at:<latitude>:<longitude>` (no spaces or commas, as cookies require).
enum PlaceCookie {
    static func encode(_ choice: PlaceChoice) -> String {
        switch choice {
        case .city(let city): "city:" + Base64URL.encode(Data(city.name.utf8))
        case .coordinates(let latitude, let longitude): String(format: "at:%.5f:%.5f", latitude, longitude)
        }
    }

    static func decode(_ value: String?, cities: CityDirectory) -> PlaceChoice? {
        guard let value, value.count <= 200 else { return nil }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("city", 2):
            guard let data = Data(base64Encoded: base64(parts[1])), let name = String(data: data, encoding: .utf8)
            else { return nil }
            return cities.city(named: name).map(PlaceChoice.city)
        case ("at", 3):
            return LocationParsing.coordinates(parts[1], parts[2]).map { .coordinates(latitude: $0, longitude: $1) }
        default:
            return nil
        }
    }

    private static func base64(_ url: String) -> String {
        let standard = url.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        return standard + String(repeating: "=", count: (4 - standard.count % 4) % 4)
    }
}

/// What a location form asked for.
enum LocationChange: Equatable {
    case reset
    case set(PlaceChoice)
    case invalid(String)

    init(_ form: LocationForm, cities: CityDirectory) {
        let latitude = form.latitude?.trimmingCharacters(in: .whitespaces) ?? ""
        let longitude = form.longitude?.trimmingCharacters(in: .whitespaces) ?? ""
        if [form.city, form.latitude, form.longitude].contains(where: { ControlCharacters.contained(in: $0 ?? "") }) {
            self = .invalid("The place contains control characters (invisible codes such as NUL). Pick a city from the list or retype the coordinates.")
        } else if form.reset == "1" {
            self = .reset
        } else if !latitude.isEmpty || !longitude.isEmpty {
            guard let (lat, lon) = LocationParsing.coordinates(latitude, longitude) else {
                self = .invalid("Coordinates need a latitude from -90 to 90 and a longitude from -180 to 180.")
                return
            }
            self = .set(.coordinates(latitude: lat, longitude: lon))
        } else if let name = form.city, let city = cities.city(named: name) {
            self = .set(.city(city))
        } else {
            self = .invalid("Pick a city from the list or enter both coordinates.")
        }
    }
}

enum LocationParsing {
    /// Two decimal numbers in range; anything else (NaN, exponents, extra text) is refused.
    static func coordinates(_ latitude: String, _ longitude: String) -> (Double, Double)? {
        let pattern = #"^-?[0-9]{1,3}(\.[0-9]{1,10})?$"#
        guard latitude.range(of: pattern, options: .regularExpression) != nil,
            longitude.range(of: pattern, options: .regularExpression) != nil,
            let lat = Double(latitude), let lon = Double(longitude),
            Coordinate(latitude: lat, longitude: lon).isValid
        else { return nil }
        return (lat, lon)
    }
}
