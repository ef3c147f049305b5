import ConciergeCore
import Foundation
import Seeding
import Testing
import TestSupport

/// The audience filter's store half: each store's compiled query selects exactly the shoppers that the in-memory
/// twin (`AudienceStoreQuery.matches`) selects, on a seeded chain.
@Suite("Store contract: audience candidates (store query = in-memory filter)")
struct AudienceContractTests {
    static let asOf = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01T00:00:00Z
    static let data: DataSet = {
        do {
            return try SyntheticDataGenerator(catalog: CatalogFixture.catalog, seed: 11, asOf: asOf)
                .generate(userCount: 60).dataSet
        } catch {
            fatalError("the seed does not generate: \(error)")
        }
    }()

    /// Queries over the seed's own cities and countries, most common first (ties by name: no Dictionary order).
    static func queries() -> [(String, AudienceStoreQuery)] {
        let shoppers = data.users.filter { $0.role == .shopper }
        func common(_ key: (PostalAddress) -> String) -> [String] {
            let counts = Dictionary(grouping: shoppers.compactMap { $0.address.map(key) }, by: { $0 })
            return counts.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.map(\.key)
        }
        let cities = common(\.city), countries = common(\.country)
        let day: TimeInterval = 86_400
        return [
            ("everyone", AudienceStoreQuery()),
            ("one city", AudienceStoreQuery(cityClauses: [[cities[0]]])),
            ("two cities and e-mail consent", AudienceStoreQuery(cityClauses: [[cities[0], cities[1]]],
                                                                 requireEmailConsent: true)),
            ("clauses intersect", AudienceStoreQuery(cityClauses: [[cities[0], cities[1]], [cities[1]]])),
            ("country and SMS consent", AudienceStoreQuery(countryClauses: [[countries[0]]], requireSMSConsent: true)),
            ("seen in 14 days", AudienceStoreQuery(seenFrom: asOf.addingTimeInterval(-13 * day),
                                                   seenBefore: asOf.addingTimeInterval(day))),
            ("all of it", AudienceStoreQuery(cityClauses: [cities], countryClauses: [countries], requireEmailConsent: true,
                                             seenFrom: asOf.addingTimeInterval(-29 * day),
                                             seenBefore: asOf.addingTimeInterval(day))),
            ("no such city", AudienceStoreQuery(cityClauses: [["Atlantis"]])),
            ("hostile-looking values are plain values",
             AudienceStoreQuery(cityClauses: [["x') OR 1=1 --", "{\"$ne\": null}", "$where"]])),
        ]
    }

    @Test(arguments: Backend.allCases)
    func theStoreQuerySelectsWhatTheInMemoryFilterSelects(backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.upsert(Self.data)
            let eventsByUser = Dictionary(grouping: Self.data.events, by: \.userID)
            var sizes: [String: Int] = [:]
            for (name, query) in Self.queries() {
                let expected = Self.data.users.filter { query.matches($0, events: eventsByUser[$0.id] ?? []) }
                    .map(\.id).sorted()
                let selected = try await store.audienceCandidates(query)
                #expect(selected == expected, "\(name)")
                sizes[name] = selected.count
            }
            // The comparison means something only if the queries select different, non-empty groups.
            let everyone = sizes["everyone"] ?? 0
            #expect(everyone == Self.data.users.filter { $0.role == .shopper }.count)
            for name in ["one city", "two cities and e-mail consent", "country and SMS consent", "seen in 14 days"] {
                #expect((1..<everyone).contains(sizes[name] ?? 0), "\(name): \(sizes[name] ?? 0) of \(everyone)")
            }
            #expect(sizes["no such city"] == 0 && sizes["hostile-looking values are plain values"] == 0)
        }
    }

    @Test(arguments: Backend.allCases)
    func exportAuditRecordsAreKeptNewestFirstAndNeverOverwritten(backend: Backend) async throws {
        try await withStore(backend) { store in
            func record(_ id: String, secondsAgo: TimeInterval, kind: AudienceAuditRecord.Kind = .masked)
                -> AudienceAuditRecord
            {
                AudienceAuditRecord(id: id, actorID: "usr_admin", at: Self.asOf.addingTimeInterval(-secondsAgo),
                                    kind: kind, channel: kind == .contacts ? "email" : nil,
                                    filter: #"{"all":[{"consent":"email"}]}"#, intent: "evening cold drinks", count: 7)
            }
            #expect(try await store.audienceAudits(limit: 10).isEmpty)
            let records = [record("aud_b", secondsAgo: 60), record("aud_a", secondsAgo: 60, kind: .contacts),
                           record("aud_c", secondsAgo: 3_600)]
            for item in records { try await store.appendAudienceAudit(item) }
            // Same instant: the larger id first.
            #expect(try await store.audienceAudits(limit: 10) == [records[0], records[1], records[2]])
            #expect(try await store.audienceAudits(limit: 1) == [records[0]])
            #expect(try await store.audienceAudits(limit: 0).isEmpty)
            await #expect(throws: StoreError.duplicate(collection: .audienceAudits, field: "id")) {
                try await store.appendAudienceAudit(record("aud_a", secondsAgo: 0))
            }
            #expect(try await store.audienceAudits(limit: 10)[1] == records[1])
            #expect(try await store.counts()[.audienceAudits] == 3)
        }
    }
}
