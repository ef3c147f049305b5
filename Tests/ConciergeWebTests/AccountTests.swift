import Bcrypt
import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

@Suite("Accounts: signup, login, throttling, logout, sessions")
struct AccountTests {
    static let newcomer: [(String, String)] = [
        ("name", "Mia Newcomer"), ("email", "Mia.Newcomer@Example.com"), ("password", "a kettle of oolong"),
        ("phone", "+44 7700 900777"), ("city", "London"), ("temperature", "hot"), ("dietary[]", "vegan"),
    ]

    /// Issue 14: a new account lands on the chat signed in, with a session cookie exactly like a login's.
    @Test func signupCreatesAShopperAndSignsThemIn() async throws {
        try await WebWorld.run { world, browser in
            let page = try await browser.submit(on: "/signup", to: "/signup", Self.newcomer)
            #expect(page.status == .seeOther)
            #expect(page.location == "/chat")
            let cookie = try #require(page.cookie(SessionCookieMiddleware.cookieName), "signing up logs in")
            #expect(cookie.has("HttpOnly") && cookie.has("SameSite=Lax") && cookie.has("Path=/"))
            let user = try await world.user("mia.newcomer@example.com")
            #expect(user.role == .shopper && user.name == "Mia Newcomer" && user.phone == "+44 7700 900777")
            #expect(user.timeZone == "Europe/London" && user.home != nil)
            #expect(user.preferences == Preferences(temperature: .hot, dietary: [.vegan]))
            #expect(user.passwordHash == "test-hash:" + String("a kettle of oolong".reversed()))
            let chat = try await browser.get(page.location!)
            #expect(chat.status == .ok && chat.contains("Signed in as Mia") && chat.contains(#"id="empty-hint""#))
            let stored = try await world.store.session(tokenHash: TokenHash.of(cookie.value), now: world.clock.now())
            #expect(stored?.userID == user.id, "stored hashed, like a login's")
        }
    }

    @Test func passwordsAreBcryptAtTheConfiguredCost() async throws {
        var options = WebWorld.Options()
        options.hasher = BcryptPasswordHasher(cost: 4)
        try await WebWorld.run(options) { world, browser in
            _ = try await browser.submit(on: "/signup", to: "/signup", Self.newcomer)
            let hash = try #require(try await world.user("mia.newcomer@example.com").passwordHash)
            #expect(hash.hasPrefix("$2b$04$") && hash.utf8.count == 60)
            let login = try await browser.another().logIn("mia.newcomer@example.com", "a kettle of oolong")
            #expect(login.status == .seeOther && login.location == "/chat")
        }
    }

    /// A taken e-mail signs nobody in and changes nothing; it is sent to log in. Since a fresh signup is signed in,
    /// the two can be told apart (docs/web.md: inherent without e-mail verification, bounded by the signup throttle).
    @Test func aTakenEmailIsSentToLogInAndTheAccountIsUntouched() async throws {
        try await WebWorld.run { world, browser in
            let before = try await world.user("ava@example.com")
            var duplicate = Self.newcomer
            duplicate[1] = ("email", "AVA@example.com")
            let taken = try await browser.submit(on: "/signup", to: "/signup", duplicate)
            #expect(taken.status == .seeOther && taken.location == "/login?notice=taken")
            #expect(taken.cookie(SessionCookieMiddleware.cookieName) == nil, "no session for a taken e-mail")
            #expect(try await browser.get(taken.location!).contains("That e-mail already has an account"))
            #expect(try await world.user("ava@example.com") == before, "the existing account is untouched")
            #expect(try await browser.get("/chat").location == "/login?notice=expired")
        }
    }

    @Test(arguments: [
        ("short pw", "at least 10 characters"), ("password123", "too common"), ("QWERTYUIOP", "too common"),
        ("mia.newcomer@example.com", "must not be your e-mail"), (String(repeating: "é", count: 40), "at most 72 bytes"),
    ])
    func weakPasswordsAreRefusedWithoutEchoingThem(password: String, reason: String) async throws {
        try await WebWorld.run { world, browser in
            var fields = Self.newcomer
            fields[2] = ("password", password)
            let page = try await browser.submit(on: "/signup", to: "/signup", fields)
            #expect(page.status == .unprocessableContent)
            #expect(page.contains(reason))
            #expect(!page.contains(FormBody.escape(password)) && page.field("password") == nil)
            #expect(page.field("name") == "Mia Newcomer", "what was typed is kept")
            #expect(try await world.store.user(email: "mia.newcomer@example.com") == nil)
        }
    }

    @Test func signupValidatesEveryField() async throws {
        try await WebWorld.run { _, browser in
            let page = try await browser.submit(on: "/signup", to: "/signup", [
                ("name", ""), ("email", "not-an-email"), ("password", "a kettle of oolong"), ("phone", "call me"),
                ("city", "Atlantis"), ("temperature", "lukewarm"),
            ])
            #expect(page.status == .unprocessableContent)
            for problem in ["your name", "e-mail address like", "phone number", "city from the list", "options shown"] {
                #expect(page.contains(problem), "\(problem)")
            }
        }
    }

    @Test func loginStartsAHashedHttpOnlySession() async throws {
        try await WebWorld.run { world, browser in
            let page = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            #expect(page.status == .seeOther && page.location == "/chat")
            let cookie = try #require(page.cookie(SessionCookieMiddleware.cookieName))
            #expect(cookie.has("HttpOnly") && cookie.has("SameSite=Lax") && !cookie.has("Secure") && cookie.has("Path=/"))
            #expect(Data(base64Encoded: cookie.value)?.count == 32, "256 random bits")
            let stored = try #require(try await world.store.session(tokenHash: TokenHash.of(cookie.value), now: world.clock.now()))
            #expect(stored.userID == (try await world.user("ava@example.com")).id)
            #expect(stored.expiresAt == world.clock.now().addingTimeInterval(30 * 86_400))
            #expect(try await world.store.session(tokenHash: cookie.value, now: world.clock.now()) == nil, "never the token")
            #expect(try await browser.get("/chat").status == .ok)
        }
    }

    /// Unknown e-mail and wrong password: same status, same page (but for the typed e-mail).
    @Test func failedLoginsLookTheSameForUnknownEmailsAndWrongPasswords() async throws {
        try await WebWorld.run { _, browser in
            let wrong = try await browser.logIn("ava@example.com", "not-her-password")
            let unknown = try await browser.another().logIn("nobody@example.com", "not-her-password")
            #expect(wrong.status == .unprocessableContent && unknown.status == wrong.status)
            func normalized(_ page: Page, _ email: String) throws -> String {
                page.body.replacingOccurrences(of: email, with: "E").replacingOccurrences(of: try page.csrf(), with: "T")
            }
            #expect(try normalized(wrong, "ava@example.com") == normalized(unknown, "nobody@example.com"))
            #expect(wrong.contains(LoginCopy.failure))
            #expect(wrong.cookie(SessionCookieMiddleware.cookieName) == nil)
        }
    }

    /// The policy page: 5 failures lock the account for 15 minutes, whoever asks and whether or not it exists.
    @Test func fiveFailuresLockAnAccountForFifteenMinutes() async throws {
        try await WebWorld.run { world, browser in
            for _ in 1...5 { #expect(try await browser.logIn("ava@example.com", "wrong-password").status == .unprocessableContent) }
            let locked = try await browser.another(address: "192.0.2.99").logIn("ava@example.com", "cocoa-by-the-lake")
            #expect(locked.status == .tooManyRequests && locked.headers[.retryAfter] == "900")
            #expect(locked.contains(LoginCopy.locked(minutes: 15)) && locked.cookie(SessionCookieMiddleware.cookieName) == nil)
            for _ in 1...5 { _ = try await browser.logIn("ghost@example.com", "wrong-password") }
            #expect(try await browser.logIn("ghost@example.com", "wrong-password").status == .tooManyRequests,
                    "unknown e-mails lock the same way, so a lock proves nothing")
            world.clock.advance(seconds: 15 * 60)
            #expect(try await browser.logIn("ava@example.com", "cocoa-by-the-lake").location == "/chat")
        }
    }

    @Test func twentyFailuresFromOneAddressBlockItButNotOthers() async throws {
        try await WebWorld.run { _, browser in
            for attempt in 1...20 {
                _ = try await browser.logIn("spray\(attempt)@example.com", "wrong-password")
            }
            #expect(try await browser.logIn("ava@example.com", "cocoa-by-the-lake").status == .tooManyRequests)
            #expect(try await browser.another().logIn("ava@example.com", "cocoa-by-the-lake").location == "/chat")
        }
    }

    @Test func logoutDeletesTheSessionAndItsCookie() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            let token = try #require(browser.cookies[SessionCookieMiddleware.cookieName])
            let page = try await browser.submit(on: "/chat", to: "/logout", [])
            #expect(page.status == .seeOther && page.location == "/login?notice=logged-out")
            #expect(page.cookie(SessionCookieMiddleware.cookieName)?.expired == true)
            #expect(try await world.store.session(tokenHash: TokenHash.of(token), now: world.clock.now()) == nil)
            let replay = browser.another()
            replay.setCookie(SessionCookieMiddleware.cookieName, token)
            #expect(try await replay.get("/chat").location == "/login?notice=expired")
        }
    }

    /// A token chosen or obtained by an attacker never becomes the victim's session.
    @Test func loginRotatesTheSessionSoFixationFails() async throws {
        try await WebWorld.run { world, browser in
            let attacker = browser.another()
            _ = try await attacker.logIn("noah.miller@example.com", "subway-latte-77")
            let planted = try #require(attacker.cookies[SessionCookieMiddleware.cookieName])
            // The victim opens the login page, then the attacker's token is planted before they submit it.
            let victim = browser.another(address: "192.0.2.50")
            let form = try await victim.get("/login")
            victim.setCookie(SessionCookieMiddleware.cookieName, planted)
            let login = try await victim.post("/login", [("csrf", try form.csrf()), ("email", "ava@example.com"),
                                                         ("password", "cocoa-by-the-lake")])
            #expect(login.location == "/chat")
            let issued = try #require(victim.cookies[SessionCookieMiddleware.cookieName])
            #expect(issued != planted)
            #expect(try await world.store.session(tokenHash: TokenHash.of(planted), now: world.clock.now()) == nil)
            #expect(try await attacker.get("/chat").location == "/login?notice=expired", "the planted token is dead")
            let invented = browser.another(address: "192.0.2.51")
            let inventedForm = try await invented.get("/login")
            invented.setCookie(SessionCookieMiddleware.cookieName, "attacker-chosen-value")
            _ = try await invented.post("/login", [("csrf", try inventedForm.csrf()), ("email", "ava@example.com"),
                                                   ("password", "cocoa-by-the-lake")])
            #expect(invented.cookies[SessionCookieMiddleware.cookieName] != "attacker-chosen-value")
        }
    }

    @Test func sessionsExpireAfterThirtyDays() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            world.clock.advance(seconds: 29 * 86_400)
            #expect(try await browser.get("/chat").status == .ok)
            world.clock.advance(seconds: 86_400 + 1)
            #expect(try await browser.get("/chat").location == "/login?notice=expired")
        }
    }

    @Test func cookiesAreSecureOnlyBehindATrustedTLSProxy() async throws {
        try await WebWorld.run { _, browser in
            let page = try await browser.get("/login", headers: [.forwardedProto: "https"])
            #expect(page.cookie(FormTokens.cookieName)?.has("Secure") == true)
            #expect(page.headers[.strictTransportSecurity] == "max-age=31536000")
            let login = try await browser.post("/login", [("csrf", try page.csrf()), ("email", "ava@example.com"),
                                                          ("password", "cocoa-by-the-lake")],
                                               headers: [.forwardedProto: "https"])
            #expect(login.cookie(SessionCookieMiddleware.cookieName)?.has("Secure") == true)
        }
        var untrusted = WebWorld.Options()
        untrusted.trustForwardedHeaders = false
        try await WebWorld.run(untrusted) { _, browser in
            let page = try await browser.get("/login", headers: [.forwardedProto: "https"])
            #expect(page.cookie(FormTokens.cookieName)?.has("Secure") == false)
            #expect(page.headers[.strictTransportSecurity] == nil)
        }
    }

    @Test func signedInVisitorsSkipTheLoginAndSignupPages() async throws {
        try await WebWorld.run { _, browser in
            #expect(try await browser.get("/").location == "/login")
            _ = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            #expect(try await browser.get("/").location == "/chat")
            #expect(try await browser.get("/login").location == "/chat")
            #expect(try await browser.get("/signup").location == "/chat")
        }
    }
}
