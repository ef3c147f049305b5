import ConciergeCore
import Foundation

/// `account.mustache`: what the account holds, and what the shopper can do with it (change the password, log out
/// everywhere, download a copy of their data, delete the account).
public struct AccountSettingsPage: Page {
    public static let template = "account"
    public let title = "Your account"
    public let navigation: Navigation?
    let csrf: String
    let name: String
    let email: String
    let phone: String?
    let homeCity: String?
    let address: String?
    let memberSince: String
    let loyaltyPoints: Int
    let temperature: String
    let dietary: [String]
    let notice: String?
    let passwordErrors: [String]
    let hasPasswordErrors: Bool
    let deleteError: String?
    let twoStepOn: Bool
    let twoStepError: String?
    let minimumPasswordLength: Int

    /// Which form a problem belongs to: each form shows its own errors next to it.
    public enum Problem: Sendable, Equatable {
        case password([String])
        case delete(String)
        case twoStep(String)
    }

    /// - Parameters:
    ///   - homeCity: the city chosen at signup, when the record's home matches one.
    ///   - notice: a fixed confirmation (`AccountNotice`), never query text.
    ///   - twoStepOn: two-step verification is confirmed for the account.
    public init(user: User, csrf: String, homeCity: String?, notice: AccountNotice? = nil, problem: Problem? = nil,
                minimumPasswordLength: Int, twoStepOn: Bool = false) {
        navigation = Navigation(name: user.name, csrf: csrf, showsCareInbox: user.role.mayAnswerCustomerCare,
                                showsAnalystDesk: user.role.mayUseAnalytics)
        self.csrf = csrf
        name = user.name
        email = user.email
        // The whole number is the shopper's own, shown only to them on their own page (like the e-mail).
        phone = user.phone
        self.homeCity = homeCity
        address = user.address?.singleLine
        let clock = LocalTimeFormatter(timeZoneIdentifier: user.timeZone)
        memberSince = Sidebar.monthYear(user.createdAt, clock: clock)
        loyaltyPoints = user.loyaltyPoints
        temperature = Labels.temperature(user.preferences.temperature)
        dietary = user.preferences.dietary.map(Labels.dietary)
        self.notice = notice?.text
        if case .password(let problems) = problem { passwordErrors = problems } else { passwordErrors = [] }
        hasPasswordErrors = !passwordErrors.isEmpty
        if case .delete(let problem) = problem { deleteError = problem } else { deleteError = nil }
        if case .twoStep(let problem) = problem { twoStepError = problem } else { twoStepError = nil }
        self.twoStepOn = twoStepOn
        self.minimumPasswordLength = minimumPasswordLength
    }
}

/// Confirmations shown at the top of the account page after a redirect.
public enum AccountNotice: String, Sendable, CaseIterable {
    case passwordChanged = "password-changed"
    case twoStepOff = "two-step-off"

    var text: String {
        switch self {
        case .passwordChanged: "Your password has been changed. Every other device and browser has been logged out."
        case .twoStepOff: "Two-step verification is off. Logging in asks for your password only."
        }
    }
}
