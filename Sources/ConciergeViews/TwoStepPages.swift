import ConciergeCore

/// `two-step-enrol.mustache`: the secret, once (base32 for typing, the `otpauth://` URI for apps that take a link),
/// and the code that confirms the app has it. After a wrong code the secret is not shown again.
public struct TwoStepEnrolPage: Page {
    public static let template = "two-step-enrol"
    public let title = "Turn on two-step verification"
    public let navigation: Navigation?
    let csrf: String
    let secret: String?
    let uri: String?
    let error: String?

    public init(user: User, csrf: String, secret: String?, uri: String?, error: String? = nil) {
        navigation = Navigation(name: user.name, csrf: csrf, showsCareInbox: user.role.mayAnswerCustomerCare,
                                showsAnalystDesk: user.role.mayUseAnalytics)
        self.csrf = csrf
        self.secret = secret
        self.uri = uri
        self.error = error
    }
}

/// `two-step-codes.mustache`: two-step verification is on; the recovery codes, shown this once.
public struct TwoStepCodesPage: Page {
    public static let template = "two-step-codes"
    public let title = "Your recovery codes"
    public let navigation: Navigation?
    let codes: [String]

    public init(user: User, csrf: String, codes: [String]) {
        navigation = Navigation(name: user.name, csrf: csrf, showsCareInbox: user.role.mayAnswerCustomerCare,
                                showsAnalystDesk: user.role.mayUseAnalytics)
        self.codes = codes
    }
}

/// `login-code.mustache`: the login's second step.
public struct LoginCodePage: Page {
    public static let template = "login-code"
    public let title = "Enter your code"
    public let navigation: Navigation? = nil
    let csrf: String
    let error: String?

    public init(csrf: String, error: String? = nil) {
        self.csrf = csrf
        self.error = error
    }
}
