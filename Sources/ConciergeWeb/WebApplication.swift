import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird
import HummingbirdAuth

/// The web application: the router below on Hummingbird's HTTP/1.1 server. `concierge serve` runs it with
/// `runService()` (SIGTERM and SIGINT shut it down gracefully); tests drive the same value in memory.
public func buildApplication(configuration: WebConfiguration, dependencies: WebDependencies) async throws
    -> some ApplicationProtocol
{
    let router = try await buildRouter(configuration: configuration, dependencies: dependencies)
    return Application(
        router: router,
        server: .http1(timeouts: configuration.timeouts),
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
        onServerRunning: { channel in await configuration.onServerRunning(channel.localAddress?.port ?? 0) },
        logger: dependencies.logger)
}

/// Every route, with the middleware chain (outermost first): security headers → request log and metrics →
/// `HEAD` as `GET` → error pages → static files → session cookie → session authenticator; then per group: sign-in
/// requirement, form guard (size, UTF-8, CSRF) and, for `/debug`, the role policy.
public func buildRouter(configuration: WebConfiguration, dependencies: WebDependencies) async throws
    -> Router<WebContext>
{
    // A real hash at the configured cost, so that logins for unknown e-mails take as long as real ones.
    let dummyHash = try await dependencies.hasher.hash(RandomToken.make())
    return makeRouter(store: dependencies.store, configuration: configuration, dependencies: dependencies,
                      dummyHash: dummyHash)
}

/// Generic over the store so that each route sees only the ports it needs.
func makeRouter<Store: WebStore>(store: Store, configuration: WebConfiguration, dependencies: WebDependencies,
                                       dummyHash: String) -> Router<WebContext> {
    let transport = TransportPolicy(trustForwardedHeaders: configuration.trustForwardedHeaders)
    let cities = CityDirectory(dependencies.cities)
    let preferences = BrowserPreferences(places: PlaceDirectory(cities: cities, shops: dependencies.shops),
                                         transport: transport)
    let site = Site(store: store, configuration: configuration, dependencies: dependencies, cities: cities,
                    preferences: preferences, transport: transport,
                    tokens: FormTokens(key: configuration.formSigningKey), dummyHash: dummyHash)
    let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: SecurityHeadersMiddleware(transport: transport))
    router.add(middleware: RequestObservationMiddleware(metrics: dependencies.metrics))
    router.add(middleware: HeadRequestMiddleware())
    router.add(middleware: ErrorPageMiddleware(views: dependencies.views, resendable: Site<Store>.resendable))
    router.add(middleware: FileMiddleware(configuration.publicDirectory, urlBasePath: "/public",
                                          cacheControl: CacheControl([(MediaType(type: .any), [CacheControl.Value.maxAge(3_600)])]),
                                          logger: dependencies.logger))
    router.add(middleware: SessionCookieMiddleware(storage: StoreSessionDriver(store: store, clock: dependencies.clock),
                                                   transport: transport))
    router.add(middleware: SessionAuthenticator(users: SessionUsers(store: store, clock: dependencies.clock),
                                                context: WebContext.self))
    site.register(on: router)
    return router
}
