import ConciergeCore
import Foundation
import Hummingbird
import HummingbirdAuth

/// What the server may believe about the connection. Hummingbird serves plain HTTP here; TLS, when there is any,
/// ends at a reverse proxy. Only when `trustForwardedHeaders` is on (the proxy is ours and strips what clients
/// send) are `X-Forwarded-Proto` and `X-Forwarded-For` believed.
struct TransportPolicy: Sendable {
    var trustForwardedHeaders: Bool

    init(trustForwardedHeaders: Bool) {
        self.trustForwardedHeaders = trustForwardedHeaders
    }

    /// Whether the browser reached us over TLS: cookies then get `Secure` and responses HSTS.
    func isSecure(_ request: Request) -> Bool {
        guard trustForwardedHeaders, let proto = request.headers[.forwardedProto] else { return false }
        return proto.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased() == "https"
    }

    /// The client's address for throttling: the address our proxy appended last, or the TCP peer.
    func clientAddress(_ request: Request, peer: String?) -> String {
        if trustForwardedHeaders, let forwarded = request.headers[.forwardedFor],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return String(last.prefix(64))
        }
        return peer ?? "unknown"
    }
}

/// `HTTPField` itself is not re-exported by Hummingbird; its name type is reachable through `HTTPFields`.
extension HTTPFields.Element.Name {
    static let forwardedProto = Self("X-Forwarded-Proto")!
    static let forwardedFor = Self("X-Forwarded-For")!
    static let requestedWith = Self("X-Requested-With")!
}

/// hummingbird-auth's `SessionMiddleware`, twice: one instance sets `Secure` cookies, the other plain ones, and
/// each request goes through the one that matches its transport. Both share the store-backed driver.
struct SessionCookieMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "concierge_session"
    let plain: SessionMiddleware<WebContext>
    let secure: SessionMiddleware<WebContext>
    let transport: TransportPolicy

    init(storage: some PersistDriver, transport: TransportPolicy) {
        func middleware(secure: Bool) -> SessionMiddleware<WebContext> {
            SessionMiddleware(storage: storage, configuration: SessionMiddlewareConfiguration(
                sessionCookieParameters: SessionCookieParameters(
                    name: Self.cookieName, path: "/", secure: secure, sameSite: .lax),
                // The cookie token itself is the key the driver hashes: no prefix.
                keyPrefix: "", defaultSessionExpiration: SessionLifetime.duration))
        }
        plain = middleware(secure: false)
        secure = middleware(secure: true)
        self.transport = transport
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        let outage = SessionLoadOutage()
        let sessions = transport.isSecure(request) ? secure : plain
        return try await SessionLoadOutage.$current.withValue(outage) {
            try await sessions.handle(request, context: context) { request, context in
                // The session could not be read: the store is down, the session has not expired (a 503, not the
                // login page; see `SessionLoadOutage`).
                if outage.happened { throw StoreError.unavailable("session store") }
                return try await next(request, context)
            }
        }
    }
}
