import ConciergeCore
import Foundation

/// The chat page's sidebar: what the shopper needs to know about their own account. No ids, hashes, full
/// addresses or full phone numbers: the street address and phone stay in the profile, not on every page.
struct Sidebar: Sendable {
    let name: String
    let email: String
    let phoneEnding: String?
    let memberSince: String
    let temperature: String
    let dietary: [String]
    let loyaltyPoints: String
    let usage: UsageBar
    let location: LocationPanel

    init(_ input: ChatPageInput, clock: LocalTimeFormatter) {
        let user = input.user
        name = user.name
        email = user.email
        phoneEnding = user.phone.map { "ending " + String($0.filter(\.isNumber).suffix(3)) }
        memberSince = Self.monthYear(user.createdAt, clock: clock)
        temperature = Labels.temperature(user.preferences.temperature)
        dietary = user.preferences.dietary.map(Labels.dietary)
        loyaltyPoints = user.loyaltyPoints.formatted(.number.grouping(.automatic))
        usage = UsageBar(input.quota, clock: clock)
        location = LocationPanel(input)
    }

    static func monthYear(_ date: Date, clock: LocalTimeFormatter) -> String { clock.monthAndYear(date) }
}

/// The daily allowance: a `<meter>` (no inline style, so the CSP can forbid them) and when it resets.
///
/// The meter's `low`/`high`/`optimum` make the browser colour it as a limit (issue 14): the optimum region up to
/// the "near" mark, the suboptimal (amber) one from 80 % used, the even-less-good (red) one at the limit. The
/// boundaries sit half a message below the counts because the browser's regions include their boundary.
struct UsageBar: Sendable {
    /// `fine`, `near` (80 % used or more) or `reached`: a class for the stylesheet and a value for the script.
    let state: String
    let used: Int
    let limit: Int
    let remaining: Int
    let near: Bool
    let reached: Bool
    let low: String
    let high: String
    let resetsAt: String
    let resetsAtTimestamp: String
    let timeZone: String

    init(_ quota: QuotaStatus, clock: LocalTimeFormatter) {
        used = min(quota.used, quota.limit)
        limit = quota.limit
        remaining = quota.remaining
        let nearFrom = Self.nearFrom(limit: quota.limit)
        reached = quota.remaining == 0
        near = !reached && used >= nearFrom
        state = reached ? "reached" : near ? "near" : "fine"
        low = String(Double(nearFrom) - 0.5)
        high = String(Double(quota.limit) - 0.5)
        resetsAt = clock.time(quota.resetsAt)
        resetsAtTimestamp = LocalTimeFormatter.iso(quota.resetsAt)
        timeZone = clock.timeZone.identifier
    }

    /// The first count that is "near" the limit: 80 % of it, rounded up (24 of 30).
    static func nearFrom(limit: Int) -> Int { (limit * 4 + 4) / 5 }
}

/// Where the concierge looks for nearby shops, and the form to change it: one search box (a city, a postcode or a
/// shop of ours), and "Use my location" when the page script runs.
struct LocationPanel: Sendable {
    let label: String
    let cities: [Choice]
    let typed: String
    let csrf: String
    let conversationID: String
    let locationError: String?
    /// "Location set: Near Fleet Street, London. …", right after a change.
    let locationNotice: String?
    /// A place chosen in this session rather than the profile's home.
    let isShared: Bool
    /// The confirmation or the error is shown, in a focusable box the form's `#location-feedback` lands on: the
    /// browser moves focus there by itself when it follows the fragment, with or without the page script.
    let hasFeedback: Bool

    init(_ input: ChatPageInput) {
        switch input.place {
        case .home(let city): label = city.map { "Home (\($0))" } ?? "Home"
        case .city(let name): label = "\(name) (city centre)"
        case .named(let words): label = words
        case .unknown: label = "Not set: search for a city, postcode or shop to see nearby shops"
        }
        isShared = switch input.place {
        case .city, .named: true
        case .home, .unknown: false
        }
        cities = input.cities.map { Choice(value: $0, label: $0, selected: false) }
        typed = input.locationTyped
        csrf = input.csrf
        conversationID = input.conversationID ?? ""
        locationError = input.locationError
        locationNotice = input.locationChanged && input.locationError == nil
            ? "Location set: \(label). Nearby shops and offers are now found from there." : nil
        hasFeedback = locationNotice != nil || locationError != nil
    }
}
