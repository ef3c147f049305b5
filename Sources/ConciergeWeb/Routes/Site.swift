import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird

/// Wires the route groups: public pages, anonymous forms, and everything that needs a signed-in person.
struct Site<Store: WebStore>: Sendable {
    let accounts: AccountRoutes<Store>
    let accountPage: AccountPageRoutes<Store>
    let passwordResets: PasswordResetRoutes<Store>
    let chat: ChatRoutes<Store>
    let preferences: PreferenceRoutes<Store>
    let ops: OpsRoutes<Store>
    let care: CareRoutes
    let records: RecordRoutes<Store>
    let analystPages: AnalystPageRoutes
    let analystAPI: AnalystAPIRoutes
    let audiences: AudienceRoutes
    let audiencePages: AudiencePageRoutes
    let usagePages: ModelUsagePageRoutes
    let tokens: FormTokens

    init(store: Store, configuration: WebConfiguration, dependencies: WebDependencies, cities: CityDirectory,
         preferences browser: BrowserPreferences, transport: TransportPolicy, tokens: FormTokens, dummyHash: String) {
        let service = AccountService(users: store, hasher: dependencies.hasher, policy: dependencies.passwordPolicy,
                                     cities: cities, clock: dependencies.clock, ids: dependencies.ids,
                                     throttle: LoginThrottle(store: store),
                                     signups: SignupThrottle(store: store, limits: configuration.signupLimits),
                                     dummyHash: dummyHash, logger: dependencies.logger)
        let loader = ChatPageLoader(store: store, clock: dependencies.clock, limits: dependencies.chat.limits,
                                    places: browser.places, ids: dependencies.ids)
        let twoStep = TwoStepVerification(store: store, clock: dependencies.clock, logger: dependencies.logger)
        accounts = AccountRoutes(accounts: service, twoStep: twoStep, views: dependencies.views, tokens: tokens,
                                 transport: transport, preferences: browser, cities: cities, metrics: dependencies.metrics)
        accountPage = AccountPageRoutes(
            accounts: service, twoStep: twoStep,
            personal: PersonalData(store: store, clock: dependencies.clock, logger: dependencies.logger),
            views: dependencies.views, cities: cities, transport: transport, preferences: browser)
        passwordResets = PasswordResetRoutes(
            resets: PasswordResets(store: store, delivery: dependencies.mail, hasher: dependencies.hasher,
                                   policy: dependencies.passwordPolicy, clock: dependencies.clock,
                                   logger: dependencies.logger),
            views: dependencies.views, tokens: tokens, transport: transport, preferences: browser)
        chat = ChatRoutes(loader: loader, chat: dependencies.chat, views: dependencies.views,
                          metrics: dependencies.metrics, preferences: browser)
        preferences = PreferenceRoutes(loader: loader, views: dependencies.views, preferences: browser)
        records = RecordRoutes(records: ShopperRecords(store: store, places: browser.places, rules: dependencies.rules,
                                                       clock: dependencies.clock),
                               views: dependencies.views, preferences: browser, care: dependencies.rules.chain)
        ops = OpsRoutes(store: store, metrics: dependencies.metrics, degradations: dependencies.degradations)
        care = CareRoutes(desk: CustomerCareDesk(store: store, clock: dependencies.clock, ids: dependencies.ids,
                                                 rules: dependencies.rules),
                          views: dependencies.views)
        let analyst = AnalystSide(configuredDesk: dependencies.analystDesk,
                                  throttle: AnalystThrottle(store: store, limits: configuration.analystLimits,
                                                            clock: dependencies.clock))
        analystPages = AnalystPageRoutes(side: analyst, views: dependencies.views, ids: dependencies.ids)
        let usage = ModelUsageReader(store: store, clock: dependencies.clock)
        analystAPI = AnalystAPIRoutes(side: analyst, usage: usage)
        usagePages = ModelUsagePageRoutes(reader: usage, views: dependencies.views)
        audiences = AudienceRoutes(port: dependencies.audiences)
        audiencePages = AudiencePageRoutes(port: dependencies.audiences, views: dependencies.views,
                                           clock: dependencies.clock)
        self.tokens = tokens
    }

    /// Every route whose form the error page offers again after a 503.
    static var resendable: [ResendableRoute] { [ChatRoutes<Store>.resendable, AnalystChatRoutes.resendable] }

    func register(on router: Router<WebContext>) {
        router.get("/") { _, context in Response.seeOther(context.identity == nil ? "/login" : "/chat") }
        ops.register(on: router)
        // A JSON API with its own guard (session CSRF token in a header), so not in the form-guarded group.
        audiences.register(on: router)
        accounts.registerPages(on: router)
        passwordResets.registerPages(on: router)
        let anonymousForms = router.group().add(middleware: FormGuardMiddleware(check: .anonymous(tokens)))
        accounts.registerForms(on: anonymousForms)
        passwordResets.registerForms(on: anonymousForms)
        let signedIn = router.group()
            .add(middleware: RequireSignInMiddleware())
            .add(middleware: FormGuardMiddleware(check: .session))
        signedIn.post("/logout", use: accounts.logout)
        signedIn.post("/logout-everywhere", use: accounts.logoutEverywhere)
        accountPage.register(on: signedIn)
        chat.register(on: signedIn)
        preferences.register(on: signedIn)
        care.register(on: signedIn)
        records.register(on: signedIn)
        analystPages.register(on: signedIn)
        audiencePages.register(on: signedIn)
        usagePages.register(on: signedIn)
        // Not behind the sign-in redirect: a script gets 401 JSON, not the login page (`AnalystAPIGuard`).
        analystAPI.register(on: router)
        for page in KnownPages.all {
            let allow = page.methods.map(\.rawValue).joined(separator: ", ")
            for method in KnownPages.refusedMethods where !page.methods.contains(method) {
                router.on(RouterPath(page.path), method: method) { _, _ -> Response in
                    throw HTTPError(.methodNotAllowed, headers: [.allow: allow])
                }
            }
        }
    }
}

/// Every page and the methods it answers. Another method on one of these paths is a 405 with `Allow`, not a 404:
/// the page exists. `ErrorAndOpsTests.everyOtherMethodOnAPageIs405` keeps this list in step with the routes.
enum KnownPages {
    static let all: [(path: String, methods: [HTTPRequest.Method])] = [
        ("/", [.get]), ("/healthz", [.get]), ("/metrics", [.get]), ("/login", [.get, .post]), ("/signup", [.get, .post]),
        ("/chat", [.get, .post]), ("/chat/stream", [.post]), ("/logout", [.post]), ("/logout-everywhere", [.post]), ("/location", [.post]),
        ("/debug", [.post]), ("/care", [.get]), ("/admin", [.get]), (AudienceRoutes.path, [.post]),
        (AnalystLinks.audiences, [.get, .post]), (AnalystLinks.audienceExport, [.post]),
        (AudienceRoutes.exportPath, [.post]), ("/admin/chat", [.get, .post]),
        (ModelUsagePageRoutes.path, [.get]),
        ("/account", [.get]), ("/account/password", [.post]), ("/account/data", [.get]), ("/account/delete", [.post]),
        ("/forgot-password", [.get, .post]), ("/reset-password", [.get, .post]), ("/login/code", [.get, .post]),
        ("/account/two-step", [.post]), ("/account/two-step/confirm", [.post]), ("/account/two-step/disable", [.post]),
        ("/orders", [.get]), ("/offers", [.get]),
    ]
    static let refusedMethods: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch]
}
