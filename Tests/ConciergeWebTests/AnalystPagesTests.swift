import Foundation
import Hummingbird
import Testing

@testable import ConciergeWeb

/// What the analyst pages show: the overview's tables and charts, a segment's insight with its groundedness and
/// unsupported sentences, the refresh button's post-redirect-get, a customer's card, and nothing personal anywhere.
@Suite("Analyst pages: overview, segment, customer")
struct AnalystPagesTests {
    @Test func theOverviewHasTablesByLabelledSourceAndFourChartsEachWithATable() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let page = try await analyst.get("/admin")
            #expect(page.status == .ok)
            for section in ["Rule segments", "RFM segments", "Clustering segments", "The whole chain"] {
                #expect(page.contains(section), "\(section)")
            }
            #expect(page.contains(#"<a href="/admin/segments/high-value-active">High-value active</a>"#))
            #expect(page.contains("£964.20") && page.contains("148 days") && page.contains("<td>100%</td>"))
            #expect(page.contains("Value model: BG/NBD r 0.243"))
            for chart in ["chart-sizes", "chart-value", "chart-churn", "chart-clv"] {
                #expect(page.contains(#"<svg class="chart-svg" role="img" aria-labelledby="\#(chart)-title \#(chart)-desc""#),
                        "\(chart)")
                #expect(page.contains(#"<title id="\#(chart)-title">"#) && page.contains(#"<desc id="\#(chart)-desc">"#))
                #expect(page.contains(#"<figure class="chart" id="\#(chart)">"#), "\(chart) has a visible title")
                #expect(page.contains(#"<table class="data-table" id="\#(chart)-table">"#), "\(chart) has its table")
            }
            #expect(page.body.components(separatedBy: "<caption").count - 1 == page.body.components(separatedBy: "<table").count - 1,
                    "every table has a caption")
            #expect(page.contains("<th scope=\"row\">£250.00 and more</th><td>2</td>"), "the open-ended CLV bucket")
            #expect(page.contains("<th scope=\"row\">Churned (181+ days)</th>"))
            #expect(page.contains(#"<h3 class="chart-title">Distribution of CLV over the next 52 weeks</h3>"#))
            #expect(!page.contains("style=") && !page.contains("<script>"), "the CSP forbids inline style and script")
            let csp = try #require(page.headers[.contentSecurityPolicy])
            #expect(csp.contains("style-src 'self'") && csp.contains("script-src 'self'"))
        }
    }

    @Test func headingsGoInOrder() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            for uri in AnalystWorld.pages {
                let levels = try Self.headingLevels(try await analyst.get(uri).body)
                #expect(levels.first == 1, "\(uri) starts with h1")
                for (previous, next) in zip(levels, levels.dropFirst()) {
                    #expect(next <= previous + 1, "\(uri): h\(previous) then h\(next)")
                }
            }
        }
    }

    @Test func markupInASegmentNameIsShownAsText() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let escaped = "Weekend &lt;b&gt;brunch&lt;/b&gt; &amp; &quot;co&quot;"
            let overview = try await analyst.get("/admin")
            #expect(overview.contains(escaped) && !overview.contains("<b>brunch"))
            let segment = try await analyst.get("/admin/segments/\(InMemoryAnalystDesk.markupSegmentID)")
            #expect(segment.contains("<h1 id=\"segment-title\">\(escaped)</h1>"))
            #expect(segment.contains(#"id="no-insight""#))
        }
    }

    @Test func theSegmentPageShowsTheInsightItsUnsupportedSentenceWithReasonsAndTheVersions() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let page = try await analyst.get("/admin/segments/high-value-active")
            #expect(page.contains("Version 2, written 2026-11-21T14:02:00Z by mock."))
            #expect(page.contains(#"<span class="badge badge-bad" id="groundedness">Groundedness 67%</span>"#))
            #expect(page.contains("2 of 3 sentences supported"))
            #expect(page.contains("<q>\(InMemoryAnalystDesk.unsupportedSentence)</q>"))
            #expect(page.contains("<li>\(InMemoryAnalystDesk.unsupportedProblem)</li>"))
            #expect(page.contains("<li>cites note n-09, which was not retrieved</li>"))
            #expect(page.contains("<li><code>n-03</code></li><li><code>n-09</code></li>"), "cited notes")
            #expect(page.contains("<th scope=\"row\">Net value (GBP)</th><td>£964.20</td>"))
            #expect(page.contains(#"<tr class="latest"><th scope="row">2</th>"#) && page.contains("<th scope=\"row\">1</th>"))
            #expect(page.contains(#"<form method="post" action="/admin/segments/high-value-active/refresh-insight""#))
        }
    }

    @Test func refreshingFromThePageWritesANewVersionAndRedirectsBack() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let page = try await analyst.get("/admin/segments/high-value-active")
            let action = "/admin/segments/high-value-active/refresh-insight"
            #expect(try await analyst.post(action, []).status == .forbidden, "no CSRF token")
            #expect(try await analyst.post(action, [("csrf", "forged")]).status == .forbidden)
            let sent = try await analyst.post(action, [("csrf", try page.csrf())])
            #expect(sent.status == .seeOther && sent.location == "/admin/segments/high-value-active#insight-title")
            let after = try await analyst.get("/admin/segments/high-value-active")
            #expect(after.contains("Version 3, written") && after.contains("Groundedness 100%"))
            #expect(after.contains(#"id="unsupported""#) && after.contains("Every sentence is supported"))
            #expect(after.contains(#"<tr class="latest"><th scope="row">3</th>"#))
        }
    }

    @Test func theCustomerCardShowsFeaturesScoresAndValueUnderThePseudonymousID() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let page = try await analyst.get("/admin/customers/\(AnalystWorld.customer)")
            let row = try #require(InMemoryAnalystDesk().rows.first { $0.features.customer == AnalystWorld.customer })
            #expect(page.contains(#"<code id="customer-id">cus_017f3a</code>"#))
            #expect(page.contains("<th scope=\"row\">Orders</th><td>\(row.features.orderCount)</td>"))
            #expect(page.contains("<th scope=\"row\">Rule segment</th><td>\(row.segment.rawValue)</td>"))
            #expect(page.contains("<th scope=\"row\">RFM segment</th><td>\(row.rfm.segment)</td>"))
            #expect(page.contains("<th scope=\"row\">Value tier</th><td>\(row.rfm.valueTier.rawValue)</td>"))
            #expect(page.contains("<th scope=\"row\">CLV, next 12 months</th><td>£118.35</td>"))
            #expect(page.contains("<th scope=\"row\">Probability alive</th><td>81%</td>"))
        }
    }

    @Test func noPersonaNameOrEmailAppearsOnAnyAnalystPageOrJSON() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            for person in [AnalystWorld.Person.analyst, .admin] {
                let session = try await AnalystWorld.signedIn(person, from: browser)
                var answers = [String]()
                for uri in AnalystWorld.pages + AnalystWorld.apiReads + ["/admin/segments/rfm-at-risk"] {
                    answers.append(try await session.get(uri).body)
                }
                let token = try await AnalystWorld.csrf(session)
                answers.append(try await AnalystWorld.postJSON(session, AnalystWorld.refresh, token: token).body)
                for answer in answers {
                    for secret in AnalystWorld.personal { #expect(!answer.contains(secret), "\(secret) shown to \(person)") }
                }
            }
        }
    }

    /// The levels of `<h1>`…`<h6>` in document order.
    static func headingLevels(_ html: String) throws -> [Int] {
        let regex = try NSRegularExpression(pattern: "<h([1-6])[ >]")
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).flatMap { Int(html[$0]) }
        }
    }
}
