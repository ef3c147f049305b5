import ConciergeCore
import Foundation
import Hummingbird
import HummingbirdAuth

/// The session payload carried by hummingbird-auth's `SessionMiddleware`. It is never serialised: the
/// `StoreSessionDriver` maps it to and from our `Session` record, whose key is the SHA-256 of the cookie token.
public struct WebSession: Codable, Sendable, Equatable {
    /// SHA-256 (hex) of the cookie token; empty until the session has been stored and loaded once.
    public var tokenHash: String
    /// The account the session belongs to.
    public var userID: String
    /// The per-session token every signed-in form must carry.
    public var csrfToken: String
    /// Last activity, written at most once a minute.
    public var lastSeenAt: Date
    /// Thirty days after the login.
    public var expiresAt: Date

    /// A payload; `tokenHash` is filled in by the store-backed driver.
    public init(tokenHash: String = "", userID: String, csrfToken: String, lastSeenAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}

/// The authenticated identity of a request: the account and the session that proved it.
public struct SignedIn: Sendable {
    /// The account, loaded fresh for every request (a role change applies at once).
    public let user: User
    /// The session that authenticated the request.
    public let session: WebSession
}

/// The request context of every route: hummingbird-auth's identity and session slots, the peer address used
/// for throttling, and a form decoder that refuses invalid UTF-8.
public struct WebContext: AuthRequestContext, SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: SignedIn?
    public let sessions: SessionContext<WebSession>
    /// The TCP peer (a proxy's address when one sits in front; see `TransportPolicy`).
    public let peerAddress: String?

    /// A context for one request from `source` (its channel gives the peer address).
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Url-encoded forms, strictly UTF-8.
    public var requestDecoder: WebFormDecoder { WebFormDecoder() }
    /// Forms only: the longest legitimate one (a 2,000-character message of 4-byte characters, percent-encoded)
    /// is about 24 KB.
    public var maxUploadSize: Int { WebLimits.formBodyBytes }

    /// The signed-in identity; routes behind `RequireSignIn` can rely on it.
    func signedIn() throws -> SignedIn {
        guard let identity else { throw HTTPError(.unauthorized) }
        return identity
    }
}

/// Sizes the site accepts.
public enum WebLimits {
    /// The largest form body accepted (413 above it).
    public static let formBodyBytes = 32 * 1024
}
