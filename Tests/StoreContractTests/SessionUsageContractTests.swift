import ConciergeCore
import Foundation
import Testing
import TestSupport

@Suite("Store contract: sessions and daily usage")
struct SessionUsageContractTests {
    @Test(arguments: Backend.allCases)
    func sessionsExpireAndCanBeTouchedAndDeleted(backend: Backend) async throws {
        try await withStore(backend) { store in
            let now = Fixtures.asOf
            try await store.insertSession(Fixtures.session("h1", user: "usr_ava", expiresInHours: 1))
            try await store.insertSession(Fixtures.session("h2", user: "usr_ava", expiresInHours: 1))
            try await store.insertSession(Fixtures.session("h3", user: "usr_ben", expiresInHours: 1))
            #expect(try await store.session(tokenHash: "h1", now: now)?.userID == "usr_ava")
            let later = now.addingTimeInterval(2 * 3_600)
            #expect(try await store.session(tokenHash: "h1", now: later) == nil)
            try await store.touchSession(tokenHash: "h1", lastSeenAt: later, expiresAt: later.addingTimeInterval(60))
            #expect(try await store.session(tokenHash: "h1", now: later)?.lastSeenAt == later)
            try await store.deleteSession(tokenHash: "h1")
            #expect(try await store.session(tokenHash: "h1", now: now) == nil)
            try await store.deleteSessions(userID: "usr_ava")
            #expect(try await store.session(tokenHash: "h2", now: now) == nil)
            #expect(try await store.session(tokenHash: "h3", now: now) != nil)
            #expect(try await store.purgeExpiredSessions(now: later) == 1)
            #expect(try await store.counts()[.sessions] == 0)
        }
    }

    @Test(arguments: Backend.allCases)
    func usageCountsPerUserAndDay(backend: Backend) async throws {
        try await withStore(backend) { store in
            let expiry = Fixtures.date(daysAgo: -3)
            let before = try await store.usage(userID: "usr_ava", day: "2025-11-21")
            #expect(before == 0)
            #expect(try await store.incrementUsage(userID: "usr_ava", day: "2025-11-21", expiresAt: expiry) == 1)
            #expect(try await store.incrementUsage(userID: "usr_ava", day: "2025-11-21", expiresAt: expiry) == 2)
            #expect(try await store.incrementUsage(userID: "usr_ava", day: "2025-11-22", expiresAt: expiry) == 1)
            #expect(try await store.incrementUsage(userID: "usr_ben", day: "2025-11-21", expiresAt: expiry) == 1)
            #expect(try await store.usage(userID: "usr_ava", day: "2025-11-21") == 2)
        }
    }

    /// The quota is only as good as this: no increment may be lost or counted twice under contention.
    @Test(arguments: Backend.allCases)
    func twoHundredConcurrentIncrementsEndAtExactlyTwoHundred(backend: Backend) async throws {
        try await withStore(backend) { store in
            let expiry = Fixtures.date(daysAgo: -3)
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<200 {
                    group.addTask { try await store.incrementUsage(userID: "usr_ava", day: "2025-11-21", expiresAt: expiry) }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(try await store.usage(userID: "usr_ava", day: "2025-11-21") == 200)
            #expect(results.sorted() == Array(1...200), "every caller saw a distinct count")
        }
    }
}
