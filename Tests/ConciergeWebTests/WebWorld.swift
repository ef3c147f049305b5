import ConciergeApp
import ConciergeCore
import ConciergeViews
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLiteStore
import Synchronization
import TestSupport

@testable import ConciergeWeb

/// The web application over a seeded embedded store (40 shoppers, seed 7, the demo personas with the fast test
/// hasher, the real policies), pinned to Sat 21 Nov 2026 15:00 UTC on a clock tests can move. Every world has its
/// own copy of the store, its own log capture and its own metrics registry, so tests run in parallel.
struct WebWorld: Sendable {
    static let asOf = SeededStoreTemplate.asOf
    static let afternoon = asOf.addingTimeInterval(15 * 3_600)

    let store: SQLiteConciergeStore
    let clock: MovableClock
    let logs: LogCapture
    let metrics: WebMetrics
    let app: any ApplicationProtocol

    struct Options: Sendable {
        var dailyLimit = 30
        var hasher: any PasswordHasher = PlainTestHasher()
        var trustForwardedHeaders = true
        /// The store the routes see (the chat service uses the seeded one unless `chatUsesWebStore`).
        var webStore: (@Sendable (SQLiteConciergeStore) -> any ConciergeStore)?
        var chatUsesWebStore = false
    }

    /// Builds a world, runs `body` against its router in memory, and closes the store.
    static func run(_ options: Options = Options(), _ body: @Sendable (WebWorld, Browser) async throws -> Void)
        async throws
    {
        let world = try await make(options)
        do {
            try await world.app.test(.router) { client in try await body(world, Browser(client)) }
        } catch {
            try? await world.store.close()
            throw error
        }
        try await world.store.close()
    }

    static func make(_ options: Options) async throws -> WebWorld {
        let store = try SQLiteConciergeStore(path: try await SeededStoreTemplate.shared.copy(label: "web"))
        let clock = MovableClock(afternoon)
        var configuration = try AppConfiguration(environment: [
            "SEEDS_DIR": RepositoryPaths.seeds.path, "DAILY_MESSAGE_LIMIT": String(options.dailyLimit),
        ])
        configuration.store = .sqlite(path: "unused")
        let webStore = options.webStore?(store) ?? store
        let runtime = try await ConciergeRuntime.start(configuration, store: options.chatUsesWebStore ? webStore : store,
                                                       clock: clock, llm: MockLLMClient())
        let logs = LogCapture()
        let metrics = WebMetrics()
        let dependencies = WebDependencies(
            store: webStore, chat: runtime.chat, views: try await Self.views(),
            hasher: options.hasher, passwordPolicy: try Self.passwordPolicy(), cities: Self.cities,
            dailyMessageLimit: options.dailyLimit, clock: clock, metrics: metrics,
            logger: logs.logger(label: "concierge.web"))
        let web = WebConfiguration(host: "127.0.0.1", port: 0,
                                   publicDirectory: RepositoryPaths.root.appendingPathComponent("Public").path,
                                   trustForwardedHeaders: options.trustForwardedHeaders)
        let app = try await buildApplication(configuration: web, dependencies: dependencies)
        return WebWorld(store: store, clock: clock, logs: logs, metrics: metrics, app: app)
    }

    static func views() async throws -> PageRenderer {
        try await PageRenderer(directory: RepositoryPaths.root.appendingPathComponent("Templates").path)
    }

    static func passwordPolicy() throws -> PasswordPolicy {
        try PasswordPolicy(commonPasswordsFile: RepositoryPaths.seeds.appendingPathComponent("common-passwords.txt").path)
    }

    static let cities = CatalogFixture.catalog.cities.map {
        CityChoice(name: $0.name, latitude: $0.latitude, longitude: $0.longitude, timeZone: $0.timeZone)
    }

    func user(_ email: String) async throws -> User {
        guard let user = try await store.user(email: email) else { throw WorldError.noSuchUser }
        return user
    }

    enum WorldError: Error { case noSuchUser }
}

/// A wall clock tests move by hand (lockouts, session expiry).
final class MovableClock: WallClock {
    private let instant: Mutex<Date>

    init(_ start: Date) { instant = Mutex(start) }

    func now() -> Date { instant.withLock { $0 } }

    func advance(seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
