import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// Signup, login and logout pages. Handlers decode, call `AccountService`, and render; the rules live there.
struct AccountRoutes<Users: UserStore & SessionStore & ThrottleStore & SecondFactorStore & PasswordResetStore>: Sendable {

    let accounts: AccountService<Users>
    /// Asked after the password when the account has two-step verification on (`AccountRoutes+TwoStep.swift`).
    let twoStep: TwoStepVerification<Users>
    let views: PageRenderer
    let tokens: FormTokens
    let transport: TransportPolicy
    let preferences: BrowserPreferences
    let cities: CityDirectory
    let metrics: WebMetrics
    let janitor = SessionJanitor()

    func registerPages(on router: some RouterMethods<WebContext>) {
        router.get("/login", use: loginPage)
        router.get("/signup", use: signupPage)
        router.get("/login/code", use: loginCodePage)
    }

    func registerForms(on router: some RouterMethods<WebContext>) {
        router.post("/login", use: login)
        router.post("/signup", use: signup)
        router.post("/login/code", use: loginCode)
    }

    func loginPage(_ request: Request, context: WebContext) async throws -> Response {
        guard context.identity == nil else { return .seeOther("/chat") }
        let form = AnonymousForm(request, tokens: tokens, jar: preferences.jar(request))
        let notice = request.uri.queryParameters.get("notice").flatMap(Notice.init(rawValue:))
        return form.attach(to: .html(try views.render(LoginPage(csrf: form.token, notice: notice))))
    }

    func signupPage(_ request: Request, context: WebContext) async throws -> Response {
        guard context.identity == nil else { return .seeOther("/chat") }
        let form = AnonymousForm(request, tokens: tokens, jar: preferences.jar(request))
        let page = SignupPage(csrf: form.token, cities: cities.names, minimumPasswordLength: PasswordPolicy.minimumCharacters)
        return form.attach(to: .html(try views.render(page)))
    }

    func signup(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await request.decode(as: SignupForm.self, context: context)
        let address = transport.clientAddress(request, peer: context.peerAddress)
        switch try await accounts.signup(form, address: address) {
        case .created(let user):
            // Signed in at once, exactly as a login does it (a fresh session, the old one deleted).
            return try await startSession(for: user, request: request, context: context)
        case .taken:
            return .seeOther("/login?notice=\(Notice.emailTaken.rawValue)")
        case .rejected(let problems, let draft):
            return try signupPage(request, draft: draft, problems: problems, status: .unprocessableContent)
        case .throttled(let until, let draft):
            let wait = max(1, Int(until.timeIntervalSince(accounts.clock.now()).rounded(.up)))
            var response = try signupPage(request, draft: draft, problems: [SignupCopy.throttled(seconds: wait)],
                                          status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
    }

    /// The signup form again, filled in as it was sent (never the password), with what to change.
    private func signupPage(_ request: Request, draft: SignupPage.Draft, problems: [String],
                            status: HTTPResponse.Status) throws -> Response {
        let token = AnonymousForm(request, tokens: tokens, jar: preferences.jar(request)).token
        let page = SignupPage(csrf: token, draft: draft, errors: problems, cities: cities.names,
                              minimumPasswordLength: PasswordPolicy.minimumCharacters)
        return .html(try views.render(page), status: status)
    }

    func login(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await request.decode(as: LoginForm.self, context: context)
        // Before the throttle and the store: no account has a control character, and a NUL must never reach a lookup.
        guard !ControlCharacters.contained(in: form.email), !ControlCharacters.contained(in: form.password) else {
            return try failedLogin(request, email: ControlCharacters.removed(from: form.email),
                                   status: .unprocessableContent, error: LoginCopy.controlCharacters)
        }
        // Likewise: no account can have an address that passes for another (refused at signup).
        if let lookalike = EmailAddress.lookalikeProblem(form.email) {
            return try failedLogin(request, email: EmailAddress.removingFormatCharacters(form.email),
                                   status: .unprocessableContent, error: EmailCopy.lookalike(lookalike))
        }
        let address = transport.clientAddress(request, peer: context.peerAddress)
        switch try await accounts.login(email: form.email, password: form.password, address: address) {
        case .success(let user):
            if try await twoStep.isOn(user) { return pendingLogin(user, request: request) }
            return try await startSession(for: user, request: request, context: context)
        case .failed:
            metrics.loginFailure(throttled: false)
            return try failedLogin(request, email: form.email, status: .unprocessableContent)
        case .locked(let until):
            return try blockedLogin(request, email: form.email, until: until, copy: LoginCopy.locked(minutes:))
        case .throttled(let until):
            return try blockedLogin(request, email: form.email, until: until, copy: LoginCopy.addressBlocked(minutes:))
        }
    }

    /// 429 with `Retry-After` and what the block is, with the wait in minutes.
    private func blockedLogin(_ request: Request, email: String, until: Date, copy: (Int) -> String) throws
        -> Response
    {
        metrics.loginFailure(throttled: true)
        let seconds = max(1, Int(until.timeIntervalSince(accounts.clock.now()).rounded(.up)))
        var response = try failedLogin(request, email: email, status: .tooManyRequests,
                                       error: copy((seconds + 59) / 60))
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    /// Rotates the session: whatever session the browser had (another account's, or one planted by someone else)
    /// is deleted, and a new token is issued by the session middleware.
    func startSession(for user: User, request: Request, context: WebContext) async throws -> Response {
        if let previous = context.sessions.session { try await accounts.users.deleteSession(tokenHash: previous.tokenHash) }
        let now = accounts.clock.now()
        context.sessions.createSession(
            WebSession(userID: user.id, csrfToken: RandomToken.make(), lastSeenAt: now,
                       expiresAt: now.addingTimeInterval(SessionLifetime.seconds)),
            expiresIn: SessionLifetime.duration)
        await janitor.purgeIfDue(accounts.users, now: now, logger: context.logger)
        var response = Response.seeOther("/chat")
        preferences.clear(&response, request: request)
        return response
    }

    func failedLogin(_ request: Request, email: String, status: HTTPResponse.Status,
                             error: String = LoginCopy.failure) throws -> Response {
        let token = AnonymousForm(request, tokens: tokens, jar: preferences.jar(request)).token
        let shownEmail = email.count <= 254 ? email : ""
        return .html(try views.render(LoginPage(csrf: token, email: shownEmail, error: error)), status: status)
    }

    /// `POST /logout` (signed-in group): the session is deleted from the store and its cookie expired.
    func logout(_ request: Request, context: WebContext) async throws -> Response {
        context.sessions.clearSession()
        var response = Response.seeOther("/login?notice=\(Notice.loggedOut.rawValue)")
        preferences.clear(&response, request: request)
        return response
    }

    /// `POST /logout-everywhere` (signed-in group): every session of the account is deleted from the store, this
    /// browser's included, so a login left on another device (or a stolen cookie) stops working at once.
    func logoutEverywhere(_ request: Request, context: WebContext) async throws -> Response {
        let signedIn = try context.signedIn()
        try await accounts.users.deleteSessions(userID: signedIn.user.id)
        context.sessions.clearSession()
        context.logger.info("logged out everywhere")
        var response = Response.seeOther("/login?notice=\(Notice.loggedOutEverywhere.rawValue)")
        preferences.clear(&response, request: request)
        return response
    }
}

/// What a throttled signup reads: when to try again, in minutes or hours. Nothing about the e-mail.
enum SignupCopy {
    static func throttled(seconds: Int) -> String {
        let wait = seconds < 5_400 ? "\(max(1, (seconds + 59) / 60)) minutes" : "\((seconds + 3_599) / 3_600) hours"
        return "Too many accounts have been made from your network or on this site just now. Please try again in "
            + "about \(wait)."
    }
}

/// What a failed or blocked login reads.
///
/// A lock says it is a lock (issue 14: "do not match" sent people hunting for a typo), and it stays no oracle: the
/// lock belongs to the submitted e-mail whether or not an account has it (`LoginThrottle`), so "this e-mail is
/// locked" is exactly as true, after exactly as many failures, for an address nobody uses. The wait is given in
/// minutes, not as a clock time: an anonymous page knows no time zone, and the account's own would tell that it exists.
enum LoginCopy {
    static let failure = "That e-mail and password do not match an account we can open right now. Check them and "
        + "try again; after several failed attempts, logging in pauses for 15 minutes."

    static func locked(minutes: Int) -> String {
        "Logging in with this e-mail is locked for 15 minutes after too many failed attempts. Try again in "
            + "\(wait(minutes)); until then even the right password is not checked."
    }

    static func addressBlocked(minutes: Int) -> String {
        "Too many failed logins have come from your network, so logging in from it is paused. Try again in "
            + "\(wait(minutes))."
    }

    static func wait(_ minutes: Int) -> String { minutes == 1 ? "about a minute" : "about \(minutes) minutes" }

    static let controlCharacters = "The e-mail or password contains control characters (invisible codes such as NUL), "
        + "which no account has. Retype them and try again."
}

/// The CSRF token of an anonymous form, and the cookie to set when the browser had no valid nonce yet.
struct AnonymousForm {
    let token: String
    let cookie: Cookie?

    init(_ request: Request, tokens: FormTokens, jar: CookieJar) {
        if let nonce = request.cookies[FormTokens.cookieName]?.value, nonce.count == 43 {
            token = tokens.token(for: String(nonce))
            cookie = nil
        } else {
            let nonce = RandomToken.make()
            token = tokens.token(for: nonce)
            cookie = jar.make(FormTokens.cookieName, nonce, maxAge: 86_400)
        }
    }

    func attach(to response: Response) -> Response {
        var response = response
        if let cookie { response.setCookie(cookie) }
        return response
    }
}
