import ConciergeCore
import ConciergeViews
import Foundation

/// Checks a signup form field by field and keeps what can be shown again (never the password).
struct SignupValidation {
    static let maximumNameLength = 100
    static let maximumPhoneLength = 32

    private(set) var problems: [String] = []
    private(set) var draft = SignupPage.Draft()
    private(set) var phone: String?
    /// `.some(nil)` when no city was chosen, `nil` when the choice was invalid.
    private(set) var city: CityChoice??

    init(form: SignupForm, cities: CityDirectory, policy: PasswordPolicy) {
        draft.name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        draft.email = User.normalizedEmail(form.email)
        draft.phone = (form.phone ?? "").trimmingCharacters(in: .whitespaces)
        draft.city = form.city ?? ""
        checkControlCharacters(password: form.password)
        checkName()
        checkEmail()
        if !ControlCharacters.contained(in: form.password) {
            problems += policy.problems(form.password, email: draft.email)
        }
        checkPhone()
        checkChoices(form, cities: cities)
    }

    /// No field may hold a control character (a NUL would cut the text in a C library or an SQLite binding). The
    /// offending field is named and shown again without them; the other fields keep what was typed.
    private mutating func checkControlCharacters(password: String) {
        func refuse(_ label: String, _ field: WritableKeyPath<SignupPage.Draft, String>) {
            guard ControlCharacters.contained(in: draft[keyPath: field]) else { return }
            problems.append("The \(label) contains control characters (invisible codes such as NUL). Retype it.")
            draft[keyPath: field] = ControlCharacters.removed(from: draft[keyPath: field])
        }
        refuse("name", \.name)
        refuse("e-mail address", \.email)
        refuse("phone number", \.phone)
        refuse("city", \.city)
        if ControlCharacters.contained(in: password) {
            problems.append("The password contains control characters (invisible codes such as NUL). Retype it.")
        }
    }

    private mutating func checkName() {
        if draft.name.isEmpty { problems.append("Please tell us your name.") }
        if draft.name.count > Self.maximumNameLength {
            problems.append("The name can have at most \(Self.maximumNameLength) characters.")
            draft.name = String(draft.name.prefix(Self.maximumNameLength))
        }
    }

    private mutating func checkEmail() {
        guard EmailAddress.isPlausible(draft.email) else {
            problems.append("Please enter an e-mail address like name@example.com.")
            if draft.email.count > 254 { draft.email = "" }
            return
        }
        // After normalisation (`User.normalizedEmail`) fullwidth, case and NFC/NFD variants are already one address;
        // what is left would make a second account that looks like the first.
        guard let lookalike = EmailAddress.lookalikeProblem(draft.email) else { return }
        problems.append(EmailCopy.lookalike(lookalike))
        draft.email = EmailAddress.removingFormatCharacters(draft.email)
    }

    private mutating func checkPhone() {
        guard !draft.phone.isEmpty else { return }
        let allowed = draft.phone.allSatisfy { $0.isASCII && ($0.isNumber || " +-().".contains($0)) }
        let digits = draft.phone.filter(\.isNumber).count
        guard allowed, (6...15).contains(digits), draft.phone.count <= Self.maximumPhoneLength else {
            problems.append("The phone number can have 6 to 15 digits, spaces, +, - and brackets.")
            if draft.phone.count > Self.maximumPhoneLength { draft.phone = "" }
            return
        }
        phone = draft.phone
    }

    private mutating func checkChoices(_ form: SignupForm, cities: CityDirectory) {
        let temperature = TemperaturePreference(rawValue: form.temperature ?? "none")
        let dietary = (form.dietary ?? []).map { DietaryFlag(rawValue: $0) }
        draft.temperature = temperature ?? .noPreference
        draft.dietary = dietary.compactMap { $0 }
        if temperature == nil || dietary.contains(nil) { problems.append("Please pick from the options shown.") }
        if draft.city.isEmpty {
            city = .some(nil)
        } else if let chosen = cities.city(named: draft.city) {
            city = .some(chosen)
        } else {
            problems.append("Please pick a city from the list.")
            draft.city = ""
        }
    }
}

/// What a person reads when an e-mail address would pass for another one.
enum EmailCopy {
    static func lookalike(_ problem: EmailAddress.Lookalike) -> String {
        switch problem {
        case .formatCharacters:
            "The e-mail address contains invisible formatting characters (such as a zero-width space). Retype it."
        case .mixedScriptLocalPart:
            "The part of the e-mail address before the @ mixes letters of different alphabets (such as a Cyrillic "
                + "\u{430} among Latin letters), so it would look like another address. Retype it in one alphabet."
        case .mixedScriptDomain:
            "The domain of the e-mail address mixes letters of different alphabets, so it would look like another "
                + "address. Retype it in one alphabet."
        }
    }
}
