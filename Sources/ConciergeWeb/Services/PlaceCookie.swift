import ConciergeCore
import ConciergeViews
import Foundation
import Geo

/// A location picked for this browser session: a city centre, a shop (searched by name or postcode), or the
/// browser's position.
enum PlaceChoice: Sendable, Equatable {
    case city(CityChoice)
    /// A shop found by its name.
    case shop(Shop)
    /// A postcode of the chain's shops, standing at the first shop with it.
    case postcode(String, Shop)
    case coordinates(latitude: Double, longitude: Double)

    var coordinate: Coordinate {
        switch self {
        case .city(let city): city.coordinate
        case .shop(let shop), .postcode(_, let shop): shop.location
        case .coordinates(let latitude, let longitude): Coordinate(latitude: latitude, longitude: longitude)
        }
    }

    /// The place in words, as the page names it and confirms it.
    func words(_ places: PlaceDirectory) -> String {
        switch self {
        case .city(let city): "\(city.name) (city centre)"
        case .shop(let shop): "At \(shop.name), \(PlaceDirectory.street(of: shop.address.line1)), \(shop.address.city)"
        case .postcode(let code, let shop): "Near \(code), \(shop.address.city)"
        case .coordinates: places.describe(coordinate)
        }
    }

    /// What the sidebar shows: the choice, else the profile's home, else nothing.
    static func shopperPlace(_ choice: PlaceChoice?, user: User, places: PlaceDirectory) -> ShopperPlace {
        switch choice {
        case .city(let city): .city(city.name)
        case let choice?: .named(choice.words(places))
        case nil: user.home != nil ? .home(city: user.address?.city) : .unknown
        }
    }
}

/// The chosen location lives in a cookie on the shopper's own device (HttpOnly, cleared at login and logout)
/// rather than in the store: it is theirs, it carries no authority, and it is parsed strictly on every read.
/// Values: `city:<base64url name>`, `shop:<base64url id>`, `postcode:<base64url postcode>` or
/// `at:<latitude>:<longitude>` (no spaces or commas, as cookies require). Names, ids and postcodes are looked up again
/// in the chain's data on every read: a forged one is simply no place.
enum PlaceCookie {
    static func encode(_ choice: PlaceChoice) -> String {
        switch choice {
        case .city(let city): "city:" + Base64URL.encode(Data(city.name.utf8))
        case .shop(let shop): "shop:" + Base64URL.encode(Data(shop.id.utf8))
        case .postcode(let code, _): "postcode:" + Base64URL.encode(Data(code.utf8))
        case .coordinates(let latitude, let longitude): String(format: "at:%.5f:%.5f", latitude, longitude)
        }
    }

    static func decode(_ value: String?, places: PlaceDirectory) -> PlaceChoice? {
        guard let value, value.count <= 200 else { return nil }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("city", 2):
            return text(parts[1]).flatMap(places.cities.city(named:)).map(PlaceChoice.city)
        case ("shop", 2):
            return text(parts[1]).flatMap(places.shop(id:)).map(PlaceChoice.shop)
        case ("postcode", 2):
            return text(parts[1]).flatMap(places.shop(postcode:)).map { PlaceChoice.postcode($0.address.postcode, $0) }
        case ("at", 3):
            return LocationParsing.coordinates(parts[1], parts[2]).map { .coordinates(latitude: $0, longitude: $1) }
        default:
            return nil
        }
    }

    private static func text(_ encoded: String) -> String? {
        Data(base64Encoded: base64(encoded)).flatMap { String(data: $0, encoding: .utf8) }
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

    init(_ form: LocationForm, places: PlaceDirectory) {
        let latitude = form.latitude?.trimmingCharacters(in: .whitespaces) ?? ""
        let longitude = form.longitude?.trimmingCharacters(in: .whitespaces) ?? ""
        let typed = [form.place, form.city].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty } ?? ""
        if [form.place, form.city, form.latitude, form.longitude].contains(where: { ControlCharacters.contained(in: $0 ?? "") }) {
            self = .invalid("The place contains control characters (invisible codes such as NUL). Type a city, postcode or shop name again.")
        } else if form.reset == "1" {
            self = .reset
        } else if !latitude.isEmpty || !longitude.isEmpty {
            // Sent by "Use my location" (the page script fills these from the browser).
            guard let (lat, lon) = LocationParsing.coordinates(latitude, longitude) else {
                self = .invalid("Your browser's position could not be read. Type a city, postcode or shop name instead.")
                return
            }
            self = .set(.coordinates(latitude: lat, longitude: lon))
        } else if typed.isEmpty {
            self = .invalid("Type a city, a postcode or one of our shops' names, or use your location.")
        } else if typed.count > 100 {
            self = .invalid("That is longer than any place we know. Type a city, a postcode or one of our shops' names.")
        } else {
            self = Self.searched(places.search(typed))
        }
    }

    private static func searched(_ result: PlaceSearch) -> LocationChange {
        switch result {
        case .found(let choice): .set(choice)
        case .ambiguous(let names):
            .invalid("Several of our shops match that: \(names.joined(separator: ", ")). Type more of the name.")
        case .notFound(let suggestions):
            .invalid("We don't know that place. Try a city, a postcode or one of our shops' names"
                + (suggestions.isEmpty ? "." : ", for example \(suggestions.joined(separator: ", ")).")
                + " We only search our own shops, so a street name alone won't be found.")
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
