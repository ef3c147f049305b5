import Analytics
import ConciergeApp
import ConciergeCore
import Foundation
import Seeding
import SentenceEmbedding
import Testing
import TestSupport

/// Planted ground truth: groups of shoppers with a known taste added to a seeded chain, and one query per group
/// (a filter and a marketer's intent) whose relevant customers are that group. Written before any tuning; the
/// profile vocabulary and thresholds were not changed to fit them.
enum PlantedAudiences {
    static let asOf = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01T00:00:00Z
    static let weekdays = [2, 3, 4, 5, 6], weekend = [1, 7]

    static let groups: [PlantedAudienceGroup] = [
        .init(name: "luxury-cold", category: "cold-drinks", tiers: [.premium], hours: 18...21, orders: 8...12,
              daysAgo: 5...80),
        .init(name: "bakery-bargains", category: "bakery", tiers: [.budget], hours: 7...10, weekdays: weekdays,
              orders: 6...10, daysAgo: 1...55, couponRate: 1),
        .init(name: "weekend-hot-food", category: "hot-food", tiers: [.standard], hours: 18...21, weekdays: weekend,
              orders: 6...10, daysAgo: 1...28),
        .init(name: "premium-merch", category: "merchandise", tiers: [.premium], hours: 12...16, orders: 4...8,
              daysAgo: 5...110, consent: Consent(email: true)),
        .init(name: "morning-coffee", category: "hot-drinks", tiers: [.standard], colour: "brown", hours: 7...9,
              weekdays: weekdays, orders: 15...25, daysAgo: 1...40),
        .init(name: "cheap-iced", category: "cold-drinks", tiers: [.budget], hours: 13...16, orders: 6...10,
              daysAgo: 2...55),
        .init(name: "lapsed-food", category: "food", tiers: [.premium], hours: 12...14, orders: 6...10,
              daysAgo: 100...300),
        .init(name: "weekend-pastry", category: "bakery", tiers: [.standard], hours: 13...16, weekdays: weekend,
              orders: 5...9, daysAgo: 3...100),
        .init(name: "green-tea", category: "hot-drinks", tiers: [.premium, .budget], colour: "green", hours: 9...17,
              orders: 5...9, daysAgo: 3...60, consent: Consent(sms: true)),
        .init(name: "new-cold", category: "cold-drinks", tiers: [.standard], hours: 10...20, orders: 2...3,
              daysAgo: 1...10, accountAgeDays: 12...20),
    ]

    struct Query {
        var group: String
        var filter: String
        var intent: String
    }

    /// `CITY` is replaced by the city of the shop the group was planted at.
    static let queries: [Query] = [
        Query(group: "luxury-cold", filter: #"{"all": [{"purchased": {"category": "cold-drinks", "withinDays": 90}}]}"#,
              intent: "premium cold drinks for luxury shoppers"),
        Query(group: "bakery-bargains", filter: #"{"all": [{"purchased": {"category": "bakery", "withinDays": 60}}]}"#,
              intent: "bargain hunters who buy cheap pastries with coupons"),
        Query(group: "weekend-hot-food", filter: #"{"all": [{"lastSeenWithinDays": 30}]}"#,
              intent: "people who buy hot food on weekend evenings"),
        Query(group: "premium-merch",
              filter: #"{"all": [{"purchased": {"category": "merchandise", "withinDays": 120}}, {"consent": "email"}]}"#,
              intent: "luxury merchandise and gift buyers"),
        Query(group: "morning-coffee", filter: #"{"all": [{"churnBand": ["active"]}]}"#,
              intent: "weekday morning coffee regulars"),
        Query(group: "cheap-iced", filter: #"{"all": [{"purchased": {"category": "cold-drinks", "withinDays": 60}}]}"#,
              intent: "budget cold drinks in the afternoon"),
        Query(group: "lapsed-food", filter: #"{"all": [{"churnBand": ["at-risk", "churned"]}]}"#,
              intent: "lapsed customers who used to buy premium food"),
        Query(group: "weekend-pastry", filter: #"{"all": [{"city": "CITY"}]}"#,
              intent: "weekend afternoon bakery shoppers"),
        Query(group: "green-tea", filter: #"{"all": [{"consent": "sms"}]}"#,
              intent: "customers who like green tea and green items"),
        Query(group: "new-cold", filter: #"{"all": [{"lastSeenWithinDays": 14}]}"#,
              intent: "new customers trying cold drinks"),
    ]
}

@Suite("Audience discovery: precision@10 on planted ground truth (real sentence model)")
struct AudienceEvaluationTests {
    static func loadModel() async throws -> SentenceEmbedder {
        let directory = RepositoryPaths.root.appendingPathComponent(SentenceEmbedder.defaultDirectory)
        return try await SentenceEmbedder.load(from: directory)
    }

    @Test("every planted query finds its group: precision@10 per query reported, the mean at least 0.8")
    func precisionAtTen() async throws {
        let generated = try SyntheticDataGenerator(catalog: CatalogFixture.catalog, seed: 21, asOf: PlantedAudiences.asOf)
            .generate(userCount: 200).dataSet
        let (data, shops) = AudiencePlanting.plant(PlantedAudiences.groups, perGroup: 12, into: generated, seed: 21,
                                                   asOf: PlantedAudiences.asOf)
        #expect(shops.count == PlantedAudiences.groups.count)
        let asOf = CalendarDay(iso: "2026-12-01")!
        let pseudonyms = CustomerPseudonyms(key: nil)
        let shopperIDs = data.users.filter { $0.role == .shopper }.map(\.id).sorted()
        let inputs = AudienceInputs(shopperIDs: shopperIDs, orders: data.orders, events: data.events, shops: data.shops,
                                    pseudonyms: pseudonyms, asOf: asOf)
        let discovery = AudienceDiscovery(embeddings: EmbeddingCache(try await Self.loadModel()), pseudonyms: pseudonyms)
        let eventsByUser = Dictionary(grouping: data.events, by: \.userID)
        var precisions: [Double] = []
        for query in PlantedAudiences.queries {
            let json = query.filter.replacingOccurrences(of: "CITY", with: shops[query.group]?.address.city ?? "?")
            let filter = try AudienceFilter.parse(Data(json.utf8))
            // Stage one with the in-memory twin of the store query (the contract tests hold the stores to it).
            let storeQuery = AudienceStoreQuery(filter, asOf: asOf)
            let candidates = data.users.filter { storeQuery.matches($0, events: eventsByUser[$0.id] ?? []) }.map(\.id)
            let result = try await discovery.rank(inputs, storeCandidates: candidates, allCustomers: shopperIDs.count,
                                                  filter: filter, intent: query.intent, limit: 10)
            let relevant = Set(data.users.filter { $0.archetype == "planted-\(query.group)" }.map {
                pseudonyms.pseudonym($0.id)
            })
            // Every planted member passes its filter: the ranking, not the filter, has to find them.
            let passing = inputs.customers.filter {
                relevant.contains($0.row.customer) && $0.matchesFeatures(of: filter, asOf: asOf)
            }.count
            let passingStore = data.users.filter {
                $0.archetype == "planted-\(query.group)" && candidates.contains($0.id)
            }.count
            #expect(passing == 12 && passingStore == 12, "\(query.group): \(passing), \(passingStore) of 12 pass")
            #expect(result.counts.afterFilter >= relevant.count + 10, "\(query.group): too few distractors")
            let hits = result.members.filter { relevant.contains($0.customer) }.count
            let precision = Double(hits) / 10
            precisions.append(precision)
            print("audience precision@10 \(query.group): \(precision) (candidates \(result.counts.afterFilter))")
            if precision < 0.8 {
                // What took the places: the archetype behind each of the ten (ground truth, for the report only).
                let archetypes = Dictionary(data.users.map { (pseudonyms.pseudonym($0.id), $0.archetype ?? "-") },
                                            uniquingKeysWith: { first, _ in first })
                for member in result.members {
                    print("  \(member.score) \(archetypes[member.customer] ?? "?"): \(member.profile)")
                }
            }
        }
        let mean = precisions.reduce(0, +) / Double(precisions.count)
        print("audience precision@10 mean over \(precisions.count) planted queries: \(mean)")
        #expect(precisions.count >= 10)
        #expect(mean >= 0.8)
    }
}
