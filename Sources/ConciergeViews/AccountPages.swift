import ConciergeCore

/// A short message shown above a form. Only fixed texts from `Notice` cases reach the page, never query input.
public enum Notice: String, Sendable, CaseIterable {
    case accountCreated = "created"
    /// A signup with an e-mail that already has an account (a new one is signed in at once).
    case emailTaken = "taken"
    case loggedOut = "logged-out"
    case loggedOutEverywhere = "logged-out-everywhere"
    case sessionExpired = "expired"
    case accountDeleted = "account-deleted"
    case passwordReset = "password-reset"

    var text: String {
        switch self {
        case .accountCreated: "Thanks! If this e-mail can be used, your account is ready: log in with it below."
        case .emailTaken: "That e-mail already has an account: log in with it below, or sign up with another e-mail."
        case .loggedOut: "You have logged out."
        case .loggedOutEverywhere: "You have logged out on every device and browser."
        case .sessionExpired: "Please log in to continue."
        case .accountDeleted: "Your account and everything it held have been deleted. You are logged out."
        case .passwordReset: "Your new password is saved and every device has been logged out. Log in with it below."
        }
    }
}

/// `login.mustache`.
public struct LoginPage: Page {
    public static let template = "login"
    public let title = "Log in"
    public let navigation: Navigation? = nil
    let csrf: String
    let email: String
    let notice: String?
    let error: String?

    /// - Parameters:
    ///   - email: what was typed, kept after a failed attempt (never the password).
    ///   - error: a generic failure, the same whether the e-mail exists or not.
    public init(csrf: String, email: String = "", notice: Notice? = nil, error: String? = nil) {
        self.csrf = csrf
        self.email = email
        self.notice = notice?.text
        self.error = error
    }
}

/// `signup.mustache`.
public struct SignupPage: Page {
    public static let template = "signup"
    public let title = "Create an account"
    public let navigation: Navigation? = nil
    let csrf: String
    let name: String
    let email: String
    let phone: String
    let errors: [String]
    let hasErrors: Bool
    let temperatures: [Choice]
    let dietary: [Choice]
    let cities: [Choice]
    let minimumPasswordLength: Int

    /// The values typed so far (never the password) and what was wrong with them.
    public struct Draft: Sendable, Equatable {
        /// What was typed into each field (the password is never kept).
        public var name = ""
        public var email = ""
        public var phone = ""
        public var temperature: TemperaturePreference = .noPreference
        public var dietary: [DietaryFlag] = []
        public var city = ""

        /// A draft with the given values.
        public init(name: String = "", email: String = "", phone: String = "",
                    temperature: TemperaturePreference = .noPreference, dietary: [DietaryFlag] = [], city: String = "") {
            self.name = name
            self.email = email
            self.phone = phone
            self.temperature = temperature
            self.dietary = dietary
            self.city = city
        }
    }

    /// - Parameters:
    ///   - errors: one sentence per problem, shown above the form.
    ///   - cities: the names offered in the home-city select.
    public init(csrf: String, draft: Draft = Draft(), errors: [String] = [], cities: [String],
                minimumPasswordLength: Int) {
        self.csrf = csrf
        self.name = draft.name
        self.email = draft.email
        self.phone = draft.phone
        self.errors = errors
        self.hasErrors = !errors.isEmpty
        self.temperatures = TemperaturePreference.allCases.map {
            Choice(value: $0.rawValue, label: Labels.temperature($0), selected: $0 == draft.temperature)
        }
        self.dietary = DietaryFlag.allCases.map {
            Choice(value: $0.rawValue, label: Labels.dietary($0), selected: draft.dietary.contains($0))
        }
        self.cities = cities.map { Choice(value: $0, label: $0, selected: $0 == draft.city) }
        self.minimumPasswordLength = minimumPasswordLength
    }
}

/// One option of a select, radio group or checkbox list.
struct Choice: Sendable, Equatable {
    let value: String
    let label: String
    let selected: Bool
}

/// Human labels for domain values.
enum Labels {
    static func temperature(_ preference: TemperaturePreference) -> String {
        switch preference {
        case .hot: "Hot drinks"
        case .cold: "Cold drinks"
        case .noPreference: "No preference"
        }
    }

    static func dietary(_ flag: DietaryFlag) -> String {
        switch flag {
        case .vegan: "Vegan"
        case .vegetarian: "Vegetarian"
        case .nutAllergy: "Nut allergy"
        case .dairyFree: "Dairy-free"
        case .glutenFree: "Gluten-free"
        }
    }
}

/// `error.mustache`: the real status code with a friendly sentence, never an internal detail.
public struct ErrorPage: Page {
    public static let template = "error"
    public let title: String
    public let navigation: Navigation? = nil
    let status: Int
    let message: String
    let resend: ResendForm?

    /// A page for `status` with fixed, friendly copy (never text from an error). `resend` gives a form that could
    /// not be handled back to the person who sent it, ready to send again.
    public init(status: Int, title: String, message: String, resend: ResendForm? = nil) {
        self.status = status
        self.title = title
        self.message = message
        self.resend = resend
    }
}

/// A form a failed post carried, shown again (escaped) so nothing the person typed is lost: its hidden fields as they
/// were sent, and its one text field in a text area.
public struct ResendForm: Sendable {
    struct Hidden: Sendable {
        let name: String
        let value: String
    }

    let action: String
    let hidden: [Hidden]
    let textName: String
    let text: String
    /// What the text area holds, and why it is shown again.
    let label: String

    /// A form posting to `action` with `hidden` fields (name, value) in order and the text field `textName`.
    public init(action: String, hidden: [(name: String, value: String)], textName: String, text: String,
                label: String) {
        self.action = action
        self.hidden = hidden.map { Hidden(name: $0.name, value: $0.value) }
        self.textName = textName
        self.text = text
        self.label = label
    }
}
