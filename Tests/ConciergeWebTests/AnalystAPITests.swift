import Analytics
import Foundation
import Hummingbird
import Testing

@testable import ConciergeWeb

/// The analyst JSON API: canonical JSON, the CSRF header and cross-site refusal on its one `POST`, the per-user rate
/// limits on the injected clock, and every answer (success and error) valid against `docs/openapi/analyst-api.json`.
@Suite("Analyst API: JSON, CSRF, rate limits, OpenAPI")
struct AnalystAPITests {
    @Test func answersAreCanonicalJSONOfTheDesksValues() async throws {
        let desk = InMemoryAnalystDesk()
        try await WebWorld.run(AnalystWorld.world(desk: desk)) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let overview = try await analyst.get("/admin/api/segments")
            let expected = try AnalystJSON.encoder().encode(try await desk.overview())
            #expect(overview.body == String(decoding: expected, as: UTF8.self))
            #expect(overview.body.hasPrefix(#"{"asOf":"2026-11-21","chain":{"#), "keys sorted")
            let segment = try JSONDecoder().decode(AnalystSegmentDetail.self,
                                                   from: Data(try await analyst.get("/admin/api/segments/\(AnalystWorld.segment)").body.utf8))
            #expect(segment.latestInsight?.version == 2 && segment.segment.id == AnalystWorld.segment)
            let none = try await analyst.get("/admin/api/segments/rfm-champions")
            #expect(!none.contains("latestInsight"), "no insight yet: the key is absent")
            let card = try JSONDecoder().decode(AnalystCustomerCard.self,
                                                from: Data(try await analyst.get("/admin/api/customers/\(AnalystWorld.customer)/features").body.utf8))
            #expect(card.customer.features.customer == AnalystWorld.customer && card.customer.value?.clv12mMinor == 11835)
        }
    }

    @Test func refreshNeedsTheSessionTokenFromThisSite() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            let refusals: [(String?, HTTPFields)] = [
                (nil, [:]), ("forged", [:]),
                (token, [HTTPFields.Element.Name("Sec-Fetch-Site")!: "cross-site"]),
                (token, [HTTPFields.Element.Name("Origin")!: "https://evil.example"]),
                (token, [HTTPFields.Element.Name("Origin")!: "null"]),
            ]
            for (sent, headers) in refusals {
                let answer = try await AnalystWorld.postJSON(analyst, AnalystWorld.refresh, token: sent, headers: headers)
                #expect(answer.status == .forbidden && AnalystWorld.errorCode(answer) == "csrf", "\(headers)")
            }
            let versions = try await analyst.get("/admin/api/segments/\(AnalystWorld.segment)/insights")
            #expect(versions.body.components(separatedBy: #""version":"#).count - 1 == 2, "nothing was written")

            let accepted = try await AnalystWorld.postJSON(
                analyst, AnalystWorld.refresh, token: token, headers: [HTTPFields.Element.Name("Sec-Fetch-Site")!: "same-origin"])
            #expect(accepted.status == .created)
            #expect(accepted.location == "/admin/api/segments/\(AnalystWorld.segment)/insights")
            let written = try JSONDecoder().decode(RefreshedInsight.self, from: Data(accepted.body.utf8))
            #expect(written.insight.version == 3)
            let listed = try await analyst.get(try #require(accepted.location))
            #expect(try JSONDecoder().decode(InsightVersions.self, from: Data(listed.body.utf8)).insights.map(\.version)
                == [3, 2, 1], "newest first")
        }
    }

    @Test func requestsAreLimitedPerUserWithRetryAfter() async throws {
        try await WebWorld.run(AnalystWorld.world()) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let admin = try await AnalystWorld.signedIn(.admin, from: browser)
            let limits = AnalystLimits()
            for request in 1...limits.requestsPerWindow {
                #expect(try await analyst.get("/admin/api/segments").status == .ok, "request \(request)")
            }
            world.clock.advance(seconds: 20)
            let refused = try await analyst.get("/admin/api/segments")
            #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] == "40")
            #expect(AnalystWorld.errorCode(refused) == "rate-limited")
            #expect(try await admin.get("/admin/api/segments").status == .ok, "another user has their own count")
            world.clock.advance(seconds: 40)
            #expect(try await analyst.get("/admin/api/segments").status == .ok, "a new window")
        }
    }

    @Test func refreshesAreLimitedPerUserAcrossTheAPIAndThePage() async throws {
        try await WebWorld.run(AnalystWorld.world()) { world, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            let limits = AnalystLimits()
            for refresh in 1..<limits.refreshesPerWindow {
                #expect(try await AnalystWorld.postJSON(analyst, AnalystWorld.refresh, token: token).status == .created,
                        "refresh \(refresh)")
            }
            let form = "/admin/segments/\(AnalystWorld.segment)/refresh-insight"
            #expect(try await analyst.post(form, [("csrf", token)]).status == .seeOther, "the last one, from the page")
            world.clock.advance(seconds: 600)
            let refused = try await AnalystWorld.postJSON(analyst, AnalystWorld.refresh, token: token)
            #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] == "3000")
            let page = try await analyst.post(form, [("csrf", token)])
            #expect(page.status == .tooManyRequests && page.headers[.retryAfter] != nil)
        }
    }

    @Test func theLimitsComeFromTheConfiguration() async throws {
        var options = AnalystWorld.world()
        options.environment = ["ANALYST_REFRESHES_PER_HOUR": "1", "ANALYST_API_REQUESTS_PER_MINUTE": "3"]
        try await WebWorld.run(options) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let token = try await AnalystWorld.csrf(analyst)
            #expect(try await AnalystWorld.postJSON(analyst, AnalystWorld.refresh, token: token).status == .created)
            #expect(try await AnalystWorld.postJSON(analyst, AnalystWorld.refresh, token: token).status == .tooManyRequests)
            #expect(try await analyst.get("/admin/api/segments").status == .ok)
            #expect(try await analyst.get("/admin/api/segments").status == .tooManyRequests, "the fourth request")
        }
    }
}
