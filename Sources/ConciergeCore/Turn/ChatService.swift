import Foundation
import Geo
import PIIMasking
import Retrieval

/// The concierge turn (DESIGN.md §1): mask, persist, quota, context, decide, prompt, generate, guard, unmask,
/// persist, answer. Every dependency is injected; nothing here reads the real clock or does I/O of its own.
public struct ChatService: ChatResponder {
    let store: any ChatTurnStore
    let llm: any LLMClient
    let retriever: PolicyRetriever
    /// Embeds the shopper's message for the dense half of retrieval; `nil` when no model is configured.
    let embedder: (any Embedder)?
    /// Reads what a message asks (intents, slots); with labelled example vectors when a model is configured.
    let understanding: ShopperUnderstanding
    let finder: ShopFinder
    let shopsByID: [String: Shop]
    let shopsByName: [String: Shop]
    let clock: any WallClock
    let ids: any IdentifierSource
    let settings: ChatSettings
    /// Built once: with thousands of shops, preparing the shop phones' spellings per turn was a fifth of a
    /// turn's time. Each turn's detector adds only the shopper's profile to it.
    let shopNumbers: PIIDetector
    /// The session's detector already allows the shop numbers, so the guard adds nothing of its own.
    let outputGuard = OutputGuard()
    let grounding: GroundingCheck

    public init(store: any ChatTurnStore, llm: any LLMClient, retriever: PolicyRetriever, embedder: (any Embedder)? = nil,
                examples: ExampleBank = ExampleBank(examples: []), shops: [Shop], clock: any WallClock,
                ids: any IdentifierSource, settings: ChatSettings) {
        self.store = store
        self.understanding = ShopperUnderstanding(vocabulary: ChainVocabulary(shops: shops), bank: examples)
        self.llm = llm
        self.retriever = retriever
        self.embedder = embedder
        self.finder = ShopFinder(shops: shops)
        self.shopsByID = Dictionary(shops.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.shopsByName = Dictionary(shops.sorted { $0.id < $1.id }.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.clock = clock
        self.ids = ids
        self.settings = settings
        // Shop phones and the chain's Customer Care routes are the chain's, not the shopper's: they stay readable.
        self.shopNumbers = PIIDetector(allowList: AllowList(phones: (shops.map(\.phone) + settings.rules.chain.allCarePhones).sorted(),
                                                            emails: [settings.rules.chain.careEmail]))
        self.grounding = GroundingCheck(knownShopNames: shops.map(\.name),
                                        knownItemNames: shops.flatMap { $0.menu.map(\.name) })
    }

    public var limits: ChatLimits {
        ChatLimits(dailyMessages: settings.dailyMessageLimit, messageLength: settings.maximumMessageLength)
    }

    public func respond(_ input: ChatInput) async throws -> ChatTurn {
        try await respond(input, events: nil)
    }

    /// The turn, telling `events` (when streaming) what the page may show as it goes.
    func respond(_ input: ChatInput, events: ChatEventSink?) async throws -> ChatTurn {
        let text = input.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ChatError.emptyMessage }
        guard text.count <= settings.maximumMessageLength else {
            throw ChatError.messageTooLong(limit: settings.maximumMessageLength)
        }
        guard !ControlCharacters.contained(in: text, allowingLineBreaks: true) else {
            throw ChatError.controlCharacters
        }
        guard let user = try await store.user(id: input.userID) else { throw ChatError.unknownUser }
        let session = maskingSession(for: user)
        // Stored and shown as typed, except that a card number or IBAN is kept as brand and last four only; the
        // model reads the typed text masked (`typed`), so nothing is lost for the answer.
        let stored = PaymentRedaction.redact(text, detector: session.detector)
        var key = try input.turnKey.map { raw throws(ChatError) in try TurnKey(validating: raw) }
        if let known = key, let earlier = try await store.message(id: known.questionID(userID: user.id), userID: user.id) {
            if earlier.text == stored {
                if let answer = try await store.message(id: known.answerID(userID: user.id), userID: user.id) {
                    return try await replay(question: earlier, answer: answer, user: user)
                }
                // Stored, then something failed: answer it now, without storing it a second time.
                return try await run(question: earlier, typed: text, isStored: true, user: user, session: session,
                                     location: input.location, now: clock.now(), key: known, events: events)
            }
            key = nil  // the resent text was edited: it is a new message
        }
        let now = clock.now()
        let question = ChatMessage(id: key?.questionID(userID: user.id) ?? ids.make("msg_"), userID: user.id,
                                   conversationID: input.conversationID ?? ids.make("conv_"), role: .shopper,
                                   text: stored, createdAt: now)
        return try await run(question: question, typed: text, isStored: false, user: user, session: session,
                             location: input.location, now: now, key: key, events: events)
    }

    /// Steps 1–11 for `question`, which is stored first unless `isStored`. `typed` is the message as the shopper
    /// sent it, which only the masker reads; `question.text` is its stored form (payment numbers redacted).
    private func run(question: ChatMessage, typed: String, isStored: Bool, user: User, session: MaskingSession,
                     location: Coordinate?, now: Date, key: TurnKey?, events: ChatEventSink?) async throws -> ChatTurn {
        var timings = StageTimer()
        let limit = settings.rules.historyMessages
        let history = try await store.messages(userID: user.id, conversationID: question.conversationID,
                                               limit: isStored ? limit + 1 : limit)
            .filter { $0.id != question.id }.suffix(limit)
        var session = session
        let maskedHistory = history.map { Self.historyMessage($0, session: &session) }
        var question = question
        let masked = session.mask(typed)
        question.maskedText = masked
        if !isStored {
            do {
                try await store.appendMessage(question)
            } catch StoreError.duplicate(collection: .messages, field: _) where key != nil {
                throw ChatError.turnInProgress
            }
        }
        timings.mark("mask+persist")
        events?(.accepted(conversationID: question.conversationID))
        let reply = Reply(user: user, question: question, id: key?.answerID(userID: user.id) ?? ids.make("msg_"))
        let quota = try await QuotaGate(store: store, limit: settings.dailyMessageLimit).consume(user: user, at: now)
        guard quota.admitted else {
            return try await finish(reply, text: QuotaGate.refusal(quota, user: user, chain: settings.rules.chain), trace: TurnTrace(intent: "quota"),
                                    source: .quota, quota: quota)
        }
        var turn = TurnContext(user: user, conversationID: question.conversationID, messageID: question.id,
                               text: question.text, masked: masked, maskedHistory: Array(maskedHistory),
                               previous: Self.previousTurn(in: Array(history)), location: location, now: now,
                               session: session, timings: timings)
        let outcome = try await answer(&turn, events: events)
        return try await finish(reply, text: outcome.text, maskedText: outcome.maskedText, trace: outcome.trace,
                                source: outcome.source, quota: quota, actions: outcome.actions)
    }

    /// The last shopper message of the history and how its answer read it (from the answer's trace).
    static func previousTurn(in history: [ChatMessage]) -> PreviousTurn? {
        guard let index = history.lastIndex(where: { $0.role == .shopper }) else { return nil }
        let answer = history[(index + 1)...].first { $0.role == .assistant }
        let intents = answer?.trace?.intentScores?.map(\.intent)
            ?? answer?.trace?.intent.flatMap(Intent.init(rawValue:)).map { [$0] } ?? []
        return PreviousTurn(text: history[index].text, intents: intents, answer: answer?.text)
    }

    /// A resend of an answered turn: the stored pair, and today's usage without counting again.
    private func replay(question: ChatMessage, answer: ChatMessage, user: User) async throws -> ChatTurn {
        let quota = try await QuotaGate(store: store, limit: settings.dailyMessageLimit).peek(user: user, at: clock.now())
        let source = answer.trace?.answerSource.flatMap(AnswerSource.init(rawValue:)) ?? .model
        return ChatTurn(conversationID: question.conversationID, shopperMessage: question, reply: answer, source: source,
                        quota: quota, isReplay: true)
    }

    /// A session whose vault is rebuilt from the shopper's profile; the allow-list keeps shop phones visible.
    func maskingSession(for user: User) -> MaskingSession {
        let profile = MaskingProfile(name: user.name, email: user.email, phone: user.phone,
                                     address: user.address?.singleLine)
        return MaskingSession(detector: shopNumbers.with(profile: profile))
    }

    /// Where the answer to `question` goes.
    private struct Reply {
        var user: User
        var question: ChatMessage
        var id: String
    }

    /// Stores the answer (`maskedText`: the model's answer before un-masking; `nil` when no model was asked).
    private func finish(_ reply: Reply, text: String, maskedText: String? = nil, trace: TurnTrace, source: AnswerSource,
                        quota: QuotaStatus, actions: [AnswerAction] = []) async throws -> ChatTurn
    {
        var trace = trace
        trace.answerSource = source.rawValue
        let question = reply.question
        // At least a millisecond after the question, so a pinned clock still orders the two messages.
        let at = max(clock.now(), question.createdAt.addingTimeInterval(0.001))
        let answer = ChatMessage(id: reply.id, userID: reply.user.id, conversationID: question.conversationID,
                                 role: .assistant, text: text, maskedText: maskedText, createdAt: at, trace: trace,
                                 actions: actions.isEmpty ? nil : actions)
        do {
            try await store.appendMessage(answer)
        } catch StoreError.duplicate(collection: .messages, field: _) {
            // Two resends of the same unanswered question raced, and the other one stored its answer first.
            guard let stored = try await store.message(id: reply.id, userID: reply.user.id) else { throw ChatError.turnInProgress }
            return try await replay(question: question, answer: stored, user: reply.user)
        }
        return ChatTurn(conversationID: question.conversationID, shopperMessage: question, reply: answer, source: source,
                        quota: quota)
    }
}
