import ConciergeCore
import CurlLLM
import Foundation
import Logging
import Retrieval
import RetrievalFiles
import Seeding

/// The composition root of a running concierge: the configured store, the LLM client (mock, or libcurl with
/// bounded retries), the retrieval index over the ingested policies and the chat service wired to them.
public struct ConciergeRuntime: Sendable {
    public let configuration: AppConfiguration
    public let store: any ConciergeStore
    public let chat: ChatService
    public let usesMockLLM: Bool
    /// Lexical or hybrid, and why not hybrid when a model was configured.
    public let retrieval: RetrievalSetup
    /// Why understanding runs on cues alone although a model is loaded; `nil` when it runs as configured.
    public let understandingProblem: String?
    /// The LLM client and the embedding model, shared with the analyst side (loaded once). `llm` records no usage:
    /// callers take `llm(for:)`, which does.
    public let llm: any LLMClient
    public let embedder: EmbedderLoad
    /// Audience discovery over the same store and embedder; nil without a loaded embedding model (ranking needs it).
    public let audiences: AudienceDiscoveryService?
    /// What every model call costs, recorded per day, model and purpose (`/admin/usage`, `/metrics`).
    public let usage: ModelUsageRecorder

    /// Builds everything from the configuration, with the clock, ids and LLM of `overrides` where given. The store
    /// must already be seeded/ingested: the shops and policies are read once, here.
    public static func start(_ configuration: AppConfiguration, store: any ConciergeStore,
                             overrides: AppOverrides = AppOverrides()) async throws -> ConciergeRuntime {
        let seeds = URL(fileURLWithPath: configuration.seedsDirectory)
        let rules = try loadRules(seeds.appendingPathComponent("rules.json"))
        let lexicon = try LexiconFiles.load(seeds.appendingPathComponent("lexicon"))
        let model = if let chosen = overrides.embedder { chosen } else { await EmbeddingModel.load(configuration) }
        let retrieval = RetrievalSetup.build(chunks: try await store.policyChunks(), lexicon: lexicon, embedder: model)
        let llm = try overrides.llm ?? makeLLM(configuration)
        let usage = usageRecorder(configuration, store: store, llm: llm, overrides: overrides)
        // The understanding step reads by meaning whenever a model is loaded, even if the policies were ingested
        // without vectors (then only retrieval is lexical).
        let messageEmbedder: (any Embedder)? = if case .loaded(let embedder) = model { embedder } else { nil }
        let examples = await UnderstandingSetup.load(seedsDirectory: configuration.seedsDirectory, embedder: messageEmbedder)
        let chat = ChatService(
            store: store, llm: UsageRecordingLLMClient(llm, purpose: .shopperChat, recorder: usage),
            retriever: retrieval.retriever, embedder: messageEmbedder, examples: examples.bank,
            shops: try await store.allShops(),
            clock: overrides.clock ?? SystemWallClock(), ids: overrides.ids ?? RandomIdentifierSource(),
            settings: ChatSettings(dailyMessageLimit: configuration.dailyMessageLimit, model: configuration.llmModel,
                                   rules: rules))
        // A model that was configured but could not be loaded leaves understanding on cues alone: said, not hidden.
        let understandingProblem: String? = if case .failed(let reason) = model { "cues only (\(reason))" } else { examples.problem }
        let audiences = messageEmbedder.map { embedder in
            AudienceDiscoveryService(
                store: store,
                discovery: AudienceDiscovery(embeddings: EmbeddingCache(embedder),
                                             pseudonyms: CustomerPseudonyms(key: configuration.analyticsPseudonymKey)),
                clock: overrides.clock ?? SystemWallClock(), usage: usage)
        }
        return ConciergeRuntime(configuration: configuration, store: store, chat: chat,
                                usesMockLLM: overrides.llm == nil && configuration.llmMock, retrieval: retrieval,
                                understandingProblem: understandingProblem, llm: llm, embedder: model,
                                audiences: audiences, usage: usage)
    }

    static func makeLLM(_ configuration: AppConfiguration) throws -> any LLMClient {
        if configuration.llmMock {
            return MockLLMClient(chunkDelay: .milliseconds(configuration.mockStreamDelayMilliseconds))
        }
        let transport = try CurlLLMTransport(
            configuration: CurlLLMConfiguration(baseURL: configuration.llmBaseURL, apiKey: configuration.llmAPIKey),
            logger: Logger(label: "concierge.llm"))
        return RetryingLLMClient(transport: transport, policy: RetryPolicy(
            maxAttempts: configuration.llmMaxAttempts,
            attemptTimeout: .milliseconds(configuration.llmTimeoutMilliseconds),
            deadline: .milliseconds(configuration.llmDeadlineMilliseconds)))
    }

    public static func loadRules(_ url: URL) throws -> ConciergeRules {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SeedError.invalidCatalog("cannot read \(url.path)")
        }
        do {
            return try JSONDecoder().decode(ConciergeRules.self, from: data)
        } catch {
            throw SeedError.invalidCatalog("rules.json: \(DecodingProblem.describe(error))")
        }
    }
}
