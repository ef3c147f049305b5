import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// The login's second step. A right password on an account with two-step verification on starts no session: the
/// browser gets a short-lived, signed "pending login" cookie (the user id and an expiry, HMAC'd with the form key)
/// and the code page. A right code (or an unused recovery code) then starts the session; wrong codes count as failed
/// logins of the account (`LoginThrottle`), so the code cannot be guessed faster than a password.
extension AccountRoutes {
    static var pendingCookie: String { "concierge_pending_login" }
    static var pendingLifetime: TimeInterval { 5 * 60 }

    func pendingLogin(_ user: User, request: Request) -> Response {
        let expires = Int(accounts.clock.now().addingTimeInterval(Self.pendingLifetime).timeIntervalSince1970)
        let value = "\(user.id).\(expires)"
        let signed = value + "." + tokens.signature(value, purpose: "pending-login")
        var response = Response.seeOther("/login/code")
        response.setCookie(preferences.jar(request).make(Self.pendingCookie, signed, maxAge: Int(Self.pendingLifetime)))
        return response
    }

    /// The account whose password was just proven in this browser, if the cookie is ours and not expired.
    func pendingUser(_ request: Request) async throws -> User? {
        guard let cookie = request.cookies[Self.pendingCookie]?.value else { return nil }
        let parts = cookie.split(separator: ".").map(String.init)
        guard parts.count == 3, let expires = Int(parts[1]),
            ConstantTime.equal(tokens.signature(parts[0] + "." + parts[1], purpose: "pending-login"), parts[2]),
            TimeInterval(expires) > accounts.clock.now().timeIntervalSince1970
        else { return nil }
        return try await accounts.users.user(id: parts[0])
    }

    func loginCodePage(_ request: Request, context: WebContext) async throws -> Response {
        guard try await pendingUser(request) != nil else { return .seeOther("/login") }
        let form = AnonymousForm(request, tokens: tokens, jar: preferences.jar(request))
        return form.attach(to: .html(try views.render(LoginCodePage(csrf: form.token))))
    }

    func loginCode(_ request: Request, context: WebContext) async throws -> Response {
        guard let user = try await pendingUser(request) else { return .seeOther("/login") }
        let form = try await request.decode(as: LoginCodeForm.self, context: context)
        let account = TokenHash.of(User.normalizedEmail(user.email))
        let address = transport.clientAddress(request, peer: context.peerAddress)
        let now = accounts.clock.now()
        let csrf = AnonymousForm(request, tokens: tokens, jar: preferences.jar(request)).token
        if let until = try await accounts.throttle.block(account: account, address: address, now: now)?.until {
            let minutes = max(1, Int(until.timeIntervalSince(now) / 60 + 0.999))
            let page = LoginCodePage(csrf: csrf, error: AccountCopy.throttled(minutes: minutes))
            return .html(try views.render(page), status: .tooManyRequests)
        }
        guard try await twoStep.verify(user, code: form.code) else {
            try await accounts.throttle.recordFailure(account: account, address: address, now: now)
            metrics.loginFailure(throttled: false)
            let page = LoginCodePage(csrf: csrf, error: TwoStepCopy.wrongCode)
            return .html(try views.render(page), status: .unprocessableContent)
        }
        try await accounts.throttle.recordSuccess(account: account)
        var response = try await startSession(for: user, request: request, context: context)
        response.setCookie(preferences.jar(request).expired(Self.pendingCookie))
        return response
    }
}

struct LoginCodeForm: Decodable, Sendable {
    var code: String
}

enum TwoStepCopy {
    static let wrongCode = "That code does not work. Enter the 6 digits your authenticator app shows now, or an "
        + "unused recovery code."
    static let wrongEnrolmentCode = "That code does not match. Check the app shows the code for Bramble & Bean and "
        + "enter the 6 digits it shows now, or start again from your account page."
}
