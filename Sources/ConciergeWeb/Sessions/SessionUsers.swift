import ConciergeCore
import Foundation
import HummingbirdAuth
import Logging

/// Turns a loaded session into the signed-in identity for hummingbird-auth's `SessionAuthenticator`, and records
/// activity: `lastSeenAt` is written at most once a minute, so browsing does not turn every page view into a write.
struct SessionUsers<Store: UserStore & SessionStore>: UserSessionRepository {
    let store: Store
    let clock: any WallClock
    static var touchInterval: TimeInterval { 60 }

    func getUser(from session: WebSession, context: UserRepositoryContext) async throws -> SignedIn? {
        guard let user = try await store.user(id: session.userID) else { return nil }
        var session = session
        let now = clock.now()
        if now.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval {
            // The expiry stays where the login put it (see `SessionLifetime`).
            try await store.touchSession(tokenHash: session.tokenHash, lastSeenAt: now, expiresAt: session.expiresAt)
            session.lastSeenAt = now
        }
        return SignedIn(user: user, session: session)
    }
}

/// Deletes expired sessions, throttle counters whose window has ended and reset links that can no longer be used, now
/// and then (at most hourly, triggered by
/// logins) so the tables do not grow without bound; reads already ignore expired rows.
actor SessionJanitor {
    private var lastPurge: Date?
    private let interval: TimeInterval = 3_600

    func purgeIfDue(_ store: some SessionStore & ThrottleStore & PasswordResetStore, now: Date, logger: Logger) async {
        if let lastPurge, now.timeIntervalSince(lastPurge) < interval { return }
        lastPurge = now
        do {
            let purged = try await store.purgeExpiredSessions(now: now)
            let counters = try await store.purgeExpiredThrottles(now: now)
            let resets = try await store.purgeUnusablePasswordResets(now: now)
            logger.debug("purged expired sessions", metadata: ["count": "\(purged)", "throttles": "\(counters)",
                                                               "passwordResets": "\(resets)"])
        } catch {
            logger.warning("session purge failed", metadata: ["error.type": "\(type(of: error))"])
        }
    }
}
