import ConciergeCore
import Foundation
import Hummingbird
import Synchronization
import Testing
import TestSupport

@testable import ConciergeWeb

/// Issue 13, item 5: signups had no throttle and always cost a bcrypt hash (24 parallel signups slowed a real login
/// from 0.24 s to 3 s), and every free account brings its own daily message quota. Signups are now limited per client
/// address and in all, counted before the hash, and a taken e-mail still counts exactly like a fresh one.
@Suite("Signup throttle: per address and in all, before any hash")
struct SignupThrottleTests {
    static func form(_ number: Int, email: String? = nil) -> [(String, String)] {
        [("name", "Sam Signup"), ("email", email ?? "sam\(number)@example.com"), ("password", "a kettle of oolong"),
         ("city", "London"), ("temperature", "hot")]
    }

    /// The default: 5 accounts per address per day. The sixth costs no hash, keeps the form, says when to retry.
    @Test func aSixthSignupFromOneAddressIsA429WithoutAHash() async throws {
        let hasher = CountingHasher()
        var options = WebWorld.Options()
        options.hasher = hasher
        try await WebWorld.run(options) { world, browser in
            let before = try await world.store.counts()[.users]
            for number in 1...5 {
                #expect(try await browser.anonymous().submit(on: "/signup", to: "/signup", Self.form(number)).status == .seeOther)
            }
            let hashes = hasher.hashes
            let refused = try await browser.anonymous().submit(on: "/signup", to: "/signup", Self.form(6))
            #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] == "86400")
            #expect(refused.contains("Too many accounts have been made") && refused.contains("about 24 hours"))
            #expect(refused.field("email") == "sam6@example.com" && refused.field("password") == nil)
            #expect(hasher.hashes == hashes, "no bcrypt work for a refused signup")
            #expect(try await world.store.counts()[.users] == before + 5)
            #expect(try await browser.another().submit(on: "/signup", to: "/signup", Self.form(7)).status == .seeOther,
                    "another address is not refused")
            world.clock.advance(seconds: 86_400)
            #expect(try await browser.anonymous().submit(on: "/signup", to: "/signup", Self.form(8)).status == .seeOther)
        }
    }

    /// A taken e-mail counts like a fresh one, so the throttle cannot tell anyone whether an e-mail has an account:
    /// the answers to the sixth signup are the same either way. (The first five differ since issue 14: a fresh one
    /// is signed in, a taken one sent to log in; the throttle is what bounds that probe.)
    @Test func aTakenEmailCountsExactlyLikeAFreshOne() async throws {
        try await WebWorld.run { _, browser in
            for number in 1...6 {
                // A fresh browser each time: a signed-in one would be sent to the chat by `GET /signup`.
                let a = try await browser.another(address: "192.0.2.31")
                    .submit(on: "/signup", to: "/signup", Self.form(number))
                let b = try await browser.another(address: "192.0.2.32")
                    .submit(on: "/signup", to: "/signup", Self.form(number, email: "AVA@example.com"))
                #expect(a.status == b.status)
                #expect(a.headers[.retryAfter] == b.headers[.retryAfter])
                #expect(a.status == (number <= 5 ? .seeOther : .tooManyRequests))
                if number <= 5 {
                    #expect(a.location == "/chat" && b.location == "/login?notice=taken")
                } else {
                    #expect(a.body.replacingOccurrences(of: "sam\(number)@example.com", with: "E")
                        .replacingOccurrences(of: try a.csrfIfAny(), with: "T")
                        == b.body.replacingOccurrences(of: "ava@example.com", with: "E")
                        .replacingOccurrences(of: try b.csrfIfAny(), with: "T"))
                }
            }
        }
    }

    /// Many addresses (a botnet, or addresses rotated behind the proxy) meet the global cap.
    @Test func theGlobalCapBoundsSignupsFromEveryAddress() async throws {
        var options = WebWorld.Options()
        options.environment = ["SIGNUP_LIMIT_GLOBAL": "3", "SIGNUP_GLOBAL_WINDOW_MINUTES": "60"]
        try await WebWorld.run(options) { world, browser in
            for number in 1...3 {
                let page = try await browser.another(address: "198.51.100.\(number)")
                    .submit(on: "/signup", to: "/signup", Self.form(number))
                #expect(page.status == .seeOther)
            }
            let capped = try await browser.another(address: "198.51.100.99")
                .submit(on: "/signup", to: "/signup", Self.form(4))
            #expect(capped.status == .tooManyRequests && capped.headers[.retryAfter] == "3600")
            #expect(capped.contains("about 60 minutes"))
            world.clock.advance(seconds: 3_600)
            let later = try await browser.another(address: "198.51.100.98")
                .submit(on: "/signup", to: "/signup", Self.form(5))
            #expect(later.status == .seeOther)
        }
    }

    /// The counts live in the store, not in the process: no counter holds an e-mail or an address.
    @Test func countersHoldNoAddressOrEmail() async throws {
        try await WebWorld.run { world, browser in
            _ = try await browser.submit(on: "/signup", to: "/signup", Self.form(1))
            let everyone = try await world.store.throttle(key: ThrottleKey.signupEveryone, now: world.clock.now())
            #expect(everyone?.count == 1)
            let fromAddress = try await world.store.throttle(key: ThrottleKey.signupAddress(browser.address),
                                                             now: world.clock.now())
            #expect(fromAddress?.count == 1 && fromAddress?.key.contains(browser.address) == false)
        }
    }
}

/// The test hasher, counting the hashes it makes.
final class CountingHasher: PasswordHasher {
    private let base = PlainTestHasher()
    private let count = Mutex(0)

    var hashes: Int { count.withLock { $0 } }

    func hash(_ password: String) async throws -> String {
        count.withLock { $0 += 1 }
        return try await base.hash(password)
    }

    func verify(_ password: String, against hash: String) async -> Bool {
        await base.verify(password, against: hash)
    }
}

extension Page {
    /// The form's CSRF token, or "" on a page without a form (a redirect).
    func csrfIfAny() throws -> String { (try? csrf()) ?? "\u{0}" }
}
