import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// "Forgot password" over a real SMTP server (`SMTPTestPeer`, aiosmtpd on 127.0.0.1) through the real libcurl mailer:
/// the link is read from the captured mail, never from a log.
@Suite("Password reset by e-mail")
struct PasswordResetTests {
    static let ava = ("ava@example.com", "cocoa-by-the-lake")
    static let newPassword = "a fresh pot of tea"

    static func options(_ peer: SMTPTestPeer) -> WebWorld.Options {
        var options = WebWorld.Options()
        options.environment = ["SMTP_HOST": "127.0.0.1", "SMTP_PORT": String(peer.port), "SMTP_TLS": "none",
                               "SMTP_FROM": "concierge@brambleandbean.test", "PUBLIC_URL": "https://concierge.test/"]
        return options
    }

    /// The link in the mail, checked to point at the configured site.
    static func link(in message: SMTPTestPeer.Message) throws -> String {
        let line = message.body.split(separator: "\n").first { $0.hasPrefix("https://concierge.test/reset-password?token=") }
        return String(try #require(line).dropFirst("https://concierge.test".count))
    }

    @Test func withoutMailTheSiteSaysResetByEmailIsNotAvailable() async throws {
        try await WebWorld.run { _, browser in
            let login = try await browser.get("/login")
            #expect(login.contains(#"href="/forgot-password""#))
            let page = try await browser.get("/forgot-password")
            #expect(page.status == .ok && page.contains("not available on this site") && !page.contains("forgot-form"))
            // The page has no form to send; a post made anyway (an old tab) gets the same plain statement.
            let post = try await browser.submit(on: "/login", to: "/forgot-password", [("email", Self.ava.0)])
            #expect(post.contains("not available on this site") && !post.contains("we have sent"))
        }
    }

    @Test func theAnswerIsTheSameForKnownAndUnknownEmailsAndOnlyTheAccountGetsMail() async throws {
        let peer = try await SMTPTestPeer.launch()
        try await WebWorld.run(Self.options(peer)) { world, browser in
            let unknown = try await browser.submit(on: "/forgot-password", to: "/forgot-password",
                                                   [("email", "nobody@example.com")])
            let known = try await browser.another().submit(on: "/forgot-password", to: "/forgot-password",
                                                           [("email", "AVA@example.com")])
            #expect(unknown.status == .ok && known.status == .ok)
            #expect(unknown.body == known.body && known.contains("If an account uses that e-mail"))
            let mail = try await peer.waitForMessages(1)
            #expect(mail.count == 1 && mail[0].recipients == ["ava@example.com"])
            #expect(mail[0].header("Subject") == ResetMail.subject && mail[0].header("From") == "concierge@brambleandbean.test")
            let token = String(try Self.link(in: mail[0]).split(separator: "=").last ?? "")
            #expect(token.count == 43)
            for secret in [token, TokenHash.of(token), "reset-password?token"] {
                #expect(world.logs.lines(containing: secret).isEmpty, "the log holds the link")
            }
            #expect(world.logs.lines(containing: "nobody@example.com").isEmpty)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try peer.messages().count == 1, "no mail for an e-mail without an account")
        }
    }

    @Test func theLinkSetsANewPasswordOnceAndSignsOutEverywhere() async throws {
        let peer = try await SMTPTestPeer.launch()
        try await WebWorld.run(Self.options(peer)) { world, browser in
            let phone = browser.another(address: "192.0.2.30")
            _ = try await phone.logIn(Self.ava.0, Self.ava.1)
            _ = try await browser.submit(on: "/forgot-password", to: "/forgot-password", [("email", Self.ava.0)])
            let link = try Self.link(in: try await peer.waitForMessages(1)[0])
            world.clock.advance(seconds: 59 * 60)
            let page = try await browser.get(link)
            #expect(page.status == .ok && page.contains("reset-form"))
            let weak = try await browser.post("/reset-password", [("csrf", try page.csrf()), ("token", page.field("token") ?? ""),
                                                                  ("password", "short")])
            #expect(weak.status == .unprocessableContent && weak.contains("at least 10 characters"))
            let done = try await browser.post("/reset-password", [("csrf", try page.csrf()), ("token", page.field("token") ?? ""),
                                                                  ("password", Self.newPassword)])
            #expect(done.status == .seeOther && done.location == "/login?notice=password-reset")
            #expect(try await phone.get("/chat").location == "/login?notice=expired", "every session ended")
            #expect(try await browser.logIn(Self.ava.0, Self.newPassword).location == "/chat")
            #expect(try await browser.another(address: "192.0.2.31").logIn(Self.ava.0, Self.ava.1).status
                    == .unprocessableContent)
            let reused = try await browser.another(address: "192.0.2.32").get(link)
            #expect(reused.status == .gone && reused.contains("no longer works") && !reused.contains("reset-form"))
            #expect(world.logs.lines(containing: Self.newPassword).isEmpty)
        }
    }

    @Test func aLinkOlderThanSixtyMinutesNoLongerWorks() async throws {
        let peer = try await SMTPTestPeer.launch()
        try await WebWorld.run(Self.options(peer)) { world, browser in
            let hash = try await world.user(Self.ava.0).passwordHash
            _ = try await browser.submit(on: "/forgot-password", to: "/forgot-password", [("email", Self.ava.0)])
            let link = try Self.link(in: try await peer.waitForMessages(1)[0])
            let page = try await browser.get(link)
            world.clock.advance(seconds: 60 * 60)
            #expect(try await browser.get(link).status == .gone)
            let late = try await browser.post("/reset-password", [("csrf", try page.csrf()), ("token", page.field("token") ?? ""),
                                                                  ("password", Self.newPassword)])
            #expect(late.status == .gone && late.contains("no longer works"))
            #expect(try await world.user(Self.ava.0).passwordHash == hash)
            let madeUp = try await browser.get("/reset-password?token=" + String(repeating: "A", count: 43))
            #expect(madeUp.status == .gone)
        }
    }

    @Test func theFormsNeedTheirCSRFTokenAndAPlausibleEmail() async throws {
        let peer = try await SMTPTestPeer.launch()
        try await WebWorld.run(Self.options(peer)) { _, browser in
            let forged = try await browser.post("/forgot-password", [("csrf", "forged"), ("email", Self.ava.0)])
            #expect(forged.status == .forbidden)
            let bad = try await browser.submit(on: "/forgot-password", to: "/forgot-password", [("email", "not an email")])
            #expect(bad.status == .unprocessableContent && bad.contains(#"role="alert""#) && bad.field("email") == "not an email")
            try await Task.sleep(for: .milliseconds(300))
            #expect(try peer.messages().isEmpty)
        }
    }

    @Test func requestsForOneEmailAreLimitedToThreeAnHour() async throws {
        let peer = try await SMTPTestPeer.launch()
        try await WebWorld.run(Self.options(peer)) { _, browser in
            for attempt in 1...5 {
                let page = try await browser.another(address: "192.0.2.\(attempt)")
                    .submit(on: "/forgot-password", to: "/forgot-password", [("email", Self.ava.0)])
                #expect(page.status == .ok && page.contains("If an account uses that e-mail"))
            }
            _ = try await peer.waitForMessages(3)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try peer.messages().count == 3)
        }
    }
}
