import ConciergeCore
import ConciergeViews
import Crypto
import Foundation
import Logging

/// How the web application listens and what it may trust.
public struct WebConfiguration: Sendable {
    /// The address to listen on (`HOST`).
    public var host: String
    /// 0 picks a free port; `onServerRunning` receives the real one.
    public var port: Int
    /// Static files, served under `/public/` (`PUBLIC_DIR`).
    public var publicDirectory: String
    /// Set when a TLS-terminating reverse proxy of ours sits in front (see `TransportPolicy`).
    public var trustForwardedHeaders: Bool
    /// Signs the CSRF tokens of the login and signup forms.
    public var formSigningKey: SymmetricKey
    /// How many accounts may be made, per client address and in all (`SignupThrottle`).
    public var signupLimits: SignupLimits
    /// How long a connection may take to send a request head, and may stay idle.
    public var timeouts: ConnectionTimeouts
    /// How often one analyst may call the analyst API and refresh insights (`AnalystThrottle`).
    public var analystLimits: AnalystLimits
    /// Called once the server listens, with the bound port.
    public var onServerRunning: @Sendable (Int) async -> Void

    /// Settings with development defaults: no proxy trusted, a fresh form key per process.
    public init(host: String, port: Int, publicDirectory: String, trustForwardedHeaders: Bool = false,
                formSigningKey: SymmetricKey = FormTokens.randomKey(), signupLimits: SignupLimits = SignupLimits(),
                timeouts: ConnectionTimeouts = ConnectionTimeouts(), analystLimits: AnalystLimits = AnalystLimits(),
                onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.host = host
        self.port = port
        self.publicDirectory = publicDirectory
        self.trustForwardedHeaders = trustForwardedHeaders
        self.formSigningKey = formSigningKey
        self.signupLimits = signupLimits
        self.timeouts = timeouts
        self.analystLimits = analystLimits
        self.onServerRunning = onServerRunning
    }
}

/// How many signups are accepted: at most `perAddress` from one client address per `addressWindow`, and at most
/// `global` from everyone per `globalWindow`; above either, a 429 and no password hash.
public struct SignupLimits: Sendable, Equatable {
    public var perAddress: Int
    public var addressWindow: TimeInterval
    public var global: Int
    public var globalWindow: TimeInterval

    /// Defaults: 5 per address per day, 100 per hour in all (`SIGNUP_LIMIT_PER_ADDRESS`, `SIGNUP_ADDRESS_WINDOW_HOURS`,
    /// `SIGNUP_LIMIT_GLOBAL`, `SIGNUP_GLOBAL_WINDOW_MINUTES`).
    public init(perAddress: Int = 5, addressWindow: TimeInterval = 86_400, global: Int = 100,
                globalWindow: TimeInterval = 3_600) {
        self.perAddress = perAddress
        self.addressWindow = addressWindow
        self.global = global
        self.globalWindow = globalWindow
    }
}

/// The persistence the web uses: accounts, sessions, conversations, hand-offs to Customer Care, quota and throttle
/// counters, what the model cost (`/admin/usage`), and a health ping.
public typealias WebStore = UserStore & SessionStore & ChatStore & HandoffStore & UsageStore & ThrottleStore
    & StoreHealth & ModelUsageStore & OrderStore & CouponStore & EventStore & PersonalDataStore & PasswordResetStore
    & SecondFactorStore

/// Everything the routes use, built by the composition root (`ConciergeApp.buildWebApplication`).
public struct WebDependencies: Sendable {
    /// The configured store; routes see only the ports they need.
    public var store: any WebStore
    /// The concierge turn, and the limits the page shows.
    public var chat: any ChatResponder
    /// The templates of `TEMPLATES_DIR`.
    public var views: PageRenderer
    /// bcrypt at `BCRYPT_COST` in production.
    public var hasher: any PasswordHasher
    /// Length and common-password rules for new passwords.
    public var passwordPolicy: PasswordPolicy
    /// Cities for the home-city select and the place search.
    public var cities: [CityChoice]
    /// The chain's shops, read once: the place search (names, postcodes), the order page's pickup shop and the
    /// offers page's "valid at". Empty means no search by shop and "one of our shops" on those pages.
    public var shops: [Shop] = []
    /// Sessions, throttling and the usage bar read time here.
    public var clock: any WallClock
    /// New user ids and the chat form's turn keys.
    public var ids: any IdentifierSource
    /// Counters and timers behind `/metrics`.
    public var metrics: WebMetrics
    /// Lines `/healthz` adds after `ok` while the app runs below its configuration (e.g. lexical retrieval because
    /// the embedding model is missing): degraded, but serving.
    public var degradations: [String] = []
    /// Request and security-event logs (no personal data).
    public var logger: Logger
    /// `Seeds/rules.json`: Customer Care's contact details stay readable on the staff pages.
    public var rules: ConciergeRules = .standard
    /// The analyst side behind `/admin`; without one, its pages and API answer 503 ("not configured").
    public var analystDesk: (any AnalystDesk)?
    /// Audience discovery for `/admin/api/audiences`; nil answers 503 (the analyst side is not wired).
    public var audiences: (any AudienceDiscoveryPort)? = nil
    /// Outgoing mail for password-reset links; nil: the site says reset by e-mail is not available.
    public var mail: MailDelivery? = nil

    /// Dependencies with real-time, random-id and fresh-metrics defaults.
    public init(store: any WebStore, chat: any ChatResponder, views: PageRenderer, hasher: any PasswordHasher,
                passwordPolicy: PasswordPolicy, cities: [CityChoice], clock: any WallClock = SystemWallClock(), ids: any IdentifierSource = RandomIdentifierSource(),
                metrics: WebMetrics = WebMetrics(), logger: Logger = Logger(label: "concierge.web")) {
        self.store = store
        self.chat = chat
        self.views = views
        self.hasher = hasher
        self.passwordPolicy = passwordPolicy
        self.cities = cities
        self.clock = clock
        self.ids = ids
        self.metrics = metrics
        self.logger = logger
    }
}
