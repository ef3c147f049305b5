import ConciergeCore
import Foundation
import Retrieval

/// A store whose every call fails, as when the database is down (`StoreError.unavailable`) or broken in an
/// unexpected way (`.unexpected`). Used to prove the site answers 503 / 500 pages without internal details.
struct FailingStore: ConciergeStore {
    enum Failure: Error { case secretInternalDetail(String) }

    let unexpected: Bool

    private func fail() -> any Error {
        unexpected ? Failure.secretInternalDetail("SELECT * FROM users -- ava@example.com")
            : StoreError.unavailable("connection refused to db.internal:5432")
    }

    func insertUser(_ user: User) async throws { throw fail() }
    func updateUser(_ user: User) async throws -> Bool { throw fail() }
    func user(id: String) async throws -> User? { throw fail() }
    func user(email: String) async throws -> User? { throw fail() }
    func allShops() async throws -> [Shop] { throw fail() }
    func shop(id: String) async throws -> Shop? { throw fail() }
    func orders(userID: String, limit: Int) async throws -> [Order] { throw fail() }
    func order(id: String) async throws -> Order? { throw fail() }
    func coupons(availableTo userID: String, atShop shopID: String?) async throws -> [Coupon] { throw fail() }
    func coupon(code: String) async throws -> Coupon? { throw fail() }
    func events(userID: String) async throws -> [Event] { throw fail() }
    func replacePolicyChunks(_ chunks: [PolicyChunk]) async throws { throw fail() }
    func policyChunks() async throws -> [PolicyChunk] { throw fail() }
    func appendMessage(_ message: ChatMessage) async throws { throw fail() }
    func message(id: String, userID: String) async throws -> ChatMessage? { throw fail() }
    func messages(userID: String, conversationID: String, limit: Int) async throws -> [ChatMessage] { throw fail() }
    func conversations(userID: String) async throws -> [String] { throw fail() }
    func insertSession(_ session: Session) async throws { throw fail() }
    func session(tokenHash: String, now: Date) async throws -> Session? { throw fail() }
    func touchSession(tokenHash: String, lastSeenAt: Date, expiresAt: Date) async throws { throw fail() }
    func deleteSession(tokenHash: String) async throws { throw fail() }
    func deleteSessions(userID: String) async throws { throw fail() }
    func purgeExpiredSessions(now: Date) async throws -> Int { throw fail() }
    func incrementUsage(userID: String, day: String, expiresAt: Date) async throws -> Int { throw fail() }
    func usage(userID: String, day: String) async throws -> Int { throw fail() }
    func reset() async throws { throw fail() }
    func counts() async throws -> CollectionCounts { throw fail() }
    func upsert(_ data: DataSet) async throws { throw fail() }
    func exportAll() async throws -> DataSet { throw fail() }
    func ping() async throws { throw fail() }
    func close() async throws {}
}
