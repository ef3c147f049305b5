import Foundation

/// The login form. The password is never logged, echoed or kept.
struct LoginForm: Decodable, Sendable {
    var email: String
    var password: String
}

/// The signup form; optional fields may be absent or empty.
struct SignupForm: Decodable, Sendable {
    var name: String
    var email: String
    var password: String
    var phone: String?
    var city: String?
    var temperature: String?
    var dietary: [String]?
}

/// A chat message; an empty `conversation` starts a new conversation. Resendable: see `ChatRoutes.resendable`.
struct ChatForm: Decodable, Sendable {
    var message: String
    /// Checked by `FormGuardMiddleware` before the route runs; read here only to offer the form again.
    var csrf: String?
    var conversation: String?
    /// The form's turn key; pages from before turn keys existed send none.
    var turn: String?
}

/// A new location: a city from the list, coordinates, or `reset` to go back to the profile's home.
struct LocationForm: Decodable, Sendable {
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
