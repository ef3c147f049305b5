import ConciergeCore
import Foundation
import Hummingbird

/// Per-browser choices kept in cookies: the location picked for this session and the reviewer's debug toggle.
/// Neither grants anything: the debug cookie is ignored unless the signed-in role may see traces.
struct BrowserPreferences: Sendable {
    let places: PlaceDirectory
    let transport: TransportPolicy

    var cities: CityDirectory { places.cities }

    func place(_ request: Request) -> PlaceChoice? {
        PlaceCookie.decode(request.cookies[CookieJar.place]?.value, places: places)
    }

    func debug(_ request: Request, user: User) -> Bool {
        user.role.maySeeDebugTrace && request.cookies[CookieJar.debug]?.value == "1"
    }

    func jar(_ request: Request) -> CookieJar { CookieJar(secure: transport.isSecure(request)) }

    /// At login and logout: the next person on this browser starts from their own defaults.
    func clear(_ response: inout Response, request: Request) {
        response.setCookie(jar(request).expired(CookieJar.place))
        response.setCookie(jar(request).expired(CookieJar.debug))
    }
}
