import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// The signed-in account page (`/account`) and its forms. Handlers decode, call a service and render.
struct AccountPageRoutes<Store: WebStore>: Sendable {
    let accounts: AccountService<Store>
    let twoStep: TwoStepVerification<Store>
    let personal: PersonalData<Store>
    let views: PageRenderer
    let cities: CityDirectory
    let transport: TransportPolicy
    let preferences: BrowserPreferences

    /// The page the concierge's answers link to (`AccountPage.path`): one constant, so a link cannot go stale.
    static var path: String { AccountPage.path }

    func register(on router: some RouterMethods<WebContext>) {
        router.get(RouterPath(Self.path), use: page)
        router.post("/account/password", use: changePassword)
        router.get("/account/data", use: download)
        router.post("/account/delete", use: delete)
        router.post("/account/two-step", use: startTwoStep)
        router.post("/account/two-step/confirm", use: confirmTwoStep)
        router.post("/account/two-step/disable", use: disableTwoStep)
    }

    func page(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let notice = request.uri.queryParameters.get("notice").flatMap(AccountNotice.init(rawValue:))
        return .html(try views.render(try await settingsPage(signedIn, notice: notice)))
    }

    /// `POST /account/password`: the current password, then the new one under the signup policy. Every other session
    /// ends; this browser gets a fresh session (a rotated token) and stays signed in.
    func changePassword(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let form = try await request.decode(as: PasswordChangeForm.self, context: context)
        let address = transport.clientAddress(request, peer: context.peerAddress)
        switch try await accounts.changePassword(of: signedIn.user, current: form.current, new: form.password,
                                                 address: address) {
        case .rejected(let problems):
            let page = try await settingsPage(signedIn, problem: .password(problems))
            return .html(try views.render(page), status: .unprocessableContent)
        case .changed(let user):
            let now = accounts.clock.now()
            context.sessions.createSession(
                WebSession(userID: user.id, csrfToken: RandomToken.make(), lastSeenAt: now,
                           expiresAt: now.addingTimeInterval(SessionLifetime.seconds)),
                expiresIn: SessionLifetime.duration)
            return .seeOther("/account?notice=\(AccountNotice.passwordChanged.rawValue)")
        }
    }

    /// `GET /account/data`: everything held about the signed-in person, as a JSON attachment (never cached).
    func download(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let json = try await personal.export(signedIn.user)
        let day = ISO8601DateFormatter.string(from: accounts.clock.now(), timeZone: TimeZone(secondsFromGMT: 0) ?? .current,
                                              formatOptions: [.withFullDate])
        return Response(status: .ok, headers: [
            .contentType: "application/json; charset=utf-8",
            .contentDisposition: "attachment; filename=\"concierge-my-data-\(day).json\"",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
    }

    /// `POST /account/delete`: confirmed by the password (through the login throttle), then everything keyed by the
    /// person goes from the store and this browser is signed out.
    func delete(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        let form = try await request.decode(as: AccountDeletionForm.self, context: context)
        let address = transport.clientAddress(request, peer: context.peerAddress)
        if let problem = try await accounts.confirmPassword(form.password, of: signedIn.user, address: address) {
            let page = try await settingsPage(signedIn, problem: .delete(problem))
            return .html(try views.render(page), status: .unprocessableContent)
        }
        try await personal.erase(signedIn.user)
        context.sessions.clearSession()
        var response = Response.seeOther("/login?notice=\(Notice.accountDeleted.rawValue)")
        preferences.clear(&response, request: request)
        return response
    }

    func settingsPage(_ signedIn: SignedIn, notice: AccountNotice? = nil,
                      problem: AccountSettingsPage.Problem? = nil) async throws -> AccountSettingsPage {
        let home = signedIn.user.home
        let city = home.flatMap { home in cities.cities.first { $0.coordinate == home }?.name }
        return AccountSettingsPage(user: signedIn.user, csrf: signedIn.session.csrfToken, homeCity: city,
                                   notice: notice, problem: problem,
                                   minimumPasswordLength: PasswordPolicy.minimumCharacters,
                                   twoStepOn: try await twoStep.isOn(signedIn.user))
    }
}

/// The delete-account form: the password confirms it is the person, not a borrowed, signed-in browser.
struct AccountDeletionForm: Decodable, Sendable {
    var password: String
}

/// The change-password form. Neither password is ever logged, echoed or kept.
struct PasswordChangeForm: Decodable, Sendable {
    var current: String
    var password: String
}
