import Foundation
import Hummingbird
import Testing

@testable import ConciergeWeb

/// The audience builder page (`/admin/audiences`): who may open it, its CSRF field, a discovery rendered as counts
/// and ranked members, refusals next to their fields, and the page without a sentence model.
@Suite("Audience builder page: roles, CSRF, counts, reasons, 422, no model")
struct AudiencePageTests {
    static let path = "/admin/audiences"
    static let exportPath = "/admin/audiences/export"
    /// The API test's request (`AudienceAPITests.body`) as form fields.
    static let fields = [("consent", "email"), ("intent", "evening cold drinks"), ("limit", "3"), ("asOf", "2026-11-21")]

    /// The audience world with an analyst desk too, so that `/admin` renders.
    static var options: WebWorld.Options {
        var options = AudienceAPITests.options
        options.analystDesk = InMemoryAnalystDesk()
        return options
    }

    static func submit(_ browser: Browser, _ fields: [(String, String)], to action: String = path) async throws -> Page {
        try await browser.submit(on: path, to: action, fields)
    }

    @Test func shoppersAndReviewersAre403AnalystsAndAdmins200StrangersGoToLogin() async throws {
        try await WebWorld.run(Self.options) { _, browser in
            let stranger = try await browser.get(Self.path)
            #expect(stranger.status == .seeOther && stranger.location?.hasPrefix("/login") == true)
            for person in AnalystWorld.Person.allCases {
                let session = try await AnalystWorld.signedIn(person, from: browser)
                let page = try await session.get(Self.path)
                #expect(page.status == (person.mayUseAnalytics ? .ok : .forbidden), "\(person)")
                let token = try await AnalystWorld.csrf(session)
                let posted = try await session.post(Self.path, [("csrf", token)] + Self.fields)
                #expect(posted.status == (person.mayUseAnalytics ? .ok : .forbidden), "\(person) posts")
            }
        }
    }

    @Test func theFormShowsEveryFieldTheAsOfDateAndWhatTheIntentDoes() async throws {
        try await WebWorld.run(Self.options) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let page = try await analyst.get(Self.path)
            for name in ["category", "withinDays", "netValue", "currency", "churnBand[]", "valueTier[]", "premiumShare",
                         "city", "country", "consent", "lastSeenDays", "intent", "limit", "asOf"] {
                #expect(page.contains(#"name="\#(name)""#), "\(name)")
            }
            #expect(page.contains(#"<input id="asOf" name="asOf" value="2026-11-21">"#), "today (UTC) from the clock")
            #expect(page.contains("The intent only ranks the customers inside those candidates"))
            #expect(!page.contains("<script>") && !page.contains("style="), "the CSP forbids inline script and style")
            let overview = try await analyst.get("/admin")
            #expect(overview.contains(#"<a href="/admin/audiences" id="audience-builder-link">Audience builder</a>"#))
        }
    }

    @Test func aFormWithoutTheSessionsTokenIsRefused() async throws {
        try await WebWorld.run(Self.options) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            #expect(try await analyst.post(Self.path, Self.fields).status == .forbidden)
            #expect(try await analyst.post(Self.path, [("csrf", "forged")] + Self.fields).status == .forbidden)
            let export = [("csrf", "forged"), ("format", "csv")] + Self.fields
            #expect(try await analyst.post(Self.exportPath, export).status == .forbidden)
            #expect(try await world.store.audienceAudits(limit: 10).isEmpty, "nothing exported, nothing audited")
        }
    }

    @Test func aValidFormShowsTheAPIsCountsAndRankedMembersWithReasons() async throws {
        try await WebWorld.run(Self.options) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let page = try await Self.submit(analyst, Self.fields)
            #expect(page.status == .ok)
            // The same request through the JSON API: the page must show exactly its numbers and members.
            let token = try await AnalystWorld.csrf(analyst)
            let api = try await AudienceAPITests.post(analyst, AudienceAPITests.body.replacingOccurrences(
                of: #""limit": 3"#, with: #""limit": 3, "asOf": "2026-11-21""#), csrf: token)
            let reply = try JSONDecoder().decode(Reply.self, from: Data(api.body.utf8))
            let stages = ["All customers", "After the store filter (address, consent, last seen)",
                          "After the whole filter: the candidates", "Ranked by the intent", "Returned"]
            let keys = ["allCustomers", "afterStoreFilter", "afterFilter", "ranked", "returned"]
            for (label, key) in zip(stages, keys) {
                #expect(page.contains(#"<tr><th scope="row">\#(label)</th><td>\#(reply.counts[key] ?? -1)</td></tr>"#),
                        "\(label)")
            }
            #expect(reply.members.count == 3)
            for member in reply.members {
                #expect(page.contains(#"<a href="/admin/customers/\#(member.customer)">\#(member.customer)</a>"#))
                for fact in member.topFacts { #expect(page.contains("<li>\(fact)</li>"), "\(fact)") }
            }
            #expect(page.body.components(separatedBy: "<li>consented to email</li>").count - 1 == 3)
            #expect(page.contains(#"<input type="hidden" name="consent" value="email">"#), "the export carries the form")
        }
    }

    @Test func aBadValueIsA422WithTheReasonNextToItsFieldAndTheFormKept() async throws {
        try await WebWorld.run(Self.options) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let bad = [("category", "cold-drinks"), ("withinDays", "14 days"), ("churnBand[]", "sometimes"),
                       ("country", "gb"), ("intent", "evening <b>cold</b> drinks"), ("limit", "0"), ("city", "Leeds")]
            let page = try await Self.submit(analyst, bad)
            #expect(page.status == .unprocessableContent)
            #expect(page.contains(#"id="error-purchased">purchased.withinDays must be a whole number of days from 1 to 3650<"#))
            #expect(page.contains(#"id="error-churnBand">churnBand must be one of: active, cooling, at-risk, churned, never<"#))
            #expect(page.contains(#"id="error-country">country must be 2 capital letters<"#))
            #expect(page.contains(#"id="error-limit">limit must be a whole number from 1 to 500<"#))
            #expect(!page.contains(#"id="error-city""#) && !page.contains(#"id="counts""#), "nothing ran")
            #expect(page.contains(#"value="14 days""#) && page.contains(#"value="gb""#) && page.contains(#"value="Leeds""#))
            #expect(page.contains("evening &lt;b&gt;cold&lt;/b&gt; drinks</textarea>") && page.contains(#"value="0""#))
            // A category on no menu is refused by the port (it knows the menus): shown next to the same field.
            let caviar = try await Self.submit(analyst, [("category", "caviar"), ("withinDays", "7"), ("intent", "x")])
            #expect(caviar.status == .unprocessableContent && caviar.contains(#"id="error-purchased">unknown category"#))
            #expect(caviar.contains(#"value="caviar""#))
            #expect(try await world.store.audienceAudits(limit: 10).isEmpty)
        }
    }

    @Test func withoutTheSentenceModelThePageSaysHowToInstallItWith503() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let page = try await analyst.get(Self.path)
            #expect(page.status == .serviceUnavailable)
            #expect(page.contains("needs the local sentence model") && page.contains("<code>script/bootstrap</code>"))
            #expect(!page.contains(#"id="audience-form""#))
            let posted = try await analyst.post(Self.path, [("csrf", try page.csrf())] + Self.fields)
            #expect(posted.status == .serviceUnavailable && posted.contains("script/bootstrap"))
        }
    }

    @Test func headingsGoInOrderAndNothingPersonalIsShown() async throws {
        try await WebWorld.run(Self.options) { _, browser in
            for person in [AnalystWorld.Person.analyst, .admin] {
                let session = try await AnalystWorld.signedIn(person, from: browser)
                let pages = [try await session.get(Self.path), try await Self.submit(session, Self.fields),
                             try await Self.submit(session, [("intent", "")])]
                #expect(pages.map(\.status) == [.ok, .ok, .unprocessableContent])
                for page in pages {
                    let levels = try AnalystPagesTests.headingLevels(page.body)
                    #expect(levels.first == 1)
                    for (previous, next) in zip(levels, levels.dropFirst()) { #expect(next <= previous + 1) }
                    for secret in AnalystWorld.personal { #expect(!page.contains(secret), "\(secret) shown to \(person)") }
                }
            }
        }
    }
}
