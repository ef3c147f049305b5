import ConciergeViews
import Foundation
import Hummingbird

/// Every form post passes through here before its handler: the body is read once, within the size limit (413);
/// it must be url-encoded (415) valid UTF-8 (400); and it must carry the right CSRF token (403). Handlers then
/// decode the buffered body with `request.decode(as:context:)`.
struct FormGuardMiddleware: RouterMiddleware {
    typealias Context = WebContext

    enum Check: Sendable {
        /// Signed-in forms: the `csrf` field must equal the session's token.
        case session
        /// Login and signup: the `csrf` field must be the HMAC of the nonce in the form cookie.
        case anonymous(FormTokens)
    }

    let check: Check

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw HTTPError(.unsupportedMediaType)
        }
        let body = Array(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        guard FormEncoding.validatedText(body) != nil else { throw HTTPError(.badRequest, message: "invalid UTF-8") }
        guard isAuthentic(FormEncoding.field("csrf", in: body), request: request, context: context) else {
            context.logger.notice("form refused: CSRF token missing or wrong", metadata: ["route": "\(request.uri.path)"])
            throw HTTPError(.forbidden, message: "csrf")
        }
        return try await next(request, context)
    }

    private func isAuthentic(_ submitted: String?, request: Request, context: WebContext) -> Bool {
        switch check {
        case .session:
            guard let submitted, let expected = context.identity?.session.csrfToken else { return false }
            return ConstantTime.equal(submitted, expected)
        case .anonymous(let tokens):
            return tokens.verify(nonce: request.cookies[FormTokens.cookieName]?.value, token: submitted)
        }
    }
}

/// Routes behind this need a signed-in person; anyone else is sent to the login page (303, so a form post
/// becomes a GET there).
struct RequireSignInMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        guard context.identity != nil else { return .seeOther("/login?notice=\(Notice.sessionExpired.rawValue)") }
        return try await next(request, context)
    }
}
