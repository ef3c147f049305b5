import ConciergeCore
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import ConciergeWeb

/// Issue 14: a locked login said "e-mail and password do not match", so people hunted for a typo. It now says it is
/// locked and when to try again, and stays no oracle: the lock belongs to the submitted e-mail, account or not.
@Suite("Login lock messages: locked says locked, for every e-mail alike")
struct LoginLockMessageTests {
    @Test func aLockedEmailSaysItIsLockedAndWhenToTryAgain() async throws {
        try await WebWorld.run { world, browser in
            for _ in 1...5 { _ = try await browser.logIn("ava@example.com", "wrong-password") }
            let locked = try await browser.another(address: "192.0.2.50").logIn("ava@example.com", "cocoa-by-the-lake")
            #expect(locked.status == .tooManyRequests && locked.headers[.retryAfter] == "900")
            #expect(locked.contains("Logging in with this e-mail is locked for 15 minutes after too many failed "
                + "attempts. Try again in about 15 minutes; until then even the right password is not checked."))
            #expect(!locked.contains("do not match"))
            #expect(locked.field("email") == "ava@example.com", "the e-mail stays in the field")
            world.clock.advance(seconds: 10 * 60 + 30)
            let later = try await browser.another(address: "192.0.2.51").logIn("ava@example.com", "cocoa-by-the-lake")
            #expect(later.contains("Try again in about 5 minutes") && later.headers[.retryAfter] == "270")
        }
    }

    /// The same failures on an e-mail nobody uses give the same page (but for the e-mail and the form token), the
    /// same status and the same wait: the message tells nothing about whether an account exists.
    @Test func anUnknownEmailIsLockedInExactlyTheSameWords() async throws {
        try await WebWorld.run { _, browser in
            let first = browser.another(address: "192.0.2.60")
            let second = browser.another(address: "192.0.2.61")
            for _ in 1...5 {
                _ = try await first.logIn("ava@example.com", "wrong-password")
                _ = try await second.logIn("ghost@example.com", "wrong-password")
            }
            let known = try await first.logIn("ava@example.com", "cocoa-by-the-lake")
            let unknown = try await second.logIn("ghost@example.com", "anything-at-all")
            #expect(known.status == .tooManyRequests && unknown.status == known.status)
            #expect(known.headers[.retryAfter] == unknown.headers[.retryAfter])
            func normalized(_ page: Page, _ email: String) throws -> String {
                page.body.replacingOccurrences(of: email, with: "E")
                    .replacingOccurrences(of: try page.csrf(), with: "T")
            }
            #expect(try normalized(known, "ava@example.com") == normalized(unknown, "ghost@example.com"))
            #expect(unknown.contains(LoginCopy.locked(minutes: 15)))
        }
    }

    /// Twenty failures from one network block it, whichever e-mails were tried: that page says so instead.
    @Test func aBlockedNetworkIsToldItIsTheNetwork() async throws {
        try await WebWorld.run { _, browser in
            for attempt in 1...20 { _ = try await browser.logIn("spray\(attempt)@example.com", "wrong-password") }
            let blocked = try await browser.logIn("ava@example.com", "cocoa-by-the-lake")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.contains("Too many failed logins have come from your network"))
            #expect(!blocked.contains("this e-mail is locked") && !blocked.contains("do not match"))
        }
    }
}
