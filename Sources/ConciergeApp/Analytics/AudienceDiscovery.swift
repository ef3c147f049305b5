import Analytics
import ConciergeCore
import Foundation
import Logging

/// How many customers each stage kept.
public struct AudienceStageCounts: Codable, Hashable, Sendable {
    /// Every shopper.
    public var allCustomers: Int
    /// After the store half of the filter (address, consent, last seen).
    public var afterStoreFilter: Int
    /// After the computed half too (purchases, value, churn, premium share): the candidates.
    public var afterFilter: Int
    /// Candidates with a profile scored against the intent (all of them).
    public var ranked: Int
    public var returned: Int
}

/// Model usage of one discovery call, as the usage store recorded it. Ranking uses the local embedder only, so a
/// discovery with a given filter asks no model: model `none`, zero tokens, zero cost (a model-proposed filter
/// would add the proposal's usage under `audience-discovery`).
public struct AudienceModelUsage: Codable, Hashable, Sendable {
    public var model: String
    public var promptTokens: Int
    public var completionTokens: Int
    public var currency: String
    /// Nano-units of `currency` (10⁻⁹), exact; `cost` writes it out.
    public var costNanos: Int64
    public var cost: String

    public init(_ record: ModelUsageRecord) {
        model = record.model
        promptTokens = record.promptTokens
        completionTokens = record.completionTokens
        currency = record.currency
        costNanos = record.costNanos
        cost = NanoMoney.decimal(record.costNanos)
    }

    /// No model asked, before pricing (the service replaces it with the recorded usage).
    public static let none = AudienceModelUsage(ModelUsageRecord(
        day: "", model: ModelUsageRecorder.noModel, purpose: LLMPurpose.audienceDiscovery.rawValue, currency: "USD",
        calls: 1, promptTokens: 0, completionTokens: 0, costNanos: 0))
}

public struct AudienceResult: Codable, Hashable, Sendable {
    public var asOf: String
    /// The filter as run, canonical JSON.
    public var filter: String
    public var intent: String
    public var counts: AudienceStageCounts
    public var members: [AudienceMember]
    public var embeddingModel: String
    public var usage: AudienceModelUsage
}

/// What a discovery reads: shoppers, orders, events, shops, and the store half of the filter.
public typealias AudienceReadStore = AnalyticsReadStore & AudienceCandidateStore & ShopDirectory

/// The three stages: the store query, the computed clauses, the semantic ranking inside the candidates only.
public struct AudienceDiscovery: Sendable {
    let ranker: AudienceRanker
    let pseudonyms: CustomerPseudonyms
    let logger: Logger

    public init(embeddings: EmbeddingCache, pseudonyms: CustomerPseudonyms,
                logger: Logger = Logger(label: "concierge.audience")) {
        self.ranker = AudienceRanker(cache: embeddings)
        self.pseudonyms = pseudonyms
        self.logger = logger
    }

    public func discover(_ store: some AudienceReadStore, filter: AudienceFilter, intent: String, limit: Int,
                         asOf: CalendarDay) async throws -> AudienceResult {
        let shopperIDs = try await store.shopperIDs()
        let candidateIDs = try await store.audienceCandidates(AudienceStoreQuery(filter, asOf: asOf))
        let inputs = AudienceInputs(shopperIDs: shopperIDs, orders: try await store.allOrders(),
                                    events: try await store.allEvents(), shops: try await store.allShops(),
                                    pseudonyms: pseudonyms, asOf: asOf)
        return try await rank(inputs, storeCandidates: candidateIDs, allCustomers: shopperIDs.count, filter: filter,
                              intent: intent, limit: limit)
    }

    /// Stages two and three over inputs already read (the evaluation runs here with the in-memory store query).
    public func rank(_ inputs: AudienceInputs, storeCandidates: [String], allCustomers: Int, filter: AudienceFilter,
                     intent: String, limit: Int) async throws -> AudienceResult {
        let intent = intent.trimmingCharacters(in: .whitespacesAndNewlines)
        let allowed = Set(storeCandidates.map(pseudonyms.pseudonym))
        let candidates = inputs.customers.filter {
            allowed.contains($0.row.customer) && $0.matchesFeatures(of: filter, asOf: inputs.asOf)
        }
        let ranked = try await ranker.rank(candidates, intent: intent.isEmpty ? "customer" : intent,
                                           clauses: filter.clauses.map(\.summary))
        let kept = Array(ranked.prefix(max(0, min(limit, AudienceRequest.maxLimit))))
        let counts = AudienceStageCounts(allCustomers: allCustomers, afterStoreFilter: storeCandidates.count,
                                         afterFilter: candidates.count, ranked: ranked.count, returned: kept.count)
        // Static message and counts only: no intent text, no ids (logs are a privacy surface).
        logger.info("audience discovery", metadata: [
            "all": "\(counts.allCustomers)", "store": "\(counts.afterStoreFilter)", "filtered": "\(counts.afterFilter)",
            "returned": "\(counts.returned)", "promptTokens": "0", "completionTokens": "0", "cost": "0",
        ])
        return AudienceResult(asOf: inputs.asOf.description, filter: filter.canonicalJSON, intent: intent,
                              counts: counts, members: kept, embeddingModel: await ranker.cache.modelID,
                              usage: .none)
    }
}
