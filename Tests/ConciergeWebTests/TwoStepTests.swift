import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

@Suite("Two-step verification: enrol, log in with a code or a recovery code, turn off")
struct TwoStepTests {
    static let ava = ("ava@example.com", "cocoa-by-the-lake")

    /// The code an authenticator app with `secret` shows at `date`.
    static func code(_ secret: String, at date: Date, offset: Int64 = 0) throws -> String {
        TOTP.code(secret: try #require(Base32.decode(secret)), step: TOTP.step(at: date) + offset)
    }

    /// Enrols Ava in `browser`: returns the secret (read from the page, as a person would) and the recovery codes.
    static func enrol(_ world: WebWorld, _ browser: Browser) async throws -> (secret: String, codes: [String]) {
        let start = try await browser.submit(on: "/account", to: "/account/two-step", [])
        #expect(start.status == .ok)
        let secret = String(try #require(start.body.firstMatch(of: /id="two-step-secret">([A-Z2-7]+)</)).1)
        #expect(start.contains("otpauth://totp/Bramble%20%26%20Bean:ava@example.com?secret=\(secret)&amp;issuer="))
        let confirmed = try await browser.post("/account/two-step/confirm", [
            ("csrf", try start.csrf()), ("code", try code(secret, at: world.clock.now())),
        ])
        #expect(confirmed.status == .ok && confirmed.contains("Two-step verification is on"))
        let codes = confirmed.body.matches(of: /<li><code>([A-Z2-7]{5}-[A-Z2-7]{5})<\/code><\/li>/).map { String($0.1) }
        #expect(codes.count == 10 && Set(codes).count == 10)
        return (secret, codes)
    }

    @Test func enrollingShowsTheSecretOnceAndTheLoginThenAsksForACode() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            let (secret, codes) = try await Self.enrol(world, browser)
            let account = try await browser.get("/account")
            #expect(account.contains("On: logging in asks for a code") && !account.contains(secret))
            let stored = try #require(try await world.store.secondFactor(userID: try await world.user(Self.ava.0).id))
            #expect(!stored.recoveryCodeHashes.contains { hash in codes.contains { hash.contains($0) } })
            #expect(world.logs.lines(containing: secret).isEmpty && codes.allSatisfy { world.logs.lines(containing: $0).isEmpty })
            // A new device: the password alone starts no session.
            let phone = browser.another(address: "192.0.2.40")
            let password = try await phone.logIn(Self.ava.0, Self.ava.1)
            #expect(password.location == "/login/code" && phone.cookies[SessionCookieMiddleware.cookieName] == nil)
            #expect(try await phone.get("/chat").location?.hasPrefix("/login") == true)
            world.clock.advance(seconds: 30)
            let wrong = try await phone.submit(on: "/login/code", to: "/login/code", [("code", "000000")])
            #expect(wrong.status == .unprocessableContent && wrong.contains("That code does not work"))
            let right = try await phone.submit(on: "/login/code", to: "/login/code",
                                               [("code", try Self.code(secret, at: world.clock.now()))])
            #expect(right.location == "/chat" && phone.cookies[SessionCookieMiddleware.cookieName] != nil)
            #expect(try await phone.get("/chat").status == .ok)
            // The same code again, from a third device: refused (a code is accepted once).
            let third = browser.another(address: "192.0.2.41")
            _ = try await third.logIn(Self.ava.0, Self.ava.1)
            let replay = try await third.submit(on: "/login/code", to: "/login/code",
                                                [("code", try Self.code(secret, at: world.clock.now()))])
            #expect(replay.status == .unprocessableContent)
            // A recovery code works once.
            let recovered = try await third.submit(on: "/login/code", to: "/login/code", [("code", codes[0].lowercased())])
            #expect(recovered.location == "/chat")
            let fourth = browser.another(address: "192.0.2.42")
            _ = try await fourth.logIn(Self.ava.0, Self.ava.1)
            let again = try await fourth.submit(on: "/login/code", to: "/login/code", [("code", codes[0])])
            #expect(again.status == .unprocessableContent)
        }
    }

    @Test func theCodeStepNeedsAFreshPasswordAndCountsFailures() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            _ = try await Self.enrol(world, browser)
            let stranger = browser.another(address: "192.0.2.50")
            #expect(try await stranger.get("/login/code").location == "/login", "no password, no code page")
            stranger.setCookie("concierge_pending_login", "usr_demo_ava.9999999999.forged")
            let forged = try await stranger.submit(on: "/login", to: "/login/code", [("code", "123456")])
            #expect(forged.location == "/login")
            let phone = browser.another(address: "192.0.2.51")
            _ = try await phone.logIn(Self.ava.0, Self.ava.1)
            world.clock.advance(seconds: 6 * 60)
            #expect(try await phone.get("/login/code").location == "/login", "the pending login expires")
            _ = try await phone.logIn(Self.ava.0, Self.ava.1)
            for _ in 1...5 { _ = try await phone.submit(on: "/login/code", to: "/login/code", [("code", "000000")]) }
            let locked = try await phone.submit(on: "/login/code", to: "/login/code", [("code", "111111")])
            #expect(locked.status == .tooManyRequests)
        }
    }

    @Test func aWrongEnrolmentCodeDoesNotTurnItOnOrShowTheSecretAgain() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            let start = try await browser.submit(on: "/account", to: "/account/two-step", [])
            let wrong = try await browser.post("/account/two-step/confirm", [("csrf", try start.csrf()), ("code", "000000")])
            #expect(wrong.status == .unprocessableContent && wrong.contains("does not match"))
            #expect(!wrong.contains("two-step-secret"))
            #expect(try await browser.another(address: "192.0.2.60").logIn(Self.ava.0, Self.ava.1).location == "/chat")
            let forged = try await browser.post("/account/two-step", [("csrf", "forged")])
            #expect(forged.status == .forbidden)
            #expect(try await world.store.secondFactor(userID: try await world.user(Self.ava.0).id)?.confirmedAt == nil)
        }
    }

    @Test func turningItOffNeedsThePassword() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn(Self.ava.0, Self.ava.1)
            _ = try await Self.enrol(world, browser)
            let wrong = try await browser.submit(on: "/account", to: "/account/two-step/disable", [("password", "nope-nope-nope")])
            #expect(wrong.status == .unprocessableContent && wrong.contains(#"id="two-step-off-error""#))
            let off = try await browser.submit(on: "/account", to: "/account/two-step/disable", [("password", Self.ava.1)])
            #expect(off.location == "/account?notice=two-step-off")
            #expect(try await browser.another(address: "192.0.2.70").logIn(Self.ava.0, Self.ava.1).location == "/chat")
        }
    }
}
