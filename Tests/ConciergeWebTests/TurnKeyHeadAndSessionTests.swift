import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// Issue 13, item 9: a turn key the site did not hand out was accepted (the docs said 400), `HEAD` on a page was a
/// 404, and logging out ended only the current browser's session.
@Suite("Turn keys the site handed out, HEAD, log out everywhere")
struct TurnKeyHeadAndSessionTests {
    /// Well-formed keys nobody handed out, a key of another session of the same shopper and a key with its check
    /// altered are all 400s that store nothing; the page's own key goes through.
    @Test func aTurnKeyTheSiteDidNotHandOutIsA400() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let page = try await browser.get("/chat?c=new")
            let key = try #require(page.field("turn"))
            let otherDevice = browser.another()
            _ = try await otherDevice.logIn("ava@example.com", "cocoa-by-the-lake")
            let otherKey = try #require(try await otherDevice.get("/chat?c=new").field("turn"))
            let altered = String(key.dropLast()) + (key.hasSuffix("A") ? "B" : "A")
            let user = try await world.user("ava@example.com")
            let before = try await world.store.conversations(userID: user.id)
            for forged in ["turn_abcdefghjkmnpqrstvwx", "turn_drill_1_2", otherKey, altered, String(key.prefix(25))] {
                let refused = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", "any offers?"),
                                                               ("turn", forged)])
                #expect(refused.status == .badRequest, "\(forged)")
                #expect(refused.contains("it was not one this site gave you"))
                #expect(refused.field("turn") != forged, "the page offers a fresh key")
                let fetched = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", "any offers?"),
                                                               ("turn", forged)], headers: [.requestedWith: "fetch"])
                #expect(fetched.status == .badRequest && fetched.body.contains("not one this site gave you"))
            }
            #expect(try await world.store.conversations(userID: user.id) == before, "nothing was stored")
            let sent = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", "any offers?"),
                                                        ("turn", key)])
            #expect(sent.status == .seeOther)
        }
    }

    @Test func headAnswersLikeGetWithoutTheBody() async throws {
        try await WebWorld.run { _, browser in
            for path in ["/login", "/signup", "/healthz", "/public/app.css"] {
                let get = try await browser.get(path)
                let head = try await browser.send(path, method: .head, headers: [:], body: nil)
                #expect(head.status == .ok && get.status == .ok, "\(path)")
                #expect(head.body.isEmpty, "\(path)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(path)")
                #expect(head.headers[.contentLength] == String(get.body.utf8.count), "\(path)")
                #expect(head.headers[.contentSecurityPolicy] != nil, "security headers too")
            }
            let signedOut = try await browser.send("/chat", method: .head, headers: [:], body: nil)
            #expect(signedOut.status == .seeOther && signedOut.location == "/login?notice=expired")
            let missing = try await browser.send("/nowhere", method: .head, headers: [:], body: nil)
            #expect(missing.status == .notFound && missing.body.isEmpty)
            let postOnly = try await browser.send("/logout", method: .head, headers: [:], body: nil)
            #expect(postOnly.status == .methodNotAllowed && postOnly.body.isEmpty)
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let chat = try await browser.send("/chat", method: .head, headers: [:], body: nil)
            #expect(chat.status == .ok && chat.body.isEmpty)
        }
    }

    /// Every session of the account ends, on every device; other accounts' sessions do not.
    @Test func logOutEverywhereEndsEverySessionOfTheAccount() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let phone = browser.another()
            _ = try await phone.logIn("ava@example.com", "cocoa-by-the-lake")
            let noah = browser.another(address: "192.0.2.80")
            _ = try await noah.logIn("noah.miller@example.com", "subway-latte-77")
            let chat = try await browser.get("/chat")
            #expect(chat.contains(#"action="/logout-everywhere""#) && chat.contains("Log out everywhere"))
            #expect(try await browser.post("/logout-everywhere", [("csrf", "forged")]).status == .forbidden)
            #expect(try await phone.get("/chat").status == .ok, "a refused form ends nothing")
            let out = try await browser.post("/logout-everywhere", [("csrf", try chat.csrf())])
            #expect(out.status == .seeOther && out.location == "/login?notice=logged-out-everywhere")
            #expect(out.cookie(SessionCookieMiddleware.cookieName)?.expired == true)
            #expect(try await browser.get(out.location!).contains("logged out on every device"))
            #expect(try await phone.get("/chat").location == "/login?notice=expired", "the other device is out")
            #expect(try await noah.get("/chat").status == .ok, "another account is not")
            let ava = try await world.user("ava@example.com")
            #expect(try await world.store.exportAll().sessions.filter { $0.userID == ava.id }.isEmpty)
        }
    }
}
