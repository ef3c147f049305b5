import ConciergeApp
import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// `POST /admin/api/audiences/discover` over HTTP: who may call it, the CSRF header, and a bad filter's 400.
@Suite("Audience API: analysts only, CSRF header, 400 with the reason")
struct AudienceAPITests {
    static let path = "/admin/api/audiences/discover"
    static let body = #"{"filter": {"all": [{"consent": "email"}]}, "intent": "evening cold drinks", "limit": 3}"#

    static var options: WebWorld.Options {
        var options = WebWorld.Options()
        options.audiences = { store in
            AudienceDiscoveryService(
                store: store,
                discovery: AudienceDiscovery(embeddings: EmbeddingCache(HashingEmbedder()),
                                             pseudonyms: CustomerPseudonyms(key: nil)),
                clock: FixedWallClock(instant: WebWorld.afternoon))
        }
        return options
    }

    /// Signs in and returns the session's CSRF token (read from the store: the API has no form to carry it).
    static func signIn(_ world: WebWorld, _ browser: Browser, _ email: String, _ password: String) async throws
        -> String
    {
        _ = try await browser.logIn(email, password)
        let user = try await world.user(email)
        let sessions = try await world.store.exportAll().sessions.filter { $0.userID == user.id }
        return try #require(sessions.last?.csrfToken)
    }

    static func post(_ browser: Browser, _ body: String, csrf: String?, contentType: String = "application/json")
        async throws -> Page
    {
        var headers: HTTPFields = [.contentType: contentType]
        if let csrf { headers[AudienceRoutes.csrfHeader] = csrf }
        return try await browser.send(path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func anAnalystGetsCountsAndARankedListWithReasons() async throws {
        try await WebWorld.run(Self.options) { world, browser in
            let csrf = try await Self.signIn(world, browser, "analyst@example.com", "read-the-segments")
            let page = try await Self.post(browser, Self.body, csrf: csrf)
            #expect(page.status == .ok)
            let reply = try JSONDecoder().decode(Reply.self, from: Data(page.body.utf8))
            #expect(reply.counts["returned"] == 3 && (reply.counts["afterStoreFilter"] ?? 0) < (reply.counts["allCustomers"] ?? 0))
            #expect(reply.members.count == 3 && reply.members.allSatisfy { $0.customer.hasPrefix("c_") })
            #expect(reply.members.allSatisfy { $0.matchedClauses == ["consented to email"] && !$0.topFacts.isEmpty })
            #expect(!page.body.contains("@example.com"))
        }
    }

    @Test func aBadFilterIsA400WithTheReason() async throws {
        try await WebWorld.run(Self.options) { world, browser in
            let csrf = try await Self.signIn(world, browser, "admin@example.com", "keys-to-the-cafe")
            let bad = #"{"filter": {"all": [{"sql": "DROP TABLE users"}]}, "intent": "x"}"#
            let page = try await Self.post(browser, bad, csrf: csrf)
            #expect(page.status == .badRequest)
            #expect(page.body.contains(#"clause 1: unknown field \"sql\""#))
            let unknownCategory = #"{"filter": {"all": [{"purchased": {"category": "caviar", "withinDays": 7}}]}, "intent": "x"}"#
            #expect(try await Self.post(browser, unknownCategory, csrf: csrf).body.contains("unknown category"))
        }
    }

    @Test func shoppersAndReviewersAre403AndStrangers401() async throws {
        try await WebWorld.run(Self.options) { world, browser in
            #expect(try await Self.post(browser, Self.body, csrf: "x").status == .unauthorized)
            let shopper = try await Self.signIn(world, browser, "ava@example.com", "cocoa-by-the-lake")
            #expect(try await Self.post(browser, Self.body, csrf: shopper).status == .forbidden)
            let reviewer = browser.another()
            let token = try await Self.signIn(world, reviewer, "reviewer@example.com", "review-every-answer")
            #expect(try await Self.post(reviewer, Self.body, csrf: token).status == .forbidden)
        }
    }

    @Test func withoutTheSessionsCSRFHeaderOrAsAFormItIsRefused() async throws {
        try await WebWorld.run(Self.options) { world, browser in
            let csrf = try await Self.signIn(world, browser, "analyst@example.com", "read-the-segments")
            #expect(try await Self.post(browser, Self.body, csrf: nil).status == .forbidden)
            #expect(try await Self.post(browser, Self.body, csrf: csrf + "x").status == .forbidden)
            let form = try await Self.post(browser, Self.body, csrf: csrf, contentType: "application/x-www-form-urlencoded")
            #expect(form.status == .unsupportedMediaType)
        }
    }
}

extension AudienceAPITests {
    static func export(_ browser: Browser, csrf: String, query: String) async throws -> Page {
        let headers: HTTPFields = [.contentType: "application/json", AudienceRoutes.csrfHeader: csrf]
        return try await browser.send(AudienceRoutes.exportPath + query, method: .post, headers: headers,
                                      body: ByteBuffer(string: body))
    }

    @Test func anAnalystExportsAMaskedFileAndOnlyAnAdminGetsContactsEachAudited() async throws {
        try await WebWorld.run(Self.options) { world, browser in
            let csrf = try await Self.signIn(world, browser, "analyst@example.com", "read-the-segments")
            let masked = try await Self.export(browser, csrf: csrf, query: "?format=csv")
            #expect(masked.status == .ok && masked.body.hasPrefix("customer,score,reasons,email_masked,phone_masked"))
            #expect(!masked.body.contains("@example.com"))
            #expect(try await Self.export(browser, csrf: csrf, query: "?format=csv&contacts=email").status == .forbidden)
            #expect(try await Self.export(browser, csrf: csrf, query: "?format=xml").status == .badRequest)
            let admin = browser.another()
            let token = try await Self.signIn(world, admin, "admin@example.com", "keys-to-the-cafe")
            let contacts = try await Self.export(admin, csrf: token, query: "?format=json&contacts=email")
            #expect(contacts.status == .ok && contacts.body.contains("@"))
            let audits = try await world.store.audienceAudits(limit: 10)
            // Both at the fixed instant (ids are random, so no order is asserted); the refused ones wrote nothing.
            #expect(audits.count == 2 && Set(audits.map(\.kind)) == [.contacts, .masked])
            #expect(audits.allSatisfy { $0.filter == #"{"all":[{"consent":"email"}]}"# && $0.count <= 3 })
        }
    }
}

/// The parts of the response the tests read.
struct Reply: Decodable {
    struct Member: Decodable {
        var customer: String
        var matchedClauses: [String]
        var topFacts: [String]
    }

    var counts: [String: Int]
    var members: [Member]
}

struct FixedWallClock: WallClock {
    var instant: Date
    func now() -> Date { instant }
}
