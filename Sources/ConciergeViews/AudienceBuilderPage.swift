import Analytics
import ConciergeCore
import Foundation

/// `admin-audiences.mustache`: the audience builder. A plain form (no script: the CSP allows none inline), the
/// counts per stage, the ranked members with their reasons and the export forms. Members appear under pseudonymous
/// ids only; the page never receives a name or a contact.
public struct AudienceBuilderPage: Page {
    public static let template = "admin-audiences"
    public let title = "Audience builder · Analyst"
    public let navigation: Navigation?
    let csrf: String
    let action = AnalystLinks.audiences
    let exportAction = AnalystLinks.audienceExport
    /// Without the sentence model there is nothing to rank with: the page explains instead of showing the form.
    let unavailable: Bool
    let values: AudienceBuilderValues
    let bands: [Choice]
    let tiers: [Choice]
    let consents: [Choice]
    let errors: AudienceBuilderErrors
    let hasErrors: Bool
    let result: ResultView?
    let hidden: [Hidden]
    let showsContactExport: Bool

    struct Choice: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Hidden: Sendable {
        let name: String
        let value: String
    }

    struct ResultView: Sendable {
        let asOf: String
        let intent: String
        let counts: [AnalystOverviewPage.MetricRow]
        let members: [MemberView]
        let hasMembers: Bool
        /// What this discovery cost, e.g. "no model asked: 0 prompt + 0 completion tokens, cost 0.00 USD".
        let modelUsage: String?
    }

    struct MemberView: Sendable {
        let rank: String
        let customer: String
        let href: String
        let score: String
        let matchedClauses: [String]
        let topFacts: [String]
    }

    /// - Parameters:
    ///   - errors: reasons by form group (`purchased`, `netValue`, …, `intent`, `limit`, `asOf`, `form`).
    ///   - result: the port's answer, when a discovery ran.
    ///   - hidden: the submitted fields, carried again by the export forms.
    public init(analyst: User, csrf: String, unavailable: Bool = false, values: AudienceBuilderValues,
                errors: [String: String] = [:], result: AudienceDiscoveryOutcome? = nil,
                hidden: [(name: String, value: String)] = []) {
        navigation = Navigation(analyst: analyst, csrf: csrf)
        self.csrf = csrf
        self.unavailable = unavailable
        self.values = values
        bands = ChurnBand.allCases.map { band in
            Choice(value: band.rawValue, label: AnalystFormat.band(band),
                   selected: values.churnBands.contains(band.rawValue))
        }
        tiers = ValueTier.allCases.map { tier in
            Choice(value: tier.rawValue, label: tier.rawValue, selected: values.valueTiers.contains(tier.rawValue))
        }
        consents = [Choice(value: "", label: "Any", selected: values.consent.isEmpty)] + AudienceChannel.allCases.map {
            Choice(value: $0.rawValue, label: $0 == .email ? "E-mail" : "SMS", selected: values.consent == $0.rawValue)
        }
        self.errors = AudienceBuilderErrors(errors)
        hasErrors = !errors.isEmpty
        self.result = result.map(Self.view)
        self.hidden = hidden.map { Hidden(name: $0.name, value: $0.value) }
        showsContactExport = analyst.role.mayExportContacts
    }

    static func view(_ outcome: AudienceDiscoveryOutcome) -> ResultView {
        let c = outcome.counts
        let counts = [("All customers", c.allCustomers),
                      ("After the store filter (address, consent, last seen)", c.afterStoreFilter),
                      ("After the whole filter: the candidates", c.afterFilter), ("Ranked by the intent", c.ranked),
                      ("Returned", c.returned)]
            .map { AnalystOverviewPage.MetricRow(label: $0.0, value: AnalystFormat.count($0.1)) }
        let members = outcome.members.enumerated().map { index, member in
            MemberView(rank: String(index + 1), customer: member.customer, href: AnalystLinks.customer(member.customer),
                       score: AnalystFormat.decimal(member.score, digits: 3), matchedClauses: member.matchedClauses,
                       topFacts: member.topFacts)
        }
        return ResultView(asOf: outcome.asOf, intent: outcome.intent, counts: counts, members: members,
                          hasMembers: !members.isEmpty, modelUsage: outcome.usage.map(Self.usage))
    }

    static func usage(_ usage: AudienceDiscoveryOutcome.Usage) -> String {
        let model = usage.model == "none" ? "no model asked (ranking is local)" : "model " + usage.model
        return "\(model): \(AnalystFormat.count(usage.promptTokens)) prompt + "
            + "\(AnalystFormat.count(usage.completionTokens)) completion tokens, cost \(usage.cost) \(usage.currency)"
    }
}

/// The form's values as submitted (or the defaults), to fill the form again.
public struct AudienceBuilderValues: Sendable {
    public var category = "", withinDays = "", netValue = "", currency = "", premiumShare = "", city = ""
    public var country = "", consent = "", lastSeenDays = "", intent = "", limit = "50", asOf = ""
    public var churnBands: [String] = []
    public var valueTiers: [String] = []

    public init() {}
}

/// One reason per form group, or nil.
struct AudienceBuilderErrors: Sendable {
    let purchased, netValue, churnBand, valueTier, premiumShare, city, country, consent, lastSeen: String?
    let intent, limit, asOf, form: String?

    init(_ errors: [String: String]) {
        purchased = errors["purchased"]; netValue = errors["netValue"]; churnBand = errors["churnBand"]
        valueTier = errors["valueTier"]; premiumShare = errors["premiumShare"]; city = errors["city"]
        country = errors["country"]; consent = errors["consent"]; lastSeen = errors["lastSeen"]
        intent = errors["intent"]; limit = errors["limit"]; asOf = errors["asOf"]; form = errors["form"]
    }
}

/// The parts of the discovery API's JSON the page shows (`AudienceResult` in the app; the web side only sees bytes).
public struct AudienceDiscoveryOutcome: Decodable, Sendable {
    public struct Counts: Decodable, Sendable {
        public var allCustomers, afterStoreFilter, afterFilter, ranked, returned: Int
    }

    public struct Member: Decodable, Sendable {
        public var customer: String
        public var score: Double
        public var matchedClauses: [String]
        public var topFacts: [String]
    }

    /// The call's model usage as recorded (`AudienceModelUsage`).
    public struct Usage: Decodable, Sendable {
        public var model: String
        public var promptTokens, completionTokens: Int
        public var cost: String
        public var currency: String
    }

    public var asOf: String
    public var intent: String
    public var counts: Counts
    public var members: [Member]
    public var usage: Usage?
}
