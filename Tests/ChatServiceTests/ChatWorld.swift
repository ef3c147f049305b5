import ConciergeApp
import ConciergeCore
import CurlLLM
import Foundation
import Geo
import SQLiteStore
import TestSupport

/// A seeded embedded store (40 shoppers, seed 7, the demo personas and the real policies) and a chat service over
/// it, pinned to one instant. The seeded file is built once per process and copied for each world, so every test
/// has its own conversations and quota counters.
struct ChatWorld {
    static let asOf = SeededStoreTemplate.asOf
    let store: SQLiteConciergeStore
    let chat: ChatService
    let clock: SteppingClock

    /// Sat 21 Nov 2026 at `hour`:`minute` UTC (London is on UTC in November).
    static func at(hour: Int, minute: Int = 0, dayOffset: Int = 0) -> Date {
        asOf.addingTimeInterval(Double(dayOffset * 86_400 + hour * 3_600 + minute * 60))
    }

    /// With `embedder` loaded, the store is a copy of one whose policies were ingested again with it (the seeded
    /// template's chunks have no vectors), so the turn runs hybrid retrieval.
    static func make(at instant: Date = at(hour: 15), llm: any LLMClient = MockLLMClient(), limit: Int = 30,
                     embedder: EmbedderLoad = .disabled) async throws -> ChatWorld
    {
        let path = if case .loaded(let model) = embedder {
            try await HybridStoreTemplate.shared.copy(label: "chat", embeddedWith: model)
        } else {
            try await SeededStoreTemplate.shared.copy(label: "chat")
        }
        let store = try SQLiteConciergeStore(path: path)
        var configuration = try AppConfiguration(environment: [
            "SEEDS_DIR": RepositoryPaths.seeds.path, "DAILY_MESSAGE_LIMIT": String(limit),
        ])
        configuration.store = .sqlite(path: path)
        let clock = SteppingClock(instant)
        let runtime = try await ConciergeRuntime.start(
            configuration, store: store, overrides: AppOverrides(clock: clock, ids: CountingIDs(), llm: llm,
                                                                 embedder: embedder))
        return ChatWorld(store: store, chat: runtime.chat, clock: clock)
    }

    func user(_ email: String) async throws -> User {
        guard let user = try await store.user(email: email) else { throw WorldError.noSuchUser }
        return user
    }

    func ask(_ email: String, _ text: String, conversation: String? = nil, location: Coordinate? = nil,
             turnKey: String? = nil) async throws -> ChatTurn
    {
        let user = try await user(email)
        // A follow-up is typed a second after the answer before it, as in a real conversation: with one instant for
        // every turn, questions and answers would share their times and the history's order would be the ids'.
        if conversation != nil { clock.advance(seconds: 1) }
        return try await chat.respond(ChatInput(userID: user.id, conversationID: conversation, text: text,
                                                location: location, turnKey: turnKey))
    }

    func close() async throws { try await store.close() }

    enum WorldError: Error { case noSuchUser }
}

/// The world's instant, moved on a second for each follow-up (`ChatWorld.ask`).
final class SteppingClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    init(_ instant: Date) { self.instant = instant }

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return instant
    }

    func advance(seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        instant.addTimeInterval(seconds)
    }
}

/// Predictable ids: `msg_000001`, `conv_000002`... Zero-padded so that they sort as they were made: messages of one
/// instant are ordered by id.
final class CountingIDs: IdentifierSource, @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func make(_ prefix: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return prefix + String(format: "%06d", next)
    }
}

/// Answers like the mock model, but first sends every request through libcurl to the fake OpenAI-compatible
/// server, which records the bodies: the privacy assertions read what really went over the wire.
struct WireTappedMock: LLMClient {
    let session: FakeLLMSession
    let transport: CurlLLMTransport

    static func make() async throws -> WireTappedMock {
        let session = try await FakeLLMServer.session(default: "200:text=ok")
        let transport = try CurlLLMTransport(configuration: CurlLLMConfiguration(baseURL: session.baseURL, apiKey: "sk-test"))
        return WireTappedMock(session: session, transport: transport)
    }

    func complete(_ request: LLMRequest) async throws -> LLMCompletion {
        _ = await transport.attempt(request, number: 1, timeout: .seconds(10))
        return try await MockLLMClient().complete(request)
    }
}

/// Counts calls and fails every one, as a model outage would.
final class OutageLLM: LLMClient, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var calls: Int { lock.withLock { count } }

    func complete(_ request: LLMRequest) async throws -> LLMCompletion {
        lock.withLock { count += 1 }
        throw LLMFailure(reason: .attemptsExhausted, attempts: [
            LLMAttempt(number: 1, outcome: .http(status: 503), latencyMs: 5, backoffMs: 0),
            LLMAttempt(number: 2, outcome: .transport(.timeout), latencyMs: 300, backoffMs: 120),
        ])
    }
}

/// Answers from a script, one per call (the last repeats), recording the requests.
final class ScriptedLLM: LLMClient, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String]
    private var seen: [LLMRequest] = []
    var requests: [LLMRequest] { lock.withLock { seen } }

    init(_ answers: [String]) { self.answers = answers }

    func complete(_ request: LLMRequest) async throws -> LLMCompletion {
        let text: String = lock.withLock {
            seen.append(request)
            return answers.count > 1 ? answers.removeFirst() : answers[0]
        }
        return LLMCompletion(text: text, model: "scripted", attempts: [
            LLMAttempt(number: 1, outcome: .ok(status: 200), latencyMs: 1, backoffMs: 0),
        ])
    }
}

/// The seeded template with its policies ingested again with a model (chunk vectors), once per process and model:
/// ingesting for every world embedded every chunk each time, and with the goldens' worlds made in parallel that made
/// running them on the model path take ten minutes.
actor HybridStoreTemplate {
    static let shared = HybridStoreTemplate()
    private var templates: [ObjectIdentifier: Task<String, any Error>] = [:]

    func copy(label: String, embeddedWith model: any Embedder) async throws -> String {
        // Kept per model instance; a struct embedder (boxed anew each time) gets a template of its own every time.
        let key = Mirror(reflecting: model).displayStyle == .class ? ObjectIdentifier(model as AnyObject) : nil
        let task = key.flatMap { templates[$0] } ?? Task {
            let path = try await SeededStoreTemplate.shared.copy(label: "hybrid-template")
            let store = try SQLiteConciergeStore(path: path)
            _ = try await PolicyIngestor.ingest(directory: RepositoryPaths.seeds.appendingPathComponent("policies").path,
                                                into: store, embedder: model)
            try await store.close()
            return path
        }
        if let key { templates[key] = task }
        return try SeededStoreTemplate.copyDatabase(at: try await task.value, label: label)
    }
}
