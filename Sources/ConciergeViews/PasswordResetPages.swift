import ConciergeCore

/// `forgot-password.mustache`: the e-mail form, the same confirmation whatever was typed, or, on a site without
/// mail, a plain statement that reset by e-mail is not available (the site never promises what it cannot do).
public struct ForgotPasswordPage: Page {
    public static let template = "forgot-password"
    public let title = "Forgot password"
    public let navigation: Navigation? = nil
    let csrf: String
    let available: Bool
    let sent: Bool
    let error: String?
    let email: String

    /// - Parameters:
    ///   - available: the site can send mail.
    ///   - sent: the request was taken (shown for every well-formed e-mail, with or without an account).
    public init(csrf: String, available: Bool, sent: Bool = false, email: String = "", error: String? = nil) {
        self.csrf = csrf
        self.available = available
        self.sent = sent
        self.email = email
        self.error = error
    }
}

/// `reset-password.mustache`: a new password for the account behind a valid link, or why the link no longer works.
public struct ResetPasswordPage: Page {
    public static let template = "reset-password"
    public let title = "Choose a new password"
    public let navigation: Navigation? = nil
    let csrf: String
    let token: String
    let valid: Bool
    let errors: [String]
    let hasErrors: Bool
    let minimumPasswordLength: Int

    /// - Parameter token: the link's token, posted back with the form (the page is never cached, nor sent as a
    ///   referrer).
    public init(csrf: String, token: String, valid: Bool, errors: [String] = [], minimumPasswordLength: Int) {
        self.csrf = csrf
        self.token = valid ? token : ""
        self.valid = valid
        self.errors = errors
        self.hasErrors = !errors.isEmpty
        self.minimumPasswordLength = minimumPasswordLength
    }
}
