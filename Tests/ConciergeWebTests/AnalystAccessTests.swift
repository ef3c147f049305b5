import Foundation
import Hummingbird
import Testing

@testable import ConciergeWeb

/// Who may open what under `/admin`: analysts and admins everything; shoppers and reviewers a 403 (JSON for the API);
/// anyone logged out the login page, or a 401 JSON from the API. Also: HEAD, unknown ids, no desk wired.
@Suite("Analyst side: roles, HEAD, unknown ids, not configured")
struct AnalystAccessTests {
    @Test(arguments: AnalystWorld.Person.allCases)
    func everyPageAndEndpointAnswersByRole(_ person: AnalystWorld.Person) async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let session = try await AnalystWorld.signedIn(person, from: browser)
            for uri in AnalystWorld.pages {
                let page = try await session.get(uri)
                if person.mayUseAnalytics {
                    #expect(page.status == .ok && page.contains("<h1"), "\(person) \(uri)")
                } else {
                    #expect(page.status == .forbidden && page.contains("Your account cannot open that."),
                            "\(person) \(uri)")
                }
            }
            for uri in AnalystWorld.apiReads {
                let answer = try await session.get(uri)
                #expect(answer.headers[.contentType] == AnalystJSON.contentType, "\(uri)")
                if person.mayUseAnalytics {
                    #expect(answer.status == .ok, "\(person) \(uri)")
                } else {
                    #expect(answer.status == .forbidden && AnalystWorld.errorCode(answer) == "forbidden",
                            "\(person) \(uri)")
                }
            }
            let token = try await AnalystWorld.csrf(session)
            let refreshed = try await AnalystWorld.postJSON(session, AnalystWorld.refresh, token: token)
            #expect(refreshed.status == (person.mayUseAnalytics ? .created : .forbidden), "\(person) refresh")
            let form = try await session.post("/admin/segments/\(AnalystWorld.segment)/refresh-insight",
                                              [("csrf", token)])
            #expect(form.status == (person.mayUseAnalytics ? .seeOther : .forbidden), "\(person) refresh form")
        }
    }

    @Test func loggedOutPagesGoToTheLoginAndTheAPIAnswers401JSON() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            for uri in AnalystWorld.pages {
                #expect(try await browser.get(uri).location == "/login?notice=expired", "\(uri)")
            }
            for uri in AnalystWorld.apiReads {
                let answer = try await browser.get(uri)
                #expect(answer.status == .unauthorized && AnalystWorld.errorCode(answer) == "unauthorized")
            }
            let post = try await AnalystWorld.postJSON(browser, AnalystWorld.refresh, token: "anything")
            #expect(post.status == .unauthorized)
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            for uri in AnalystWorld.pages + AnalystWorld.apiReads {
                let get = try await analyst.get(uri)
                let head = try await analyst.send(uri, method: .head, headers: [:], body: nil)
                #expect(head.status == .ok && head.body.isEmpty, "\(uri)")
                #expect(head.headers[.contentLength] == String(get.body.utf8.count), "\(uri)")
            }
        }
    }

    @Test func unknownOrMalformedIdsAre404() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            for uri in ["/admin/segments/no-such-segment", "/admin/customers/cus_99zzzz",
                        "/admin/customers/ava%40example.com"] {
                #expect(try await analyst.get(uri).status == .notFound, "\(uri)")
            }
            let token = try await AnalystWorld.csrf(analyst)
            let unknown = [
                "/admin/api/segments/no-such-segment", "/admin/api/segments/no-such-segment/insights",
                "/admin/api/customers/cus_99zzzz/features", "/admin/api/customers/ava%40example.com/features",
            ]
            for uri in unknown {
                let answer = try await analyst.get(uri)
                #expect(answer.status == .notFound && AnalystWorld.errorCode(answer) == "not-found", "\(uri)")
            }
            let post = try await AnalystWorld.postJSON(analyst, "/admin/api/segments/nope/refresh-insight", token: token)
            #expect(post.status == .notFound && AnalystWorld.errorCode(post) == "not-found")
            let wrongMethod = try await analyst.send("/admin/api/segments", method: .delete, headers: [:], body: nil)
            #expect(wrongMethod.status == .methodNotAllowed && wrongMethod.headers[.allow] == "GET")
            #expect(AnalystWorld.errorCode(wrongMethod) == "method-not-allowed")
        }
    }

    @Test func withoutADeskTheAnalystSideSaysItIsNotConfigured() async throws {
        try await WebWorld.run(AnalystWorld.world(desk: nil)) { _, browser in
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            let page = try await analyst.get("/admin")
            #expect(page.status == .serviceUnavailable && page.contains("The analyst side is not configured"))
            let answer = try await analyst.get("/admin/api/segments")
            #expect(answer.status == .serviceUnavailable && AnalystWorld.errorCode(answer) == "not-configured")
            #expect(answer.contains("The analyst side is not configured on this server."))
            let shopper = try await AnalystWorld.signedIn(.shopper, from: browser)
            #expect(try await shopper.get("/admin/api/segments").status == .forbidden, "roles are checked first")
        }
    }

    @Test func theHeaderLinksTheAnalystSideForAnalystsAndAdminsOnly() async throws {
        try await WebWorld.run(AnalystWorld.world()) { _, browser in
            for person in AnalystWorld.Person.allCases {
                let session = try await AnalystWorld.signedIn(person, from: browser)
                let chat = try await session.get("/chat")
                #expect(chat.contains(#"<a href="/admin" class="analyst-link" id="analyst-desk-link">"#)
                    == person.mayUseAnalytics, "\(person)")
            }
        }
    }
}
