import Foundation
import Geo
import PIIMasking
import Retrieval

/// One shopper message in.
public struct ChatInput: Sendable {
    public var userID: String
    /// `nil` starts a new conversation.
    public var conversationID: String?
    public var text: String
    /// Where the shopper is (shared by the browser); the home address is used otherwise.
    public var location: Coordinate?

    public init(userID: String, conversationID: String? = nil, text: String, location: Coordinate? = nil) {
        self.userID = userID
        self.conversationID = conversationID
        self.text = text
        self.location = location
    }
}

/// One turn out: both stored messages, where the answer came from and the quota after it.
public struct ChatTurn: Sendable {
    public var conversationID: String
    public var shopperMessage: ChatMessage
    public var reply: ChatMessage
    public var source: AnswerSource
    public var quota: QuotaStatus
}

public enum AnswerSource: String, Codable, Sendable {
    /// The configured model answered and the answer passed the guard.
    case model
    /// The model failed or its answers did not pass the guard twice: the deterministic answer was used.
    case fallback
    /// The daily limit was reached: no model call was made.
    case quota
}

public enum ChatError: Error, Equatable, Sendable {
    case unknownUser
    case emptyMessage
    case messageTooLong(limit: Int)
}

public struct ChatSettings: Sendable {
    public var dailyMessageLimit: Int
    public var model: String
    public var rules: ConciergeRules
    /// Longest message accepted, in characters.
    public var maximumMessageLength: Int

    public init(dailyMessageLimit: Int, model: String, rules: ConciergeRules = .standard, maximumMessageLength: Int = 2_000) {
        self.dailyMessageLimit = dailyMessageLimit
        self.model = model
        self.rules = rules
        self.maximumMessageLength = maximumMessageLength
    }
}

/// The concierge turn (DESIGN.md §1): mask, persist, quota, context, decide, prompt, generate, guard, unmask,
/// persist, answer. Every dependency is injected; nothing here reads the real clock or does I/O of its own.
public struct ChatService: Sendable {
    let store: any ConciergeStore
    let llm: any LLMClient
    let retriever: PolicyRetriever
    let finder: StoreFinder
    let storesByID: [String: RetailStore]
    let clock: any WallClock
    let ids: any IdentifierSource
    let settings: ChatSettings
    /// Built once: with thousands of stores, preparing the store phones' spellings per turn was a fifth of a
    /// turn's time. Each turn's detector adds only the shopper's profile to it.
    let storeNumbers: PIIDetector
    /// The session's detector already allows the store numbers, so the guard adds nothing of its own.
    let outputGuard = OutputGuard()
    let grounding: GroundingCheck

    public init(store: any ConciergeStore, llm: any LLMClient, retriever: PolicyRetriever, stores: [RetailStore],
                clock: any WallClock, ids: any IdentifierSource, settings: ChatSettings) {
        self.store = store
        self.llm = llm
        self.retriever = retriever
        self.finder = StoreFinder(stores: stores)
        self.storesByID = Dictionary(stores.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.clock = clock
        self.ids = ids
        self.settings = settings
        self.storeNumbers = PIIDetector(allowList: AllowList(phones: stores.map(\.phone).sorted()))
        self.grounding = GroundingCheck(knownStoreNames: stores.map(\.name))
    }

    public func respond(_ input: ChatInput) async throws -> ChatTurn {
        let text = input.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ChatError.emptyMessage }
        guard text.count <= settings.maximumMessageLength else {
            throw ChatError.messageTooLong(limit: settings.maximumMessageLength)
        }
        guard let user = try await store.user(id: input.userID) else { throw ChatError.unknownUser }
        var timings = StageTimer()
        let conversationID = input.conversationID ?? ids.make("conv_")
        let history = try await store.messages(userID: user.id, conversationID: conversationID,
                                               limit: settings.rules.historyMessages)
        var session = maskingSession(for: user)
        let maskedHistory = history.map { message in
            message.role == .shopper ? LLMMessage.user(session.mask(message.text))
                : LLMMessage.assistant(session.mask(message.text))
        }
        let masked = session.mask(text)
        let now = clock.now()
        let shopperMessage = ChatMessage(id: ids.make("msg_"), userID: user.id, conversationID: conversationID,
                                         role: .shopper, text: text, maskedText: masked, createdAt: now)
        try await store.appendMessage(shopperMessage)
        timings.mark("mask+persist")
        let quota = try await QuotaGate(store: store, limit: settings.dailyMessageLimit).consume(user: user, at: now)
        guard quota.admitted else {
            return try await finish(user: user, conversationID: conversationID, shopperMessage: shopperMessage,
                                    text: QuotaGate.refusal(quota, user: user), trace: TurnTrace(intent: "quota"),
                                    source: .quota, quota: quota)
        }
        var turn = TurnContext(user: user, text: text, masked: masked, maskedHistory: maskedHistory, location: input.location,
                               now: now, session: session, timings: timings)
        let outcome = try await answer(&turn)
        return try await finish(user: user, conversationID: conversationID, shopperMessage: shopperMessage,
                                text: outcome.text, trace: outcome.trace, source: outcome.source, quota: quota)
    }

    /// A session whose vault is rebuilt from the shopper's profile; the allow-list keeps store phones visible.
    func maskingSession(for user: User) -> MaskingSession {
        let profile = MaskingProfile(name: user.name, email: user.email, phone: user.phone,
                                     address: user.address?.singleLine)
        return MaskingSession(detector: storeNumbers.with(profile: profile))
    }

    private func finish(user: User, conversationID: String, shopperMessage: ChatMessage, text: String,
                        trace: TurnTrace, source: AnswerSource, quota: QuotaStatus) async throws -> ChatTurn {
        var trace = trace
        trace.answerSource = source.rawValue
        // At least a millisecond after the question, so a pinned clock still orders the two messages.
        let at = max(clock.now(), shopperMessage.createdAt.addingTimeInterval(0.001))
        let reply = ChatMessage(id: ids.make("msg_"), userID: user.id, conversationID: conversationID, role: .assistant,
                                text: text, maskedText: nil, createdAt: at, trace: trace)
        try await store.appendMessage(reply)
        return ChatTurn(conversationID: conversationID, shopperMessage: shopperMessage, reply: reply, source: source,
                        quota: quota)
    }
}

/// Wall-clock durations of the turn's stages, for the debug view only (never used in decisions).
struct StageTimer: Sendable {
    private var last = ContinuousClock.now
    private(set) var timings: [TraceTiming] = []

    mutating func mark(_ stage: String) {
        let now = ContinuousClock.now
        let elapsed = now - last
        timings.append(TraceTiming(stage: stage, milliseconds: (Double(elapsed.components.attoseconds) / 1e15
            + Double(elapsed.components.seconds) * 1_000).rounded() / 1))
        last = now
    }
}
