import ConciergeCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@testable import ConciergeWeb

/// Issue 13, item 8: the login throttle lived in one process's memory, so two instances behind a load balancer each
/// counted their own failures (and a restart forgot them). Two web applications over one store, as
/// script/drill-two-servers runs two `concierge serve` processes over one SQLite file.
@Suite("Throttles shared by every instance over one store")
struct SharedThrottleTests {
    @Test func failuresOnOneInstanceLockTheAccountOnTheOther() async throws {
        try await WebWorld.run { world, first in
            try await world.anotherInstance().test(.router) { (client) async throws -> Void in
                let second = Browser(client, address: "192.0.2.60")
                for attempt in 1...5 {
                    let browser = attempt.isMultiple(of: 2) ? second : first
                    let failed = try await browser.logIn("ava@example.com", "wrong-password")
                    #expect(failed.status == .unprocessableContent)
                }
                let locked = try await second.logIn("ava@example.com", "cocoa-by-the-lake")
                #expect(locked.status == .tooManyRequests && locked.headers[.retryAfter] == "900")
                #expect(try await first.logIn("ava@example.com", "cocoa-by-the-lake").status == .tooManyRequests)
                world.clock.advance(seconds: 15 * 60)
                #expect(try await second.logIn("ava@example.com", "cocoa-by-the-lake").location == "/chat")
            }
        }
    }

    /// A restarted server (a new application, fresh memory) still knows the lock.
    @Test func aRestartForgetsNothing() async throws {
        try await WebWorld.run { world, browser in
            for _ in 1...5 { _ = try await browser.logIn("ava@example.com", "wrong-password") }
            try await world.anotherInstance().test(.router) { (client) async throws -> Void in
                let restarted = Browser(client, address: "192.0.2.61")
                #expect(try await restarted.logIn("ava@example.com", "cocoa-by-the-lake").status == .tooManyRequests)
            }
        }
    }

    /// 20 failures from one address, spread over both instances, block that address on both.
    @Test func anAddressSprayingBothInstancesIsBlockedOnBoth() async throws {
        try await WebWorld.run { world, first in
            try await world.anotherInstance().test(.router) { (client) async throws -> Void in
                let second = Browser(client, address: first.address)
                for attempt in 1...20 {
                    _ = try await (attempt.isMultiple(of: 2) ? second : first)
                        .logIn("spray\(attempt)@example.com", "wrong-password")
                }
                #expect(try await first.logIn("ava@example.com", "cocoa-by-the-lake").status == .tooManyRequests)
                #expect(try await second.logIn("ava@example.com", "cocoa-by-the-lake").status == .tooManyRequests)
                #expect(try await first.another().logIn("ava@example.com", "cocoa-by-the-lake").location == "/chat")
            }
        }
    }

    @Test func signupsFromOneAddressCountOnBothInstances() async throws {
        try await WebWorld.run { world, first in
            try await world.anotherInstance().test(.router) { (client) async throws -> Void in
                let second = Browser(client, address: first.address)
                for number in 1...5 {
                    let page = try await (number.isMultiple(of: 2) ? second : first).anonymous()
                        .submit(on: "/signup", to: "/signup", SignupThrottleTests.form(number))
                    #expect(page.status == .seeOther)
                }
                #expect(try await second.anonymous().submit(on: "/signup", to: "/signup", SignupThrottleTests.form(6)).status
                    == .tooManyRequests)
            }
        }
    }
}
