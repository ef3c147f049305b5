import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// "Forgot password" and the reset link's page. Anonymous forms (signed double-submit CSRF, like login).
struct PasswordResetRoutes<Store: WebStore>: Sendable {
    let resets: PasswordResets<Store>
    let views: PageRenderer
    let tokens: FormTokens
    let transport: TransportPolicy
    let preferences: BrowserPreferences

    func registerPages(on router: some RouterMethods<WebContext>) {
        router.get("/forgot-password", use: forgotPage)
        router.get("/reset-password", use: resetPage)
    }

    func registerForms(on router: some RouterMethods<WebContext>) {
        router.post("/forgot-password", use: forgot)
        router.post("/reset-password", use: reset)
    }

    func forgotPage(_ request: Request, context: WebContext) async throws -> Response {
        let form = AnonymousForm(request, tokens: tokens, jar: preferences.jar(request))
        return form.attach(to: .html(try views.render(ForgotPasswordPage(csrf: form.token,
                                                                         available: resets.isAvailable))))
    }

    /// The same page for every well-formed e-mail, with or without an account (see `PasswordResets`).
    func forgot(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await request.decode(as: ForgotPasswordForm.self, context: context)
        let token = AnonymousForm(request, tokens: tokens, jar: preferences.jar(request)).token
        let email = form.email.trimmingCharacters(in: .whitespaces)
        guard resets.isAvailable else {
            return .html(try views.render(ForgotPasswordPage(csrf: token, available: false)))
        }
        guard EmailAddress.isPlausible(email) else {
            let page = ForgotPasswordPage(csrf: token, available: true, email: String(email.prefix(254)),
                                          error: "Enter the e-mail address of your account, like name@example.com.")
            return .html(try views.render(page), status: .unprocessableContent)
        }
        try await resets.request(email: email, address: transport.clientAddress(request, peer: context.peerAddress))
        return .html(try views.render(ForgotPasswordPage(csrf: token, available: true, sent: true)))
    }

    func resetPage(_ request: Request, context: WebContext) async throws -> Response {
        let token = request.uri.queryParameters.get("token") ?? ""
        let valid = ResetToken.isWellFormed(token) ? try await resets.account(token: token) != nil : false
        let form = AnonymousForm(request, tokens: tokens, jar: preferences.jar(request))
        let page = ResetPasswordPage(csrf: form.token, token: token, valid: valid,
                                     minimumPasswordLength: PasswordPolicy.minimumCharacters)
        return form.attach(to: .html(try views.render(page), status: valid ? .ok : .gone))
    }

    func reset(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await request.decode(as: ResetPasswordForm.self, context: context)
        let outcome = ResetToken.isWellFormed(form.token)
            ? try await resets.reset(token: form.token, password: form.password) : .invalidLink
        let csrf = AnonymousForm(request, tokens: tokens, jar: preferences.jar(request)).token
        switch outcome {
        case .changed:
            return .seeOther("/login?notice=\(Notice.passwordReset.rawValue)")
        case .invalidLink:
            let page = ResetPasswordPage(csrf: csrf, token: "", valid: false,
                                         minimumPasswordLength: PasswordPolicy.minimumCharacters)
            return .html(try views.render(page), status: .gone)
        case .rejected(let problems):
            let page = ResetPasswordPage(csrf: csrf, token: form.token, valid: true, errors: problems,
                                         minimumPasswordLength: PasswordPolicy.minimumCharacters)
            return .html(try views.render(page), status: .unprocessableContent)
        }
    }
}

/// A reset token as `RandomToken` makes it: 43 base64url characters. Anything else is refused before the store.
enum ResetToken {
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_")
        }
    }
}

struct ForgotPasswordForm: Decodable, Sendable {
    var email: String
}

/// The new password is never logged, echoed or kept; the token goes back only into the same form.
struct ResetPasswordForm: Decodable, Sendable {
    var token: String
    var password: String
}
