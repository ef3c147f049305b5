import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

@Suite("Reviewer debug view")
struct DebugViewTests {
    /// A shopper gets no trace however they ask: the toggle is refused, and a crafted cookie or query is ignored.
    @Test func shoppersNeverSeeTheTrace() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/chat")
            #expect(!page.contains("debug-toggle"))
            let toggle = try await browser.post("/debug", [("csrf", try page.csrf()), ("show", "1")])
            #expect(toggle.status == .forbidden && toggle.contains("Your account cannot open that."))
            #expect(toggle.cookie(CookieJar.debug) == nil)
            browser.setCookie(CookieJar.debug, "1")
            let sent = try await browser.post("/chat?debug=1", [("csrf", try page.csrf()), ("message", "I'm cold"),
                                                                 ("debug", "1")])
            let conversation = String(sent.location!.prefix { $0 != "#" })
            for uri in [conversation, conversation + "&debug=1"] {
                let view = try await browser.get(uri)
                #expect(view.status == .ok && !view.contains("Debug trace") && !view.contains("Masked prompt"))
            }
            let fragment = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", "any offers?")],
                                                  headers: [.requestedWith: "fetch"])
            #expect(!fragment.contains("Debug trace"))
        }
    }

    @Test func reviewersToggleAMaskedTraceUnderEachAnswer() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn("reviewer@example.com", "review-every-answer")
            let page = try await browser.get("/chat")
            #expect(page.contains(#"id="debug-toggle" aria-pressed="false""#))
            let on = try await browser.post("/debug", [("csrf", try page.csrf()), ("show", "1"), ("conversation", "")])
            #expect(on.status == .seeOther && on.cookie(CookieJar.debug)?.value == "1")
            let message = "I'm cold, my card is 4111 1111 1111 1111 and my email is me@home.example"
            let sent = try await browser.submit(on: "/chat", to: "/chat", [("message", message)])
            let view = try await browser.get(String(sent.location!.prefix { $0 != "#" }))
            for part in ["Debug trace", "comfort-cold", "Retrieved policy chunks", "Shops considered", "Coupons",
                         "excluded, expired", "Model attempts", "ok 200", "Guard verdict", "Stage timings",
                         "Masked prompt", "&lt;CARD_", "&lt;EMAIL_", "&lt;NAME_1&gt;",
                         #"aria-pressed="true""#] {
                #expect(view.contains(part), "\(part)")
            }
            let reviewer = try await world.user("reviewer@example.com")
            let start = try #require(view.body.range(of: #"<pre class="prompt" tabindex="0" aria-label="Masked prompt">"#))
            let end = try #require(view.body.range(of: "</pre>", range: start.upperBound..<view.body.endIndex))
            let prompt = view.body[start.upperBound..<end.lowerBound]
            for secret in ["4111", "me@home.example", reviewer.email, reviewer.name] {
                #expect(!prompt.contains(secret), "\(secret) must be masked in the trace")
            }
            let off = try await browser.post("/debug", [("csrf", try view.csrf()), ("show", "0")])
            #expect(off.cookie(CookieJar.debug)?.expired == true)
            #expect(!(try await browser.get("/chat")).contains("Debug trace"))
        }
    }

    @Test func adminsMayUseTheDebugViewToo() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("admin@example.com", "keys-to-the-cafe")
            let page = try await browser.get("/chat")
            #expect(try await browser.post("/debug", [("csrf", try page.csrf()), ("show", "1")]).status == .seeOther)
            let fragment = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", "I'm cold")],
                                                  headers: [.requestedWith: "fetch"])
            #expect(fragment.contains("Debug trace"))
        }
    }

    @Test func theToggleNeedsItsCSRFTokenEvenForReviewers() async throws {
        try await WebWorld.run { _, browser in
            _ = try await browser.logIn("reviewer@example.com", "review-every-answer")
            #expect(try await browser.post("/debug", [("show", "1")]).status == .forbidden)
            #expect(try await browser.get("/debug").status == .methodNotAllowed)
        }
    }
}
