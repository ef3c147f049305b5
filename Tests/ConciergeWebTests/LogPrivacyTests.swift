import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

@Suite("Logs are a privacy surface")
struct LogPrivacyTests {
    /// Signup, a failed and a good login, chat turns (plain and fetch), a location change and logout: every line
    /// the application logged, at every level, is free of the e-mail, phone, password, message text and tokens.
    @Test func noPersonalDataOrSecretReachesTheLogs() async throws {
        try await WebWorld.run { world, browser in
            let email = "priya.logcheck@example.com"
            let phone = "+44 7700 900555"
            let password = "saffron lanterns at dusk"
            let message = "I'm cold and my card 4111 1111 1111 1111 is for ORD-AVA10001"
            _ = try await browser.submit(on: "/signup", to: "/signup", [
                ("name", "Priya Logcheck"), ("email", email), ("password", password), ("phone", phone),
                ("city", "Edinburgh"), ("temperature", "cold"),
            ])
            _ = try await browser.submit(on: "/chat", to: "/logout", [])  // the signup signed in
            _ = try await browser.logIn(email, "not the password at all")
            _ = try await browser.logIn(email, password)
            let session = try #require(browser.cookies[SessionCookieMiddleware.cookieName])
            let page = try await browser.get("/chat")
            let sent = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", message)])
            _ = try await browser.post("/chat", [("csrf", try page.csrf()), ("message", "any offers for Priya?")],
                                       headers: [.requestedWith: "fetch"])
            _ = try await browser.submit(on: "/chat", to: "/location", [("latitude", "55.95330"), ("longitude", "-3.18830")])
            _ = try await browser.submit(on: "/chat", to: "/logout", [])

            let lines = world.logs.lines
            #expect(lines.count >= 10, "the flow was logged")
            #expect(lines.contains { $0.contains("route=/chat") && $0.contains("status=303") })
            let secrets = [email, "priya.logcheck", phone, "900555", password, "Priya", message, "I'm cold", "4111",
                           "ORD-AVA10001", "any offers", session, try page.csrf(), "55.953", "conv_",
                           String(sent.location?.dropFirst(8).prefix(20) ?? "missing")]
            for secret in secrets {
                #expect(world.logs.lines(containing: secret).isEmpty, "the logs contain \(secret)")
            }
        }
    }
}
