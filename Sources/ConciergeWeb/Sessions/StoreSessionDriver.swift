import ConciergeCore
import Foundation
import Hummingbird

/// hummingbird-auth's session storage backed by our `SessionStore`: the key it hands us is the cookie token, and
/// only `TokenHash.of(token)` is ever written, so a copy of the database cannot be replayed as cookies.
///
/// Sessions are never edited in place (a login always creates a new one), so `set` only ever inserts.
/// Not a background service: expired sessions are purged by `SessionJanitor` at login, so `run()` returns at once
/// and this driver must not be added to the application's services.
struct StoreSessionDriver<Store: SessionStore>: PersistDriver {
    let store: Store
    let clock: any WallClock

    func run() async throws {}

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await insert(key: key, value: value, expires: expires)
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await store.deleteSession(tokenHash: TokenHash.of(key))
        try await insert(key: key, value: value, expires: expires)
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws
        -> (object: Object, ttl: Duration?)?
    {
        let now = clock.now()
        let found: Session?
        do {
            found = try await store.session(tokenHash: TokenHash.of(key), now: now)
        } catch let error as StoreError {
            if case .unavailable = error { SessionLoadOutage.current?.record() }
            throw error
        }
        guard let session = found else { return nil }
        let payload = WebSession(tokenHash: session.tokenHash, userID: session.userID, csrfToken: session.csrfToken,
                                 lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt)
        guard let object = payload as? Object else { throw PersistError.invalidConversion }
        return (object, .seconds(max(0, session.expiresAt.timeIntervalSince(now))))
    }

    func remove(key: String) async throws {
        try await store.deleteSession(tokenHash: TokenHash.of(key))
    }

    private func insert<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard let payload = value as? WebSession else { throw PersistError.invalidConversion }
        let now = clock.now()
        let lifetime = expires.map { TimeInterval($0.components.seconds) } ?? SessionLifetime.seconds
        let session = Session(tokenHash: TokenHash.of(key), userID: payload.userID, csrfToken: payload.csrfToken,
                              createdAt: now, lastSeenAt: now, expiresAt: now.addingTimeInterval(lifetime))
        do {
            try await store.insertSession(session)
        } catch StoreError.duplicate {
            throw PersistError.duplicate
        }
    }
}

/// How long a login lasts: 30 days, as Seeds/policies/account-and-login.md promises. Fixed from the login, not
/// sliding, so a stolen cookie cannot be kept alive forever by using it.
public enum SessionLifetime {
    /// For dates.
    public static let seconds: TimeInterval = 30 * 86_400
    /// For hummingbird-auth and cookies.
    public static let duration: Duration = .seconds(30 * 86_400)
}

/// Whether reading this request's session failed because the store is unavailable.
///
/// hummingbird-auth's `SessionMiddleware` treats every error while loading a session as "no session" (it logs at
/// debug level and goes on). During a store outage that would send a signed-in shopper to the login page as if
/// their session had expired, and the page script would follow that redirect and lose what they typed
/// (script/drill-store, MongoDB killed). The driver records the outage here, in a task-local box that
/// `SessionCookieMiddleware` sets up per request, and the middleware then throws `StoreError.unavailable`: a 503.
///
/// `@unchecked Sendable`: `failed` is touched only under `lock` (NSLock, as elsewhere, so ThreadSanitizer sees it).
final class SessionLoadOutage: @unchecked Sendable {
    @TaskLocal static var current: SessionLoadOutage?

    private let lock = NSLock()
    private var failed = false

    func record() { lock.withLock { failed = true } }

    var happened: Bool { lock.withLock { failed } }
}
