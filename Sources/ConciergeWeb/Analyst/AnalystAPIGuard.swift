import ConciergeCore
import Foundation
import Hummingbird

/// In front of every analyst API endpoint, in this order: signed in (401), analyst or admin (403), within the
/// per-user request limit (429 with `Retry-After`), and for a `POST` the session's CSRF token in `X-CSRF-Token` and no
/// sign of a cross-site request (403). `GET`s change nothing, so they need no token.
struct AnalystAPIGuard: RouterMiddleware {
    typealias Context = WebContext
    static let csrfHeader = HTTPFields.Element.Name("X-CSRF-Token")!

    let throttle: AnalystThrottle

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        guard let identity = context.identity else { throw HTTPError(.unauthorized) }
        guard identity.user.role.mayUseAnalytics else { throw HTTPError(.forbidden) }
        if let until = try await throttle.admitRequest(userID: identity.user.id) {
            throw HTTPError(.tooManyRequests, headers: [.retryAfter: throttle.retryAfter(until)])
        }
        if request.method == .post {
            let token = request.headers[Self.csrfHeader] ?? ""
            guard ConstantTime.equal(token, identity.session.csrfToken), Self.isSameSite(request) else {
                context.logger.notice("analyst API refused: CSRF token missing or wrong, or a cross-site request",
                                      metadata: ["route": "\(request.uri.path)"])
                throw HTTPError(.forbidden, message: "csrf")
            }
        }
        return try await next(request, context)
    }

    /// A browser says where a request comes from (`Sec-Fetch-Site`, `Origin`); any sign of another site refuses it,
    /// on top of the token (a token can leak; a page elsewhere still cannot post here).
    static func isSameSite(_ request: Request) -> Bool {
        if let site = request.headers[HTTPFields.Element.Name("Sec-Fetch-Site")!], !["same-origin", "none"].contains(site) {
            return false
        }
        guard let origin = request.headers[HTTPFields.Element.Name("Origin")!] else { return true }
        guard let host = URLComponents(string: origin)?.host, origin != "null" else { return false }
        guard let authority = request.head.authority else { return false }
        let originAuthority = URLComponents(string: origin)?.port.map { host + ":" + String($0) } ?? host
        return originAuthority.lowercased() == authority.lowercased()
    }
}

/// Answers every error of the API as JSON (`APIErrorBody`) with the real status and the headers the error asked for
/// (`Retry-After`, `Allow`): a script reading the API never gets the HTML error page.
struct AnalystAPIErrors: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let (status, headers) = ErrorPageMiddleware<WebContext>.classify(error)
            if status.code >= 500, (error as? HTTPError)?.body != AnalystSide.notConfigured {
                context.logger.error("analyst API failed", metadata: ["error.type": "\(type(of: error))",
                                                                      "status": "\(status.code)"])
            }
            var kept = HTTPFields()
            for field in headers where field.name != .contentType && field.name != .contentLength { kept.append(field) }
            return try AnalystJSON.response(APIErrorBody(status: status, detail: (error as? HTTPError)?.body),
                                            status: status, headers: kept)
        }
    }
}
