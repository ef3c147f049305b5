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
/// hasher, the real policies), pinned to Sat 21 Nov 2026 15:00 UTC on a clock tests can move, built by the same
/// composition root as `concierge serve` (`buildWebApplication`). Every world has its own copy of the store, its own
/// log capture and its own metrics registry, so tests run in parallel.
struct WebWorld: Sendable {
    static let asOf = SeededStoreTemplate.asOf
    static let afternoon = asOf.addingTimeInterval(15 * 3_600)

    /// The seeded store, for reading what the app wrote.
    let store: SQLiteConciergeStore
    /// The store the application uses: `store`, until a test switches it off (outages).
    let switchable: SwitchableStore
    let clock: MovableClock
    let logs: LogCapture
    let metrics: WebMetrics
    let app: any ApplicationProtocol

    struct Options: Sendable {
        var dailyLimit = 30
        var hasher: any PasswordHasher = PlainTestHasher()
        var trustForwardedHeaders = true
        /// Replaces the chat service (a `ScriptedChat` in tests of the web alone).
        var chat: (any ChatResponder)?
        /// Lexical retrieval by default: the seeded template's chunks carry no vectors.
        var embedder: EmbedderLoad = .disabled
        /// More settings, as `concierge serve` reads them (`SIGNUP_LIMIT_GLOBAL`...).
        var environment: [String: String] = [:]
        /// Told the port when the application runs as a real server (`runService`), as `concierge serve` is.
        var onServerRunning: (@Sendable (Int) async -> Void)?
        /// The analyst side behind `/admin`; `nil` builds the real one over the world's store.
        var analystDesk: (any AnalystDesk)?
        /// No analyst side: `/admin` answers 503 (not configured).
        var withoutAnalystDesk = false
        /// Audience discovery behind `/admin/api/audiences` (nil: the runtime's, none with `.disabled` embeddings).
        var audiences: (@Sendable (any ConciergeStore) -> any AudienceDiscoveryPort)?
        /// The model behind the chat service and the analyst side (nil: the mock).
        var llm: (any LLMClient)?
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
        let switchable = SwitchableStore(store)
        let clock = MovableClock(afternoon)
        let logs = LogCapture()
        let metrics = WebMetrics()
        let app = try await application(store: switchable, clock: clock, logs: logs, metrics: metrics, options: options)
        return WebWorld(store: store, switchable: switchable, clock: clock, logs: logs, metrics: metrics, app: app)
    }

    /// Another instance of the site over this world's store and clock: a second server behind a load balancer, or
    /// the same server after a restart (its own process memory, form key and metrics).
    func anotherInstance(_ options: Options = Options()) async throws -> some ApplicationProtocol {
        try await Self.application(store: switchable, clock: clock, logs: logs, metrics: WebMetrics(), options: options)
    }

    private static func application(store: any ConciergeStore, clock: MovableClock, logs: LogCapture,
                                    metrics: WebMetrics, options: Options) async throws -> some ApplicationProtocol {
        let configuration = try AppConfiguration(environment: [
            "SEEDS_DIR": RepositoryPaths.seeds.path, "DAILY_MESSAGE_LIMIT": String(options.dailyLimit),
            "TEMPLATES_DIR": RepositoryPaths.root.appendingPathComponent("Templates").path,
            "PUBLIC_DIR": RepositoryPaths.root.appendingPathComponent("Public").path, "PORT": "0",
            "TRUST_FORWARDED_HEADERS": String(options.trustForwardedHeaders),
        ].merging(options.environment) { _, given in given })
        var overrides = AppOverrides(clock: clock, llm: options.llm ?? MockLLMClient(), embedder: options.embedder,
                                     hasher: options.hasher,
                                     chat: options.chat,
                                     logger: logs.logger(label: "concierge.web"), metrics: metrics,
                                     onServerRunning: options.onServerRunning, analystDesk: options.analystDesk)
        overrides.withoutAnalystDesk = options.withoutAnalystDesk
        overrides.audiences = options.audiences?(store)
        return try await buildWebApplication(configuration, store: store, overrides: overrides)
    }

    static func views() async throws -> PageRenderer {
        try await PageRenderer(directory: RepositoryPaths.root.appendingPathComponent("Templates").path)
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
