import ConciergeCore
import Foundation
import Logging

/// "Download my data" (`PersonalDataExport`) and "Delete my account" (issue 14; `Seeds/policies/privacy.md`, "Your
/// rights").
struct PersonalData<Store: UserStore & OrderStore & CouponStore & EventStore & ChatStore & PersonalDataStore
    & ThrottleStore>: Sendable
{
    let store: Store
    let clock: any WallClock
    let logger: Logger
    /// The JSON document `GET /account/data` sends.
    func export(_ user: User) async throws -> Data {
        let document = try await PersonalDataExport.read(user, from: store, at: clock.now())
        logger.info("personal data exported", metadata: ["conversations": "\(document.conversations.count)"])
        return try document.json()
    }

    /// Erases the account (`PersonalDataStore.eraseAccount`) and the login counters of its e-mail, so nothing keyed
    /// by the person is left and the address can sign up again at once.
    func erase(_ user: User) async throws {
        let erasure = try await store.eraseAccount(userID: user.id)
        let account = TokenHash.of(User.normalizedEmail(user.email))
        try await store.clearThrottle(key: ThrottleKey.accountFailures(account))
        try await store.clearThrottle(key: ThrottleKey.accountLock(account))
        let removed = erasure.removed.values.reduce(0, +)
        logger.info("account erased", metadata: ["records": "\(removed)", "orders.anonymised": "\(erasure.anonymisedOrders)"])
    }
}

