import Foundation

/// A form whose handler checks some fields for control characters itself, refusing them with a 422 that keeps the
/// rest of the form. `WebFormDecoder` refuses a control character in any *other* field (and in any field name) with a
/// 400 before the handler runs, so a field nobody declared can never carry a NUL into a lookup or the store.
protocol TypedFields {
    /// The names of the fields the handler checks (each has an HTTP test with a NUL and another control character).
    static var typedFields: Set<String> { get }
}

/// The login form. The password is never logged, echoed or kept.
struct LoginForm: Decodable, Sendable, TypedFields {
    var email: String
    var password: String
    /// `AccountRoutes.login` refuses control characters in either with a 422 before the throttle or the store.
    static let typedFields: Set<String> = ["email", "password"]
}

/// The signup form; optional fields may be absent or empty.
struct SignupForm: Decodable, Sendable, TypedFields {
    /// `SignupValidation` refuses control characters in each, field by field (422).
    static let typedFields: Set<String> = ["name", "email", "password", "phone", "city"]

    var name: String
    var email: String
    var password: String
    var phone: String?
    var city: String?
    var temperature: String?
    var dietary: [String]?
}

/// A chat message; an empty `conversation` starts a new conversation. Resendable: see `ChatRoutes.resendable`.
struct ChatForm: Decodable, Sendable, TypedFields {
    /// The chat service refuses control characters other than line breaks and tabs (`ChatError.controlCharacters`).
    static let typedFields: Set<String> = ["message"]

    var message: String
    /// Checked by `FormGuardMiddleware` before the route runs; read here only to offer the form again.
    var csrf: String?
    var conversation: String?
    /// The form's turn key; pages from before turn keys existed send none.
    var turn: String?
}

/// A new location: a place searched by name (`place`: a city, a postcode or a shop), the browser's position
/// (`latitude`, `longitude`), or `reset` to go back to the profile's home. `city` is what pages before the search
/// box sent (a city's exact name); it is searched the same way.
struct LocationForm: Decodable, Sendable, TypedFields {
    /// `LocationChange` refuses control characters in the typed ones (422).
    static let typedFields: Set<String> = ["place", "city", "latitude", "longitude"]

    var place: String?
    var city: String?
    var latitude: String?
    var longitude: String?
    var reset: String?
    var conversation: String?
}

/// The reviewer's debug toggle: `show` is `1` or `0`.
struct DebugForm: Decodable, Sendable {
    var show: String
    var conversation: String?
}
