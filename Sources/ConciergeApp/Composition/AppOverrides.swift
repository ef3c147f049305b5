import ConciergeCore
import ConciergeWeb
import Logging

/// What a test or a drill swaps out of the application the composition root builds. Anything left `nil` is built
/// from the `AppConfiguration`: the system clock, random ids, the configured LLM (mock or libcurl), bcrypt at the
/// configured cost, the chat service itself, a `concierge.web` logger and a fresh metrics registry.
public struct AppOverrides: Sendable {
    public var clock: (any WallClock)?
    public var ids: (any IdentifierSource)?
    public var llm: (any LLMClient)?
    /// The embedding model, or its absence (`.disabled`), instead of loading `EMBEDDING_MODEL_DIR`.
    public var embedder: EmbedderLoad?
    public var hasher: (any PasswordHasher)?
    /// The concierge turn as the web sees it (a scripted double in web tests); replaces the chat service.
    public var chat: (any ChatResponder)?
    /// The web's request and security-event log.
    public var logger: Logger?
    public var metrics: WebMetrics?
    /// Called once the server listens, with the bound port (`serve` prints it).
    public var onServerRunning: (@Sendable (Int) async -> Void)?
    /// The analyst side behind `/admin` (a fake in web tests); `nil` builds the real one from the segment workbench
    /// and the insight service.
    public var analystDesk: (any AnalystDesk)?
    /// No analyst side at all: `/admin` answers 503 "not configured" (as when building it failed).
    public var withoutAnalystDesk = false
    /// Audience discovery as the web sees it (web tests use one over a fake embedder); replaces the runtime's.
    public var audiences: (any AudienceDiscoveryPort)?

    public init(clock: (any WallClock)? = nil, ids: (any IdentifierSource)? = nil, llm: (any LLMClient)? = nil,
                embedder: EmbedderLoad? = nil, hasher: (any PasswordHasher)? = nil, chat: (any ChatResponder)? = nil, logger: Logger? = nil,
                metrics: WebMetrics? = nil, onServerRunning: (@Sendable (Int) async -> Void)? = nil,
                analystDesk: (any AnalystDesk)? = nil) {
        self.clock = clock
        self.ids = ids
        self.llm = llm
        self.embedder = embedder
        self.hasher = hasher
        self.chat = chat
        self.logger = logger
        self.metrics = metrics
        self.onServerRunning = onServerRunning
        self.analystDesk = analystDesk
    }
}
