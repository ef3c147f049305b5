import ConciergeApp
import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// Issue 14, "What the model costs", end to end through the composition root and the real SQLite store: a chat turn
/// against a model that reports usage → the reviewer's trace, `/metrics`, `/admin/usage` and its API.
@Suite("Model usage: trace, metrics, the admin usage page and API")
struct ModelUsageWebTests {
    /// 0.15 EUR per 1,000 prompt tokens, 0.6 per 1,000 completion tokens.
    static let prices = ["LLM_PRICE_PER_1K_PROMPT_TOKENS": "0.15", "LLM_PRICE_PER_1K_COMPLETION_TOKENS": "0.6",
                         "LLM_PRICE_CURRENCY": "EUR"]

    static func options(llm: (any LLMClient)? = BilledModel()) -> WebWorld.Options {
        var options = WebWorld.Options()
        options.environment = prices
        options.llm = llm
        return options
    }

    static let today = "2026-11-21"

    @Test func aTurnsTokensReachTheTraceTheMetricsAndTheUsagePage() async throws {
        try await WebWorld.run(Self.options()) { _, browser in
            _ = try await browser.logIn("reviewer@example.com", "review-every-answer")
            let page = try await browser.get("/chat")
            _ = try await browser.post("/debug", [("csrf", try page.csrf()), ("show", "1"), ("conversation", "")])
            let sent = try await browser.submit(on: "/chat", to: "/chat", [("message", "I'm cold")])
            let view = try await browser.get(String(sent.location!.prefix { $0 != "#" }))
            #expect(view.contains("attempt 1: ok 200, 0 ms, backoff 0 ms, 812 prompt + 41 completion = 853 tokens"))
            #expect(view.contains(#"<p class="trace-tokens">Turn total: 812 prompt + 41 completion = 853 tokens</p>"#))

            let metrics = try await browser.get("/metrics")
            for line in [#"concierge_llm_calls_total{model="gpt-test",purpose="shopper-chat"} 1"#,
                         #"concierge_llm_prompt_tokens_total{model="gpt-test",purpose="shopper-chat"} 812"#,
                         #"concierge_llm_completion_tokens_total{model="gpt-test",purpose="shopper-chat"} 41"#,
                         // 812 × 150,000 + 41 × 600,000 nano-units = 0.1464 EUR
                         #"concierge_llm_estimated_cost_nano_units_total{model="gpt-test",purpose="shopper-chat","#
                            + #"currency="EUR"} 146400000"#] {
                #expect(metrics.contains(line), "\(line)")
            }

            _ = try await browser.post("/logout", [("csrf", try view.csrf())])
            _ = try await browser.logIn("admin@example.com", "keys-to-the-cafe")
            let usage = try await browser.get("/admin/usage")
            #expect(usage.status == .ok)
            let row = "<tr><th scope=\"row\">\(Self.today)</th><td>gpt-test</td><td>shopper-chat</td><td>1</td>"
                + "<td>812</td><td>41</td><td>0.1464 EUR</td></tr>"
            #expect(usage.contains(row), "\(usage.body)")
            #expect(usage.contains("Total, last 30 days</th><td>1</td><td>812</td><td>41</td><td>0.1464 EUR</td>"))
            #expect(usage.contains(#"<strong id="usage-from">2026-10-23</strong>"#), "30 days, today included")
            #expect(!usage.contains("I&#39;m cold") && !usage.contains("I'm cold") && !usage.contains("usr_"))

            let api = try await browser.get("/admin/api/usage")
            #expect(api.status == .ok)
            let report = try JSONDecoder().decode(ModelUsageReport.self, from: Data(api.body.utf8))
            #expect(report.rows.map(\.purpose) == ["shopper-chat"] && report.rows.first?.costNanos == 146_400_000)
            #expect(report.totals.map(\.cost) == ["0.1464"] && report.totals.map(\.currency) == ["EUR"])
            #expect(try await browser.get("/admin").contains(#"id="model-usage-link""#), "linked for admins")
        }
    }

    /// Every model caller is wrapped by the composition root under its own purpose.
    @Test func theAnalystSidesCallsAreRecordedUnderTheirPurposes() async throws {
        try await WebWorld.run(Self.options()) { _, browser in
            let admin = try await AnalystWorld.signedIn(.admin, from: browser)
            let token = try await AnalystWorld.csrf(admin)
            let refresh = "/admin/api/segments/high-value-active/refresh-insight"
            let refreshed = try await AnalystWorld.postJSON(admin, refresh, token: token)
            #expect(refreshed.status == .created)
            let asked = try await AnalystOpenAPITests.postChat(admin, #"{"question":"what's our total CLV?"}"#,
                                                               token: token)
            #expect(asked.status.code / 100 == 2)
            let report = try JSONDecoder().decode(ModelUsageReport.self,
                                                  from: Data(try await admin.get("/admin/api/usage").body.utf8))
            let purposes = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.purpose, $0) })
            #expect(purposes["segment-insight"]?.calls == 1 && purposes["segment-insight"]?.promptTokens == 812)
            #expect((purposes["analyst-chat"]?.calls ?? 0) >= 1 && purposes["analyst-chat"]?.model == "gpt-test")
        }
    }

    @Test func theMockCostsNothingWhateverThePrice() async throws {
        try await WebWorld.run(Self.options(llm: nil)) { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            _ = try await browser.submit(on: "/chat", to: "/chat", [("message", "I'm cold")])
            _ = try await browser.post("/logout", [("csrf", try await browser.get("/chat").csrf())])
            _ = try await browser.logIn("admin@example.com", "keys-to-the-cafe")
            let usage = try await browser.get("/admin/usage")
            #expect(usage.contains("<td>mock</td><td>shopper-chat</td><td>1</td><td>0</td><td>0</td><td>0.00 EUR</td>"))
        }
    }

    @Test func anEmptyPeriodSaysSo() async throws {
        try await WebWorld.run(Self.options()) { _, browser in
            _ = try await browser.logIn("admin@example.com", "keys-to-the-cafe")
            let usage = try await browser.get("/admin/usage")
            #expect(usage.status == .ok && usage.contains(#"id="usage-empty""#) && !usage.contains("usage-table"))
            let api = try await browser.get("/admin/api/usage")
            #expect(api.body.contains(#""rows":[]"#) && api.body.contains(#""totals":[]"#))
        }
    }

    /// Admins only: spending is the operator's business (`UserRole.mayReviewModelCosts`).
    @Test func onlyAdminsSeeWhatTheModelCosts() async throws {
        try await WebWorld.run(Self.options()) { _, browser in
            let signedOut = try await browser.get("/admin/usage")
            #expect(signedOut.status == .seeOther && signedOut.location?.hasPrefix("/login") == true)
            #expect(try await browser.get("/admin/api/usage").status == .unauthorized)
            for (email, password) in [("ava@example.com", "cocoa-by-the-lake"),
                                      ("reviewer@example.com", "review-every-answer"),
                                      ("analyst@example.com", "read-the-segments")] {
                _ = try await browser.logIn(email, password)
                #expect(try await browser.get("/admin/usage").status == .forbidden, "\(email)")
                #expect(try await browser.get("/admin/api/usage").status == .forbidden, "\(email)")
                _ = try await browser.post("/logout", [("csrf", try await browser.get("/chat").csrf())])
            }
            _ = try await browser.logIn("analyst@example.com", "read-the-segments")
            #expect(!(try await browser.get("/admin")).contains("model-usage-link"), "not linked for analysts")
        }
    }

    @Test func theUsagePageEscapesWhatTheProviderReports() async throws {
        try await WebWorld.run(Self.options(llm: BilledModel(model: "<script>alert(1)</script>"))) { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            _ = try await browser.submit(on: "/chat", to: "/chat", [("message", "I'm cold")])
            _ = try await browser.post("/logout", [("csrf", try await browser.get("/chat").csrf())])
            _ = try await browser.logIn("admin@example.com", "keys-to-the-cafe")
            let usage = try await browser.get("/admin/usage")
            #expect(usage.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !usage.contains("<script>alert"))
        }
    }
}

/// The mock's answers, billed like a provider's: every attempt reports 812 prompt and 41 completion tokens, and
/// the response names `model`.
struct BilledModel: LLMClient {
    var model = "gpt-test"

    func complete(_ request: LLMRequest) async throws -> LLMCompletion {
        // The mock answers chat prompts only; any other prompt (an insight, an analyst answer) gets an empty JSON
        // object, which the callers refuse and replace with their deterministic text: the call is billed all the same.
        var completion = (try? await MockLLMClient().complete(request))
            ?? LLMCompletion(text: "{}", model: model, attempts: [
                LLMAttempt(number: 1, outcome: .ok(status: 200), latencyMs: 0, backoffMs: 0),
            ])
        completion.model = model
        completion.attempts = completion.attempts.map {
            var attempt = $0
            attempt.usage = LLMUsage(promptTokens: 812, completionTokens: 41)
            return attempt
        }
        return completion
    }
}

/// Issue 16: every audience discovery call reports and records its model usage. Ranking is local, so a discovery
/// with a given filter asks no model: recorded as model `none`, one call, zero tokens, zero cost.
@Suite("Model usage of audience discovery")
struct AudienceDiscoveryUsageTests {
    static var options: WebWorld.Options {
        var options = AudiencePageTests.options
        options.environment = ModelUsageWebTests.prices
        options.audiences = { store in
            AudienceDiscoveryService(
                store: store,
                discovery: AudienceDiscovery(embeddings: EmbeddingCache(HashingEmbedder()),
                                             pseudonyms: CustomerPseudonyms(key: nil)),
                clock: FixedWallClock(instant: WebWorld.afternoon),
                usage: ModelUsageRecorder(store: store, clock: FixedWallClock(instant: WebWorld.afternoon),
                                          pricing: ModelPricing(currency: "EUR", promptMicrosPer1K: 150_000,
                                                                completionMicrosPer1K: 600_000)))
        }
        return options
    }

    @Test func theAPIAndTheBuilderShowTheCallsUsageAndTheStoreRecordsIt() async throws {
        try await WebWorld.run(Self.options) { world, browser in
            let csrf = try await AudienceAPITests.signIn(world, browser, "admin@example.com", "keys-to-the-cafe")
            let reply = try await AudienceAPITests.post(browser, AudienceAPITests.body, csrf: csrf)
            #expect(reply.status == .ok)
            #expect(reply.contains(#""usage":{"completionTokens":0,"cost":"0.00","costNanos":0,"currency":"EUR","#
                                   + #""model":"none","promptTokens":0}"#), "\(reply.body)")
            let page = try await AudiencePageTests.submit(browser, AudiencePageTests.fields)
            #expect(page.contains(#"<p class="hint" id="discovery-usage">Model usage of this discovery: no model "#
                                  + "asked (ranking is local): 0 prompt + 0 completion tokens, cost 0.00 EUR</p>"))
            let today = ModelUsageWebTests.today
            let rows = try await world.store.modelUsage(from: today, through: today)
            #expect(rows == [ModelUsageRecord(day: today, model: "none", purpose: "audience-discovery", currency: "EUR",
                                              calls: 2, promptTokens: 0, completionTokens: 0, costNanos: 0)],
                    "one per discovery: the API's and the page's")
            let usage = try await browser.get("/admin/usage")
            #expect(usage.contains("<td>no model</td><td>audience-discovery</td><td>2</td><td>0</td><td>0</td>"
                                   + "<td>0.00 EUR</td>"))
        }
    }
}
