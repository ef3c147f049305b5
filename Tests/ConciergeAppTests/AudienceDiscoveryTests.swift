import Analytics
import ConciergeApp
import ConciergeCore
import Foundation
import SQLiteStore
import Testing
import TestSupport

@Suite("Audience discovery: stages, reasons, privacy")
struct AudienceDiscoveryTests {
    static let asOf = CalendarDay(iso: "2026-11-21")!

    static func withSeededStore(_ body: (SQLiteConciergeStore) async throws -> Void) async throws {
        let store = try SQLiteConciergeStore(path: try await SeededStoreTemplate.shared.copy(label: "audience"))
        do { try await body(store) } catch {
            try await store.close()
            throw error
        }
        try await store.close()
    }

    @Test("counts shrink stage by stage, every member meets every clause, and a rerun embeds nothing new")
    func stages() async throws {
        try await Self.withSeededStore { store in
            let cache = EmbeddingCache(HashingEmbedder())
            let discovery = AudienceDiscovery(embeddings: cache, pseudonyms: CustomerPseudonyms(key: nil))
            let filter = try AudienceFilter.parse(Data(#"""
                {"all": [{"consent": "email"}, {"churnBand": ["active", "cooling"]}, {"lastSeenWithinDays": 60}]}
                """#.utf8))
            let result = try await discovery.discover(store, filter: filter, intent: "evening cold drinks",
                                                      limit: 5, asOf: Self.asOf)
            let counts = result.counts
            #expect(counts.allCustomers == (try await store.shopperIDs()).count)
            #expect(counts.allCustomers > counts.afterStoreFilter && counts.afterStoreFilter > counts.afterFilter)
            #expect(counts.afterFilter == counts.ranked && counts.returned == min(5, counts.ranked) && counts.returned > 0)
            #expect(result.members.map(\.score) == result.members.map(\.score).sorted(by: >))
            for member in result.members {
                #expect(member.matchedClauses.count == 3 && !member.topFacts.isEmpty && member.topFacts.count <= 3)
                #expect(member.topFacts.allSatisfy { member.profile.contains($0) })
            }
            #expect(result.usage == .none)
            let embedded = await cache.embeddedCount
            let again = try await discovery.discover(store, filter: filter, intent: "evening cold drinks",
                                                     limit: 5, asOf: Self.asOf)
            #expect(again == result)
            #expect(await cache.embeddedCount == embedded)  // every profile, fact and the intent came from the cache
        }
    }

    @Test("each discovery logs its counts and model usage (zero: ranking is local), never the intent or an id")
    func usageLog() async throws {
        try await Self.withSeededStore { store in
            let logs = LogCapture()
            let discovery = AudienceDiscovery(embeddings: EmbeddingCache(HashingEmbedder()),
                                              pseudonyms: CustomerPseudonyms(key: nil),
                                              logger: logs.logger(label: "concierge.audience"))
            let result = try await discovery.discover(store, filter: AudienceFilter(clauses: []),
                                                      intent: "secret campaign words", limit: 2, asOf: Self.asOf)
            let entries = logs.entries
            #expect(entries.count == 1 && entries[0].message == "audience discovery")
            #expect(entries[0].metadata["promptTokens"] == "0" && entries[0].metadata["completionTokens"] == "0")
            #expect(entries[0].metadata["cost"] == "0" && entries[0].metadata["returned"] == "2")
            #expect(!entries[0].line.contains("secret") && !result.members.contains { entries[0].line.contains($0.customer) })
        }
    }

    @Test("the result carries no user id, name, e-mail, phone or address of anyone in the store")
    func noPII() async throws {
        try await Self.withSeededStore { store in
            let discovery = AudienceDiscovery(embeddings: EmbeddingCache(HashingEmbedder()),
                                              pseudonyms: CustomerPseudonyms(key: nil))
            let result = try await discovery.discover(store, filter: AudienceFilter(clauses: []), intent: "coffee",
                                                      limit: 500, asOf: Self.asOf)
            #expect(result.members.count == (try await store.shopperIDs()).count)
            let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
            let data = try await store.exportAll()
            for user in data.users {
                // Not postcodes: a 4-digit one can occur by chance inside a hex pseudonym.
                let identity = [user.id, user.email, user.name] + [user.phone, user.address?.line1].compactMap { $0 }
                for value in identity { #expect(!json.contains(value), "leaked a value of \(user.role)") }
            }
        }
    }
}

/// A model double that answers with a fixed text and records what it was asked.
actor ScriptedProposalModel: LLMClient {
    let answer: String
    private(set) var requests: [LLMRequest] = []

    init(answer: String) { self.answer = answer }

    func complete(_ request: LLMRequest) async throws -> LLMCompletion {
        requests.append(request)
        return LLMCompletion(text: answer, model: request.model, attempts: [])
    }
}

@Suite("Audience filter proposals from a model are validated, never executed")
struct AudienceProposalTests {
    static let categories: Set<String> = ["bakery", "cold-drinks"]

    static func propose(_ answer: String) async -> AudienceProposal {
        await AudienceFilterProposer(client: ScriptedProposalModel(answer: answer), model: "m", categories: categories)
            .propose("people who bought cold drinks lately")
    }

    @Test("hostile or invalid proposals are refused with the validator's reason", arguments: [
        (#"{"all": [{"sql": "DELETE FROM users"}]}"#, "unknown field \"sql\""),
        (#"{"all": [{"city": {"$where": "sleep(1000)"}}]}"#, "city must be a text or a list"),
        (#"{"all": [{"archetype": "loyal-high-spender"}]}"#, "unknown field \"archetype\""),
        (#"{"all": [], "$where": "1"}"#, "unknown top-level field"),
        ("SELECT id FROM users; DROP TABLE users", "holds no JSON object"),
        (#"Sure! {"all": [{"purchased": {"category": "caviar", "withinDays": 7}}]}"#, "unknown category"),
    ])
    func hostile(answer: String, reason: String) async {
        guard case .refused(let why) = await Self.propose(answer) else {
            Issue.record("accepted: \(answer)")
            return
        }
        #expect(why.contains(reason), "\(why)")
    }

    @Test("a valid proposal comes back as a typed filter, text around the JSON ignored; mock mode has none")
    func valid() async throws {
        let proposal = await Self.propose(
            #"Here you go: {"all": [{"purchased": {"category": "cold-drinks", "withinDays": 30}}]} Enjoy."#)
        #expect(proposal == .proposed(AudienceFilter(clauses: [.purchased(category: "cold-drinks", withinDays: 30)])))
        let model = ScriptedProposalModel(answer: "{}")
        _ = await AudienceFilterProposer(client: model, model: "m", categories: Self.categories).propose("x")
        let sent = await model.requests
        #expect(sent.count == 1 && sent[0].messages[0].content.contains("cold-drinks"))
        #expect(await AudienceFilterProposer(client: nil, model: "m", categories: []).propose("x") == .unavailable)
    }
}
