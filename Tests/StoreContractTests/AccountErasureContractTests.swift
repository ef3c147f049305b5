import ConciergeCore
import Foundation
import Testing
import TestSupport

@Suite("Store contract: personal data, account erasure, password-reset tokens")
struct AccountErasureContractTests {
    /// Ava's and Ben's data, both with a bit of everything keyed by a user, and a reset token each.
    static func twoPeople(_ store: any ConciergeStore) async throws {
        var data = Fixtures.sampleDataSet()
        data.messages.append(Fixtures.message("msg_ben", user: "usr_ben", conversation: "conv_b", minutesAfter: 5))
        data.sessions.append(Fixtures.session("hash_ben", user: "usr_ben", expiresInHours: 24))
        data.usage.append(DailyUsage(userID: "usr_ben", day: "2025-11-21", count: 2, expiresAt: Fixtures.date(daysAgo: -3)))
        data.handoffs.append(Fixtures.handoff("care_ben", user: "usr_ben", conversation: "conv_b", minutesAfter: 6))
        data.events.append(Event(id: "ev_ben", userID: "usr_ben", sessionID: "s2", type: .viewItem, sku: "HD-001",
                                 category: "hot-drinks", device: "web", at: Fixtures.date(daysAgo: 1)))
        data.orders[0].payment = try PaymentSummary(brand: "Visa", last4: "4242")
        try await store.upsert(data)
        for (hash, user) in [("reset_ava", "usr_ava"), ("reset_ben", "usr_ben")] {
            try await store.insertPasswordReset(PasswordReset(tokenHash: hash, userID: user, createdAt: Fixtures.asOf,
                                                              expiresAt: Fixtures.asOf.addingTimeInterval(3_600)))
        }
    }

    @Test(arguments: Backend.allCases)
    func handoffsAndCountersAreReadPerUserOnly(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.twoPeople(store)
            #expect(try await store.handoffs(userID: "usr_ava").map(\.id) == ["care_0", "care_1"], "oldest first")
            #expect(try await store.handoffs(userID: "usr_ben").map(\.id) == ["care_ben"])
            #expect(try await store.usageCounters(userID: "usr_ava").map(\.count) == [4])
            #expect(try await store.handoffs(userID: "usr_nobody").isEmpty)
        }
    }

    @Test(arguments: Backend.allCases)
    func erasureLeavesNothingKeyedByTheUserAndOthersUntouched(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.twoPeople(store)
            let before = try await store.exportAll()
            let erasure = try await store.eraseAccount(userID: "usr_ava")
            #expect(erasure.removed[.users] == 1 && erasure.removed[.messages] == 2 && erasure.anonymisedOrders == 2)
            let after = try await store.exportAll()
            #expect(try await store.user(id: "usr_ava") == nil)
            #expect(try await store.user(email: "ava@example.com") == nil)
            #expect(after.users.map(\.id) == ["usr_ben"])
            #expect(after.sessions.map(\.tokenHash) == ["hash_ben"])
            #expect(after.messages.map(\.id) == ["msg_ben"])
            #expect(after.handoffs.map(\.id) == ["care_ben"])
            #expect(after.usage.map(\.userID) == ["usr_ben"])
            #expect(after.events.map(\.id) == ["ev_ben"])
            #expect(after.coupons.map(\.code) == ["BEN5", "WARM15"], "her own coupon goes, everyone's stays")
            #expect(try await store.conversations(userID: "usr_ava").isEmpty)
            #expect(try await store.consumePasswordReset(tokenHash: "reset_ava", now: Fixtures.asOf) == nil)
            #expect(try await store.consumePasswordReset(tokenHash: "reset_ben", now: Fixtures.asOf)?.userID == "usr_ben")
            // Nothing anywhere still names her id.
            let encoded = String(decoding: try JSONEncoder().encode(after), as: UTF8.self)
            #expect(!encoded.contains("usr_ava") && !encoded.contains("ava@example.com"))
            // Orders stay as anonymous sales records: same lines and totals, no owner, no card digits.
            let kept = after.orders.filter { $0.userID == AccountErasure.anonymousOwner }
            #expect(kept.map(\.id).sorted() == ["ORD-7K2M9Q1Z", "ORD-AB12CD34"])
            #expect(kept.map(\.totalMinor) == before.orders.filter { $0.userID == "usr_ava" }.map(\.totalMinor))
            #expect(kept.first { $0.id == "ORD-7K2M9Q1Z" }?.payment == (try PaymentSummary(brand: "Visa", last4: nil)))
            #expect(after.orders.filter { $0.userID == "usr_ben" } == before.orders.filter { $0.userID == "usr_ben" })
            #expect(try await store.session(tokenHash: "hash_ben", now: Fixtures.asOf) != nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func erasingTwiceIsHarmlessAndTheEmailCanSignUpAgain(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.twoPeople(store)
            try await store.eraseAccount(userID: "usr_ava")
            let again = try await store.eraseAccount(userID: "usr_ava")
            #expect(again.removed.values.allSatisfy { $0 == 0 } && again.anonymisedOrders == 0)
            try await store.insertUser(Fixtures.user("usr_ava2", email: "AVA@example.com"))
            #expect(try await store.user(email: "ava@example.com")?.id == "usr_ava2")
            #expect(try await store.orders(userID: "usr_ava2", limit: 10).isEmpty, "old orders are not hers again")
        }
    }

    @Test(arguments: Backend.allCases)
    func aResetTokenWorksOnceAndOnlyWithinItsHour(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.twoPeople(store)
            let inTime = Fixtures.asOf.addingTimeInterval(3_599)
            #expect(try await store.passwordReset(tokenHash: "reset_ava", now: inTime)?.userID == "usr_ava")
            #expect(try await store.passwordReset(tokenHash: "reset_ava", now: inTime.addingTimeInterval(1)) == nil,
                    "expired at the hour")
            #expect(try await store.consumePasswordReset(tokenHash: "reset_ava", now: inTime.addingTimeInterval(1)) == nil)
            let used = try await store.consumePasswordReset(tokenHash: "reset_ava", now: inTime)
            #expect(used?.userID == "usr_ava" && used?.usedAt == inTime)
            #expect(try await store.consumePasswordReset(tokenHash: "reset_ava", now: inTime) == nil, "single use")
            #expect(try await store.passwordReset(tokenHash: "reset_ava", now: Fixtures.asOf) == nil)
            #expect(try await store.consumePasswordReset(tokenHash: "no_such_hash", now: Fixtures.asOf) == nil)
            await #expect(throws: StoreError.duplicate(collection: .passwordResets, field: "tokenHash")) {
                try await store.insertPasswordReset(PasswordReset(tokenHash: "reset_ben", userID: "usr_ava",
                                                                  createdAt: Fixtures.asOf, expiresAt: Fixtures.asOf))
            }
        }
    }

    /// Expired and used links are deleted, the live one stays usable, and a second purge finds nothing.
    @Test(arguments: Backend.allCases)
    func unusableResetLinksArePurgedAndTheLiveOneStays(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.twoPeople(store)  // reset_ava and reset_ben, each valid for the hour after asOf
            let later = Fixtures.asOf.addingTimeInterval(1_800)
            try await store.insertPasswordReset(PasswordReset(tokenHash: "reset_late", userID: "usr_ava", createdAt: later,
                                                              expiresAt: later.addingTimeInterval(3_600)))
            #expect(try await store.consumePasswordReset(tokenHash: "reset_ben", now: later)?.userID == "usr_ben")
            #expect(try await store.purgeUnusablePasswordResets(now: later) == 1, "only the used one, at half past")
            let afterTheHour = Fixtures.asOf.addingTimeInterval(3_600)
            #expect(try await store.purgeUnusablePasswordResets(now: afterTheHour) == 1, "reset_ava expired")
            #expect(try await store.purgeUnusablePasswordResets(now: afterTheHour) == 0)
            #expect(try await store.passwordReset(tokenHash: "reset_late", now: afterTheHour)?.userID == "usr_ava")
        }
    }

    @Test(arguments: Backend.allCases)
    func concurrentUsesOfOneTokenSucceedOnce(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.twoPeople(store)
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await store.consumePasswordReset(tokenHash: "reset_ben", now: Fixtures.asOf) != nil }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func theDataExportHoldsEverythingOfTheUserAndNothingOfAnyoneElse(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await Self.twoPeople(store)
            try await store.appendMessage(ChatMessage(
                id: "msg_card", userID: "usr_ava", conversationID: "conv_c", role: .shopper,
                text: "old row: my card is 4111 1111 1111 1111", createdAt: Fixtures.asOf.addingTimeInterval(600)))
            var ava = try #require(try await store.user(id: "usr_ava"))
            ava.passwordHash = "$2b$12$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0"
            let json = String(decoding: try await PersonalDataExport.read(ava, from: store, at: Fixtures.asOf).json(),
                              as: UTF8.self)
            for hers in ["ava@example.com", "ORD-7K2M9Q1Z", "ORD-AB12CD34", "AVA10", "msg_1", "msg_2", "conv_a",
                         "care_0", "care_1", "ev_1", "ev_2", "2025-11-21", "Visa", "4242", "Visa •••• 1111"] {
                #expect(json.contains(hers), "missing \(hers)")
            }
            for others in ["usr_ben", "ben@example.org", "ORD-ZZ99YY88", "BEN5", "WARM15", "msg_ben", "care_ben",
                           "ev_ben", "hash_", "csrf", "$2b$", "\"passwordHash\"", "\"maskedText\"", "\"trace\"", "maskedPrompt",
                           "4111 1111 1111 1111", "4111111111111111"] {
                #expect(!json.contains(others), "leaks \(others)")
            }
        }
    }
}
