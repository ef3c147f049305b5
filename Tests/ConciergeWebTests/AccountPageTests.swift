import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

@Suite("Account page: profile, change password, log out everywhere")
struct AccountPageTests {
    static let ava = ("ava@example.com", "cocoa-by-the-lake")

    @Test func signedOutVisitorsAreSentToLogIn() async throws {
        try await WebWorld.run { _, browser in
            #expect(try await browser.get("/account").location == "/login?notice=expired")
            let post = try await browser.post("/account/password", [("current", "x"), ("password", "y")])
            #expect(post.status == .seeOther && post.location == "/login?notice=expired")
        }
    }

    @Test func theChatHeaderLinksTheAccountPageWhichShowsTheProfile() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            let chat = try await browser.get("/chat")
            #expect(chat.contains(#"href="/account""#))
            let page = try await browser.get("/account")
            let ava = try await world.user(Self.ava.0)
            #expect(page.status == .ok)
            #expect(page.contains(ava.name) && page.contains(ava.email))
            for form in ["/account/password", "/logout-everywhere", "/account/data"] { #expect(page.contains(form)) }
            #expect(!page.contains("$2b$") && !page.contains(ava.passwordHash ?? "no hash"), "never the hash")
        }
    }

    @Test func changingThePasswordKeepsThisBrowserAndSignsOutTheOthers() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            let phone = browser.another()
            _ = try await phone.logIn(Self.ava.0, Self.ava.1)
            let before = try #require(browser.cookies[SessionCookieMiddleware.cookieName])
            let changed = try await browser.submit(on: "/account", to: "/account/password",
                                                   [("current", Self.ava.1), ("password", "a brand new teapot")])
            #expect(changed.status == .seeOther && changed.location == "/account?notice=password-changed")
            let after = try #require(browser.cookies[SessionCookieMiddleware.cookieName])
            #expect(after != before, "this browser's session is rotated")
            #expect(try await world.store.session(tokenHash: TokenHash.of(before), now: world.clock.now()) == nil)
            let page = try await browser.get(changed.location!)
            #expect(page.status == .ok && page.contains("Your password has been changed"))
            #expect(try await phone.get("/chat").location == "/login?notice=expired", "the other device is out")
            let old = try await browser.another(address: "192.0.2.7").logIn(Self.ava.0, Self.ava.1)
            #expect(old.status == .unprocessableContent)
            let new = try await browser.another(address: "192.0.2.8").logIn(Self.ava.0, "a brand new teapot")
            #expect(new.location == "/chat")
            #expect(world.logs.lines(containing: "a brand new teapot").isEmpty)
            #expect(world.logs.lines(containing: Self.ava.1).isEmpty)
        }
    }

    @Test func aWrongCurrentPasswordChangesNothingAndCountsAsAFailedLogin() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            let hash = try await world.user(Self.ava.0).passwordHash
            let page = try await browser.submit(on: "/account", to: "/account/password",
                                                [("current", "not-her-password"), ("password", "a brand new teapot")])
            #expect(page.status == .unprocessableContent && page.contains("not your current password"))
            #expect(page.contains(#"role="alert""#) && !page.contains("a brand new teapot"))
            #expect(try await world.user(Self.ava.0).passwordHash == hash)
            for _ in 1...4 {
                _ = try await browser.submit(on: "/account", to: "/account/password",
                                             [("current", "wrong-again"), ("password", "a brand new teapot")])
            }
            let locked = try await browser.submit(on: "/account", to: "/account/password",
                                                  [("current", Self.ava.1), ("password", "a brand new teapot")])
            #expect(locked.status == .unprocessableContent && locked.contains("Too many wrong passwords"))
            #expect(try await world.user(Self.ava.0).passwordHash == hash)
        }
    }

    @Test func aWeakNewPasswordIsRefusedWithThePolicysReason() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            let hash = try await world.user(Self.ava.0).passwordHash
            let page = try await browser.submit(on: "/account", to: "/account/password",
                                                [("current", Self.ava.1), ("password", "short")])
            #expect(page.status == .unprocessableContent && page.contains("at least 10 characters"))
            #expect(try await world.user(Self.ava.0).passwordHash == hash)
            #expect(try await browser.get("/account").status == .ok, "still signed in")
        }
    }

    @Test func theFormNeedsTheSessionsCSRFToken() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            let hash = try await world.user(Self.ava.0).passwordHash
            let forged = try await browser.post("/account/password", [("csrf", "forged"), ("current", Self.ava.1),
                                                                      ("password", "a brand new teapot")])
            #expect(forged.status == .forbidden)
            #expect(try await world.user(Self.ava.0).passwordHash == hash)
        }
    }
}
