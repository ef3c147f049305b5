import ConciergeCore
import Foundation
import Seeding

public struct SeedOptions: Sendable {
    public var users: Int
    public var seed: UInt64
    public var asOf: Date
    public var reset: Bool
    /// Markdown policies to ingest after the data (`Seeds/policies`), or `nil` to leave the corpus alone.
    public var policiesDirectory: String?

    public init(users: Int, seed: UInt64, asOf: Date, reset: Bool, policiesDirectory: String? = nil) {
        self.users = users
        self.seed = seed
        self.asOf = asOf
        self.reset = reset
        self.policiesDirectory = policiesDirectory
    }
}

public struct SeedReport: Sendable {
    public var written: CollectionCounts
    public var policies: PolicyIngestor.Report?
    public var credentials: [PersonaCredential]
    public var generateSeconds: Double
    public var hashSeconds: Double
    public var writeSeconds: Double
}

public enum SeedPhase: Sendable {
    case generating(done: Int, total: Int)
    case writing(done: Int, total: Int)
}

public enum SeedRunError: Error, CustomStringConvertible {
    case emailTaken(userID: String)

    public var description: String {
        switch self {
        case .emailTaken(let userID):
            "user \(userID): its e-mail already belongs to another user in the store (seeded with another --seed?); "
                + "run with --reset to start over"
        }
    }
}

/// Generates synthetic data, hashes the demo passwords and writes everything in batches.
///
/// Records are upserted by key, so running the same seed twice leaves the store as it was.
public struct SeedRunner: Sendable {
    public let store: any ConciergeStore
    public let hasher: any PasswordHasher
    public let catalog: SeedCatalog
    /// Embeds the policy chunks at ingest (hybrid retrieval); `nil`: lexical only.
    public let embedder: (any Embedder)?
    /// Users per write batch (with their orders, events and coupons).
    public var batchSize = 1_000

    public init(store: any ConciergeStore, hasher: any PasswordHasher, catalog: SeedCatalog,
                embedder: (any Embedder)? = nil) {
        self.store = store
        self.hasher = hasher
        self.catalog = catalog
        self.embedder = embedder
    }

    public func run(_ options: SeedOptions, progress: @Sendable (SeedPhase) -> Void = { _ in }) async throws -> SeedReport {
        if options.reset { try await store.reset() }
        let clock = ContinuousClock()
        var generated: SyntheticData!
        let generateTime = try clock.measure {
            generated = try SyntheticDataGenerator(catalog: catalog, seed: options.seed, asOf: options.asOf)
                .generate(userCount: options.users) { progress(.generating(done: $0, total: options.users)) }
        }
        var data = generated.dataSet
        let hashTime = try await clock.measure { try await hashPersonaPasswords(&data, generated.credentials) }
        let writeTime = try await clock.measure {
            if !options.reset { try await refuseEmailClashes(data.users) }
            try await write(data, progress: progress)
        }
        let policies = try await options.policiesDirectory.asyncMap {
            try await PolicyIngestor.ingest(directory: $0, into: store, embedder: embedder)
        }
        return SeedReport(written: data.counts, policies: policies, credentials: generated.credentials,
                          generateSeconds: generateTime.seconds, hashSeconds: hashTime.seconds,
                          writeSeconds: writeTime.seconds)
    }

    private func hashPersonaPasswords(_ data: inout DataSet, _ credentials: [PersonaCredential]) async throws {
        for credential in credentials {
            guard let index = data.users.firstIndex(where: { $0.id == credential.userID }) else { continue }
            data.users[index].passwordHash = try await hasher.hash(credential.password)
        }
    }

    /// A store already holding other data may own some of these e-mails under other ids: say so before writing.
    private func refuseEmailClashes(_ users: [User]) async throws {
        guard try await store.counts()[.users] > 0 else { return }
        for user in users {
            if let owner = try await store.user(email: user.email), owner.id != user.id {
                throw SeedRunError.emailTaken(userID: user.id)
            }
        }
    }

    private func write(_ data: DataSet, progress: @Sendable (SeedPhase) -> Void) async throws {
        let ordersByUser = Dictionary(grouping: data.orders, by: \.userID)
        let eventsByUser = Dictionary(grouping: data.events, by: \.userID)
        let ownedCoupons = Dictionary(grouping: data.coupons.filter { $0.ownerID != nil }, by: { $0.ownerID! })
        let messagesByUser = Dictionary(grouping: data.messages, by: \.userID)
        let sessionsByUser = Dictionary(grouping: data.sessions, by: \.userID)
        let usageByUser = Dictionary(grouping: data.usage, by: \.userID)
        try await store.upsert(DataSet(shops: data.shops, coupons: data.coupons.filter { $0.ownerID == nil }))
        var done = 0
        for start in stride(from: 0, to: data.users.count, by: batchSize) {
            let users = Array(data.users[start..<min(start + batchSize, data.users.count)])
            try await store.upsert(DataSet(
                users: users, orders: users.flatMap { ordersByUser[$0.id] ?? [] },
                coupons: users.flatMap { ownedCoupons[$0.id] ?? [] }, events: users.flatMap { eventsByUser[$0.id] ?? [] },
                messages: users.flatMap { messagesByUser[$0.id] ?? [] },
                sessions: users.flatMap { sessionsByUser[$0.id] ?? [] },
                usage: users.flatMap { usageByUser[$0.id] ?? [] }))
            done += users.count
            progress(.writing(done: done, total: data.users.count))
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
