import ConciergeCore
import Foundation
import Testing
import TestSupport

/// Issue 13, item 8: the login and signup throttles count in the store, so that every instance behind a load balancer
/// sees the same counts. The counters must be atomic (no lost increment under contention) and windowed: a counter
/// whose window has closed starts again at one.
@Suite("Store contract: throttle counters")
struct ThrottleContractTests {
    @Test(arguments: Backend.allCases)
    func countsWithinTheWindowAndStartsAgainAfterIt(backend: Backend) async throws {
        try await withStore(backend) { store in
            let now = Fixtures.asOf
            let closes = now.addingTimeInterval(900)
            #expect(try await store.throttle(key: "login-account:a", now: now) == nil)
            #expect(try await store.incrementThrottle(key: "login-account:a", now: now, window: 900)
                == ThrottleWindow(key: "login-account:a", count: 1, expiresAt: closes))
            let later = now.addingTimeInterval(600)
            #expect(try await store.incrementThrottle(key: "login-account:a", now: later, window: 900).count == 2)
            let third = try await store.incrementThrottle(key: "login-account:a", now: later, window: 900)
            #expect(third.count == 3 && third.expiresAt == closes, "the window keeps the end its first event gave it")
            #expect(try await store.incrementThrottle(key: "login-account:b", now: later, window: 60).count == 1)
            #expect(try await store.throttle(key: "login-account:a", now: later)?.count == 3)
            #expect(try await store.throttle(key: "login-account:a", now: closes) == nil, "closed at its end")
            let restarted = try await store.incrementThrottle(key: "login-account:a", now: closes, window: 900)
            #expect(restarted == ThrottleWindow(key: "login-account:a", count: 1,
                                                expiresAt: closes.addingTimeInterval(900)))
            try await store.clearThrottle(key: "login-account:a")
            #expect(try await store.throttle(key: "login-account:a", now: closes) == nil)
            #expect(try await store.throttle(key: "login-account:b", now: later)?.count == 1)
            #expect(try await store.purgeExpiredThrottles(now: closes) == 1, "b's window closed at later + 60")
            #expect(try await store.throttle(key: "login-account:b", now: later) == nil, "purged")
        }
    }

    /// A lock-out is only as good as this: no failure may be lost or counted twice, whichever instance records it.
    @Test(arguments: Backend.allCases)
    func twoHundredConcurrentIncrementsEndAtExactlyTwoHundred(backend: Backend) async throws {
        try await withStore(backend) { store in
            let now = Fixtures.asOf
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<200 {
                    group.addTask {
                        try await store.incrementThrottle(key: "signup-all", now: now, window: 3_600).count
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(counts.sorted() == Array(1...200), "every caller saw a distinct count")
            #expect(try await store.throttle(key: "signup-all", now: now)?.count == 200)
        }
    }

    /// Concurrent increments of a counter whose window has just closed start it again once, not once each.
    @Test(arguments: Backend.allCases)
    func concurrentIncrementsOfAClosedWindowRestartItOnce(backend: Backend) async throws {
        try await withStore(backend) { store in
            let start = Fixtures.asOf
            for _ in 0..<7 { _ = try await store.incrementThrottle(key: "login-address:x", now: start, window: 60) }
            let later = start.addingTimeInterval(120)
            let counts = try await withThrowingTaskGroup(of: ThrottleWindow.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await store.incrementThrottle(key: "login-address:x", now: later, window: 60) }
                }
                return try await group.reduce(into: [ThrottleWindow]()) { $0.append($1) }
            }
            #expect(counts.map(\.count).sorted() == Array(1...50))
            #expect(Set(counts.map(\.expiresAt)) == [later.addingTimeInterval(60)])
        }
    }
}
