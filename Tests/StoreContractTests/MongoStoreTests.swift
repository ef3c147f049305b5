import ConciergeCore
import Foundation
import Geo
import MongoStore
import Testing
import TestSupport

/// What the shared contract cannot see: the Mongo adapter's indexes, error mapping, value fidelity at the
/// edges of the BSON mapping, and the test peer's own lifecycle.
@Suite("MongoStore specifics")
struct MongoStoreTests {
    @Test func indexesAreCreatedAtStart() async throws {
        try await withMongoStore { store in
            let users = try await store.indexes(of: .users)
            let email = MongoIndex(name: "email_1", keys: [.init(field: "email", direction: 1)], unique: true)
            #expect(users.contains(email))
            let coupons = try await store.indexes(of: .coupons)
            #expect(coupons.contains { $0.name == "code_1" && $0.unique })
            let orders = try await store.indexes(of: .orders)
            #expect(orders.contains { $0.keys.map(\.field) == ["userID", "placedAt"] && $0.keys.last?.direction == -1 })
            let messages = try await store.indexes(of: .messages)
            #expect(messages.contains { $0.keys.map(\.field) == ["userID", "conversationID", "createdAt"] })
            let sessions = try await store.indexes(of: .sessions)
            #expect(sessions.contains { $0.name == "expiresAt_1" && $0.expireAfterSeconds == 0 })
            let usage = try await store.indexes(of: .usage)
            #expect(usage.contains { $0.name == "userID_1_day_1" && $0.unique })
            #expect(usage.contains { $0.name == "expiresAt_1" && $0.expireAfterSeconds == 0 })
            let handoffs = try await store.indexes(of: .handoffs)
            #expect(handoffs.contains { $0.name == "userID_1_conversationID_1" && $0.unique })
            #expect(handoffs.contains { $0.name == "status_1_createdAt_1" && !$0.unique })
            let insights = try await store.indexes(of: .insights)
            #expect(insights.contains { $0.name == "segmentID_1_version_-1" && $0.unique })
        }
    }

    @Test func connectingTwiceToOneDatabaseReusesTheIndexes() async throws {
        let database = MongoHarness.uniqueDatabaseName()
        let uri = try await MongoHarness.uri()
        let first = try await MongoConciergeStore.connect(uri: uri, database: database)
        try await first.close()
        let second = try await MongoConciergeStore.connect(uri: uri, database: database)
        try await second.close()
    }

    @Test func uniqueKeysOtherThanEmailNameTheirField() async throws {
        try await withMongoStore { store in
            try await store.insertUser(Fixtures.user("usr_ava", email: "ava@example.com"))
            await #expect(throws: StoreError.duplicate(collection: .users, field: "id")) {
                try await store.insertUser(Fixtures.user("usr_ava", email: "other@example.com"))
            }
            let message = Fixtures.message("msg_1", user: "usr_ava", conversation: "c", minutesAfter: 0)
            try await store.appendMessage(message)
            await #expect(throws: StoreError.duplicate(collection: .messages, field: "id")) {
                try await store.appendMessage(message)
            }
            let session = Fixtures.session("hash_1", user: "usr_ava", expiresInHours: 1)
            try await store.insertSession(session)
            await #expect(throws: StoreError.duplicate(collection: .sessions, field: "tokenHash")) {
                try await store.insertSession(session)
            }
        }
    }

    @Test func updatingAUserOntoAnotherUsersEmailIsADuplicate() async throws {
        try await withMongoStore { store in
            try await store.insertUser(Fixtures.user("usr_ava", email: "ava@example.com"))
            try await store.insertUser(Fixtures.user("usr_ben", email: "ben@example.com"))
            var ben = try #require(try await store.user(id: "usr_ben"))
            ben.email = "AVA@example.com"  // set after init: the store still normalises it
            await #expect(throws: StoreError.duplicate(collection: .users, field: "email")) {
                try await store.updateUser(ben)
            }
        }
    }

    /// Validation cannot foresee every failure: here two users swap addresses (legal as a whole, refused by the
    /// unique index midway), and a policy chunk is over BSON's 16 MiB limit after four collections were
    /// written. Both must be undone.
    @Test func writesFailingMidwayAreUndone() async throws {
        try await withMongoStore { store in
            try await store.upsert(Fixtures.sampleDataSet())
            let before = try await store.exportAll()

            var ava = try #require(before.users.first { $0.id == "usr_ava" })
            var ben = try #require(before.users.first { $0.id == "usr_ben" })
            (ava.email, ben.email) = (ben.email, ava.email)
            await #expect(throws: StoreError.duplicate(collection: .users, field: "email")) {
                try await store.upsert(DataSet(users: [ava, ben]))
            }
            #expect(try await store.exportAll() == before)

            var renamed = before.users[0]
            renamed.name = "Renamed"
            let huge = Fixtures.chunk("huge", 0, text: String(repeating: "x", count: 17 * 1_024 * 1_024))
            let failing = DataSet(
                users: [renamed], shops: [Fixtures.shop("st_new", name: "New", latitude: 1, longitude: 1)],
                orders: [Fixtures.order("ORD-NEW00001", user: "usr_ava", daysAgo: 1, status: .placed)],
                policyChunks: [huge])
            await #expect(throws: StoreError.self) { try await store.upsert(failing) }
            await #expect(throws: StoreError.self) { try await store.replacePolicyChunks([huge]) }
            #expect(try await store.exportAll() == before)
        }
    }

    /// Relaxed extended JSON prints ISO dates (with milliseconds when there are some) for 1970...9999 and
    /// `$numberLong` before 1970; both must decode to the same instant, and doubles must come back bit for bit.
    @Test func datesAndDoublesRoundTripExactly() async throws {
        try await withMongoStore { store in
            var user = Fixtures.user("usr_edge", email: "edge@example.com")
            user.createdAt = Date(timeIntervalSince1970: -14_182_940.5)  // 1969-07-20T20:17:40.500Z
            user.home = Coordinate(latitude: 0.1 + 0.2, longitude: -179.99999999999997)
            try await store.insertUser(user)
            #expect(try await store.user(id: "usr_edge") == user)

            let message = ChatMessage(
                id: "m", userID: "usr_edge", conversationID: "c", role: .shopper, text: "",
                createdAt: Date(timeIntervalSince1970: 1_763_683_200.123))
            try await store.appendMessage(message)
            #expect(try await store.messages(userID: "usr_edge", conversationID: "c", limit: 1) == [message])
            // Dates after 9999 (also `$numberLong` in relaxed JSON) are not tested: the peer's Python datetime
            // cannot hold them.
        }
    }

    @Test func aClosedStoreRefusesWork() async throws {
        let store = try await MongoHarness.makeMongoStore()
        try await store.close()
        try await store.close()  // closing twice is harmless
        await #expect {
            try await store.ping()
        } throws: { error in
            if case StoreError.unavailable = error { true } else { false }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func anUnreachableServerIsUnavailablePromptly() async throws {
        await #expect {
            _ = try await MongoConciergeStore.connect(
                uri: "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300&connectTimeoutMS=300",
                database: "unreachable")
        } throws: { error in
            guard case StoreError.unavailable(let detail) = error else { return false }
            return !detail.contains("127.0.0.1")
        }
    }

    @Test func anInvalidURIIsUnavailableWithoutQuotingIt() async throws {
        await #expect {
            _ = try await MongoConciergeStore.connect(uri: "mongodb://ava:s3cret@/?bad", database: "x")
        } throws: { error in
            guard case StoreError.unavailable(let detail) = error else { return false }
            return !"\(error)".contains("s3cret") && !detail.contains("ava")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func thePeerExitsWhenItsStdinCloses() async throws {
        let peer = try await MongoTestPeer.launch()
        #expect(peer.port > 0)
        peer.closeStdin()
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline, !hasExited(peer.pid) {
            try await Task.sleep(for: .milliseconds(50))
        }
        let exited = hasExited(peer.pid)
        if !exited { kill(peer.pid, SIGKILL) }
        #expect(exited)
    }

    /// Exited and reaped (by Foundation's `Process` or by us), or a zombie we can reap now.
    private func hasExited(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        return reaped == pid || (reaped == -1 && errno == ECHILD)
    }

    private func withMongoStore(_ body: (MongoConciergeStore) async throws -> Void) async throws {
        let store = try await MongoHarness.makeMongoStore()
        do {
            try await body(store)
        } catch {
            try await store.close()
            throw error
        }
        try await store.close()
    }
}
