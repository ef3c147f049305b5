import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

@Suite("Error pages, limits, headers, health and metrics")
struct ErrorAndOpsTests {
    @Test func unknownPagesAreA404PageWithTheSecurityHeaders() async throws {
        try await WebWorld.run { _, browser in
            let page = try await browser.get("/no/such/page?q=<script>")
            #expect(page.status == .notFound && page.contains("Page not found") && page.contains("Error 404"))
            #expect(!page.contains("<script>") && !page.contains("no/such"))
            #expect(page.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware<WebContext>.contentSecurityPolicy)
            #expect(page.headers[.xFrameOptions] == "DENY" && page.headers[.xContentTypeOptions] == "nosniff")
            #expect(page.headers[.cacheControl] == "no-store")
        }
    }

    @Test func theCSPForbidsInlineCodeAndFraming() {
        let policy = SecurityHeadersMiddleware<WebContext>.contentSecurityPolicy
        #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"))
        #expect(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline") && !policy.contains("*"))
    }

    @Test func postOnlyRoutesAnswer405() async throws {
        try await WebWorld.run { _, browser in
            for path in ["/logout", "/location", "/debug"] {
                let page = try await browser.get(path)
                #expect(page.status == .methodNotAllowed && page.headers[.allow] == "POST", "\(path)")
            }
        }
    }

    /// Signed in, so that a listed method reaches its route: it must answer anything but 404 or 405 (the list in
    /// `Site.pages` is true), and every other method 405 with the listed ones in `Allow`.
    @Test func everyOtherMethodOnAPageIs405() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("reviewer@example.com", "review-every-answer")
            for page in KnownPages.all {
                let allow = page.methods.map(\.rawValue).joined(separator: ", ")
                for method in KnownPages.refusedMethods {
                    let response = try await browser.send(page.path, method: method, headers: [:], body: nil)
                    if page.methods.contains(method) {
                        #expect(![.notFound, .methodNotAllowed].contains(response.status), "\(method) \(page.path)")
                    } else {
                        #expect(response.status == .methodNotAllowed && response.headers[.allow] == allow,
                                "\(method) \(page.path): \(response.status)")
                    }
                }
            }
        }
    }

    @Test func csrfMissingOrWrongIs403OnEveryForm() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.get("/login")
            let anonymous = [("email", "ava@example.com"), ("password", "cocoa-by-the-lake")]
            #expect(try await browser.post("/login", anonymous).status == .forbidden)
            #expect(try await browser.post("/login", [("csrf", "forged")] + anonymous).status == .forbidden)
            #expect(try await browser.post("/signup", [("csrf", "forged")] + AccountTests.newcomer).status == .forbidden)
            let stranger = browser.another()
            let strangersToken = try await stranger.get("/login").csrf()
            #expect(try await browser.post("/login", [("csrf", strangersToken)] + anonymous).status == .forbidden,
                    "a token is bound to its own cookie")
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            _ = try await stranger.logIn("noah.miller@example.com", "subway-latte-77")
            let othersToken = try await stranger.get("/chat").csrf()
            for (path, fields) in [("/chat", [("message", "hi")]), ("/logout", []), ("/location", [("city", "Paris")])] {
                let missing = try await browser.post(path, fields)
                let wrong = try await browser.post(path, [("csrf", othersToken)] + fields)
                #expect(missing.status == .forbidden && wrong.status == .forbidden, "\(path)")
                #expect(missing.contains("This form has expired"))
            }
            #expect(try await browser.get("/chat").status == .ok, "still signed in: the forged logout did nothing")
        }
    }

    @Test func oversizedBodiesAre413() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let csrf = try await browser.get("/chat").csrf()
            let big = FormBody.encode([("csrf", csrf), ("message", String(repeating: "x", count: 40_000))])
            let page = try await browser.post("/chat", raw: Array(big.utf8))
            #expect(page.status == .contentTooLarge && page.contains("That was too much"))
        }
    }

    @Test(arguments: [[UInt8](Array("email=a%FFb&password=x".utf8)), [0x65, 0x6D, 0x61, 0x69, 0x6C, 0x3D, 0xC3, 0x28]])
    func invalidUTF8IsA400Page(body: [UInt8]) async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.get("/login")
            let page = try await browser.post("/login", raw: body)
            #expect(page.status == .badRequest && page.contains("not valid UTF-8"))
        }
    }

    @Test func onlyUrlEncodedFormsAreAccepted() async throws {
        try await WebWorld.run { _, browser in
            let page = try await browser.post("/login", raw: Array(#"{"email":"x"}"#.utf8), contentType: "application/json")
            #expect(page.status == .unsupportedMediaType)
        }
    }

    @Test func staticFilesAreServedWithACacheHeader() async throws {
        try await WebWorld.run { _, browser in
            let css = try await browser.get("/public/app.css")
            #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(css.headers[.cacheControl] == "max-age=3600")
            let script = try await browser.get("/public/app.js")
            #expect(script.status == .ok && script.contains("X-Requested-With"))
            let escape = try await browser.get("/public/../Package.swift")
            #expect(escape.status == .badRequest && !escape.contains("PackageDescription"), "no path traversal")
        }
    }

    @Test func healthAndMetrics() async throws {
        try await WebWorld.run { world, browser in
            let health = try await browser.get("/healthz")
            #expect(health.status == .ok && health.body == "ok\n")
            _ = try await browser.logIn("ava@example.com", "wrong-password")
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            _ = try await browser.submit(on: "/chat", to: "/chat", [("message", "I'm cold")])
            let metrics = try await browser.get("/metrics")
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            for line in [#"concierge_http_requests_total{route="/chat",method="POST",status="303"} 1"#,
                         #"concierge_http_requests_total{route="/healthz",method="GET",status="200"} 1"#,
                         #"concierge_http_request_duration_seconds_bucket{route="/chat""#,
                         #"concierge_llm_attempts_total{outcome="ok"} 1"#,
                         #"concierge_chat_turns_total{source="model"} 1"#,
                         #"concierge_login_failures_total{reason="credentials"} 1"#] {
                #expect(metrics.contains(line), "\(line)")
            }
            #expect(!metrics.contains("ava") && !metrics.contains("conv_"))
            _ = world
        }
    }

    /// A configured embedding model that cannot load: the site serves with lexical retrieval, says so once in the
    /// log and on every /healthz, and stays healthy (200).
    @Test func aMissingEmbeddingModelIsADegradationOnHealthzNotAnOutage() async throws {
        var options = WebWorld.Options()
        options.embedder = .failed("model.safetensors is missing in .models/all-MiniLM-L6-v2")
        try await WebWorld.run(options) { world, browser in
            let health = try await browser.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.body == "ok\ndegraded: policy retrieval: lexical only (model.safetensors is missing in "
                + ".models/all-MiniLM-L6-v2)\ndegraded: understanding: cues only (model.safetensors is missing in "
                + ".models/all-MiniLM-L6-v2)\n")
            #expect(world.logs.lines(containing: "policy retrieval is lexical only").count == 1)
            #expect(world.logs.lines(containing: "understanding runs on cues alone").count == 1)
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let sent = try await browser.submit(on: "/chat", to: "/chat", [("message", "how long does a refund take?")])
            #expect(sent.status == .seeOther, "chat still answers")
        }
    }

    /// Analyst notes that cannot be read leave the analyst side unbuilt: `/admin` answers 503 "not configured", the
    /// reason is on /healthz, and the shopper's side serves as before.
    @Test func unreadableAnalystNotesAreADegradationNotAnOutage() async throws {
        let seeds = FileManager.default.temporaryDirectory.appendingPathComponent("seeds-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: RepositoryPaths.seeds, to: seeds)
        defer { try? FileManager.default.removeItem(at: seeds) }
        try FileManager.default.removeItem(at: seeds.appendingPathComponent("analyst-notes"))
        var options = WebWorld.Options()
        options.environment["SEEDS_DIR"] = seeds.path
        try await WebWorld.run(options) { world, browser in
            let health = try await browser.get("/healthz")
            #expect(health.status == .ok && health.contains("degraded: analyst side:"), "\(health.body)")
            #expect(world.logs.lines(containing: "the analyst side is not configured").count == 1)
            let analyst = try await AnalystWorld.signedIn(.analyst, from: browser)
            #expect(try await analyst.get("/admin").status == .serviceUnavailable)
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let sent = try await browser.submit(on: "/chat", to: "/chat", [("message", "any offers?")])
            #expect(sent.status == .seeOther, "chat still answers")
        }
    }

    @Test func aStoreThatIsDownGives503PagesWithoutDetails() async throws {
        try await WebWorld.run { world, browser in
            world.switchable.goDown(throwing: StoreError.unavailable("connection refused to db.internal:5432"))
            #expect(try await browser.get("/healthz").status == .serviceUnavailable)
            let login = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            #expect(login.status == .serviceUnavailable && login.contains("We will be right back"))
            #expect(!login.contains("db.internal") && !login.contains("connection refused"))
            #expect(world.logs.lines(containing: "db.internal").isEmpty)
        }
    }

    @Test func unexpectedFailuresGive500PagesAndLogOnlyTheErrorType() async throws {
        try await WebWorld.run { world, browser in
            world.switchable.goDown(throwing: Failure.secretInternalDetail("SELECT * FROM users -- ava@example.com"))
            let login = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            #expect(login.status == .internalServerError && login.contains("Something went wrong"))
            #expect(!login.contains("SELECT") && !login.contains("secretInternalDetail"))
            #expect(world.logs.lines(containing: "error.type=Failure").count == 1)
            #expect(world.logs.lines(containing: "SELECT").isEmpty)
        }
    }
}

/// A database broken in an unexpected way: its message holds SQL and an e-mail that must never reach a page or a log.
private enum Failure: Error { case secretInternalDetail(String) }
