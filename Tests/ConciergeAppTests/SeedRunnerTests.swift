import Bcrypt
import ConciergeApp
import ConciergeCore
import Foundation
import SQLiteStore
import Testing
import TestSupport

@Suite("Seeding into the embedded store")
struct SeedRunnerTests {
    static let options = SeedOptions(users: 120, seed: 7, asOf: Date(timeIntervalSince1970: 1_795_219_200), reset: false,
                                     policiesDirectory: RepositoryPaths.seeds.appendingPathComponent("policies").path)

    private func freshStore() throws -> SQLiteConciergeStore {
        try SQLiteConciergeStore(path: RepositoryPaths.temporaryDirectory("seed").appendingPathComponent("s.sqlite").path)
    }

    @Test func twoStoresSeededAlikeExportByteIdenticallyAndReseedingChangesNothing() async throws {
        let first = try freshStore()
        let second = try freshStore()
        let runnerA = SeedRunner(store: first, hasher: PlainTestHasher(), catalog: CatalogFixture.catalog)
        let runnerB = SeedRunner(store: second, hasher: PlainTestHasher(), catalog: CatalogFixture.catalog)
        _ = try await runnerA.run(Self.options)
        _ = try await runnerB.run(Self.options)
        let exportA = try await DataExporter.export(first)
        #expect(exportA == (try await DataExporter.export(second)))
        _ = try await runnerA.run(Self.options)
        #expect(exportA == (try await DataExporter.export(first)), "idempotent without --reset")
        let counts = try await first.counts()
        // Hand-offs come from live conversations only, throttle counters from logins and signups, insights and
        // segmentation runs from an analyst, audits from exports, reset tokens and second factors from shoppers'
        // accounts: the seed plants none.
        let operational: [DataCollection] = [.handoffs, .throttles, .insights, .audienceAudits, .segmentationRuns,
                                             .modelUsage, .passwordResets, .secondFactors]
        for collection in DataCollection.allCases where !operational.contains(collection) {
            #expect(counts[collection] > 0, "\(collection.rawValue) populated")
        }
        #expect(counts[.handoffs] == 0)
        try await first.close()
        try await second.close()
    }

    @Test func demoPasswordsAreStoredAsRealBcryptHashesAndNeverExported() async throws {
        let store = try freshStore()
        let report = try await SeedRunner(store: store, hasher: BcryptPasswordHasher(cost: 4),
                                          catalog: CatalogFixture.catalog).run(Self.options)
        let hasher = BcryptPasswordHasher(cost: 4)
        for credential in report.credentials {
            let hash = try #require(try await store.user(id: credential.userID)?.passwordHash)
            #expect(hash.hasPrefix("$2b$") && hash != credential.password)
            #expect(await hasher.verify(credential.password, against: hash))
        }
        let exported = String(decoding: try await DataExporter.export(store), as: UTF8.self)
        #expect(!exported.contains("$2b$"))
        #expect(!exported.contains("passwordHash"))
        #expect(!report.credentials.contains { exported.contains($0.password) })
        try await store.close()
    }

    @Test func resetEmptiesBeforeSeedingAnotherSeed() async throws {
        let store = try freshStore()
        let runner = SeedRunner(store: store, hasher: PlainTestHasher(), catalog: CatalogFixture.catalog)
        _ = try await runner.run(Self.options)
        var other = Self.options
        other.seed = 99
        other.reset = true
        let report = try await runner.run(other)
        var expected = report.written
        expected[.policyChunks] = report.policies?.chunks ?? 0
        #expect(try await store.counts() == expected)
        try await store.close()
    }
}
