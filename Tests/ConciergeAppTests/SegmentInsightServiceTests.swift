import Analytics
import ConciergeApp
import ConciergeCore
import Foundation
import SQLiteStore
import Testing
import TestSupport

/// Issue 15 end to end: notes retrieved from the real corpus, text written (mock, or a model through the port),
/// checked, and stored as the segment's next version in a real SQLite store.
@Suite("Segment insight service")
struct SegmentInsightServiceTests {
    static let now = Date(timeIntervalSince1970: 1_795_996_800)  // 2026-11-30T00:00:00Z

    private func makeService(_ writer: SegmentInsightService.Writer = .mock) async throws
        -> (SegmentInsightService, SQLiteConciergeStore)
    {
        let store = try SQLiteConciergeStore(
            path: RepositoryPaths.temporaryDirectory("insights").appendingPathComponent("i.sqlite").path)
        let notes = try await AnalystNoteLibrary.load(
            directory: RepositoryPaths.seeds.appendingPathComponent("analyst-notes").path)
        return (SegmentInsightService(store: store, notes: notes, writer: writer, clock: FixedWallClock(Self.now)),
                store)
    }

    private func refreshChampions(_ service: SegmentInsightService) async throws -> SegmentInsight {
        try await service.refresh(segment: Examples.champions, chain: Examples.chain, knownSegments: Examples.known)
    }

    @Test func theCorpusLoadsEveryNoteWithAStableIDAndKind() async throws {
        let library = try await AnalystNoteLibrary.load(
            directory: RepositoryPaths.seeds.appendingPathComponent("analyst-notes").path)
        #expect(library.notes.count == 34)
        #expect(library.notes.map(\.id) == (1...34).map { String(format: "n-%02d", $0) })
        #expect(Set(library.notes.map(\.kind)) == Set(AnalystNoteKind.allCases))
        #expect(library.notes.filter { $0.kind == .playbook }.allSatisfy {
            $0.play.map { play in !play.contains(where: \.isNumber) } ?? false
        }, "plays carry no figures")
    }

    @Test func mockModeWritesAGroundedCitedInsightAndKeepsOldVersions() async throws {
        let (service, store) = try await makeService()
        let first = try await refreshChampions(service)
        #expect(first.version == 1 && first.producer == "mock" && first.fallbackReason == nil)
        #expect(first.promptVersion == "insight-v1" && first.createdAt == "2026-11-30T00:00:00Z")
        #expect(first.groundedness.score == 1.0, "\(first.groundedness.unsupported)")
        #expect(first.retrievedNoteIDs.contains("n-08"), "the champions playbook is found by the segment's name")
        #expect(!first.citedNoteIDs.isEmpty && first.citedNoteIDs.allSatisfy(first.retrievedNoteIDs.contains))
        #expect(first.snapshotHash == (try SegmentInsightService.snapshotHash(Examples.champions)))
        #expect(first.snapshotHash.count == 64)
        let second = try await refreshChampions(service)
        #expect(second.version == 2)
        #expect(try await service.versions(segmentID: "rfm-champions").map(\.version) == [2, 1])
        #expect(try await service.latest(segmentID: "rfm-champions") == second)
        #expect(try await service.versions(segmentID: "rfm-champions").last == first, "version 1 kept as written")
        try await store.close()
    }

    /// Each example gets a play written for its kind of customer: champions are thanked, not discounted; the
    /// lapsing At Risk customers get the win-back note; the active high spenders the champions' care.
    @Test func mockInsightsOfEveryExampleSegmentAreGroundedWithAFittingPlay() async throws {
        let (service, store) = try await makeService()
        let plays = ["rfm-champions": ["n-08", "n-28"], "rfm-at-risk": ["n-07"], "high-value-active": ["n-08", "n-28"]]
        for segment in Examples.known {
            let insight = try await service.refresh(segment: segment, chain: Examples.chain,
                                                    knownSegments: Examples.known)
            #expect(insight.groundedness.score == 1.0, "\(segment.id): \(insight.groundedness.unsupported)")
            let play = insight.citedNoteIDs.last ?? "none"
            #expect(plays[segment.id]?.contains(play) == true, "\(segment.id) got \(play): \(insight.whatToDo)")
        }
        try await store.close()
    }

    @Test func aGoodModelAnswerIsStoredAsWrittenWithTheModelsName() async throws {
        let answer = #"""
            {"who": "Champions are 212 customers as of 2026-11-30, 17% of All customers.",
             "why": "They place 9.7 orders each against 3.2 across the chain [n-04].",
             "whatToDo": "Invite them to early tastings and thank them by name [n-08].",
             "citations": ["n-04", "n-08"]}
            """#
        let model = ScriptedModel([answer])
        let (service, store) = try await makeService(.model(model, name: "test-model"))
        let insight = try await refreshChampions(service)
        #expect(insight.producer == "test-model" && insight.fallbackReason == nil)
        #expect(insight.who == "Champions are 212 customers as of 2026-11-30, 17% of All customers.")
        #expect(insight.groundedness.score == 1.0, "\(insight.groundedness.unsupported)")
        #expect(insight.citedNoteIDs == ["n-04", "n-08"])
        let prompt = try #require(model.requests.first)
        #expect(prompt.model == "test-model")
        #expect(prompt.messages.last?.content.contains("- Net value (`netValueTotal`): £41,234.37") == true)
        #expect(prompt.messages.last?.content.contains("[n-08] playbook: Keep champions close") == true)
        try await store.close()
    }

    @Test func inventedNumbersForeignCitationsAndUnknownSegmentsAreFlaggedAndStored() async throws {
        let answer = #"""
            {"who": "Champions are 212 customers, much like the Big Spenders segment.",
             "why": "They spend £45,000 a year in all.",
             "whatToDo": "Call each of them personally [n-31].",
             "citations": ["n-31"]}
            """#
        let (service, store) = try await makeService(.model(ScriptedModel([answer]), name: "test-model"))
        let insight = try await refreshChampions(service)
        #expect(insight.producer == "test-model")
        #expect(insight.groundedness.score < 1)
        let problems = insight.groundedness.unsupported.flatMap(\.problems)
        #expect(problems.contains("names segment 'Big Spenders', which does not exist"))
        #expect(problems.contains { $0.hasPrefix("£45,000 is not a metric of the segment or the chain") })
        #expect(problems.contains("cites note n-31, which was not retrieved"), "n-31 is not a champions note")
        let stored = try #require(try await service.latest(segmentID: "rfm-champions"))
        #expect(stored.groundedness.unsupported.map(\.text).contains("They spend £45,000 a year in all."))
        #expect(stored == insight)
        try await store.close()
    }

    @Test func aGarbageAnswerIsRecordedAsRefusedAndTheMockTextStored() async throws {
        let (service, store) = try await makeService(
            .model(ScriptedModel(["Sure! Champions are great customers."]), name: "test-model"))
        let insight = try await refreshChampions(service)
        #expect(insight.producer == "mock")
        #expect(insight.fallbackReason == "the model's answer was refused: the answer holds no JSON object")
        #expect(insight.groundedness.score == 1.0)
        #expect(try await service.latest(segmentID: "rfm-champions")?.fallbackReason == insight.fallbackReason)
        try await store.close()
    }

    /// The model is called through the retry client: a server that keeps failing costs the configured attempts,
    /// then the refusal is recorded.
    @Test func aFailingModelIsBoundedByTheRetryPolicyAndRecorded() async throws {
        let transport = FailingTransport()
        let client = RetryingLLMClient(transport: transport, policy: RetryPolicy(maxAttempts: 2), clock: ManualClock(),
                                       random: FixedRandom())
        let (service, store) = try await makeService(.model(client, name: "test-model"))
        let insight = try await refreshChampions(service)
        #expect(transport.attempts == 2)
        #expect(insight.producer == "mock")
        #expect(insight.fallbackReason == "the model call failed: attempts exhausted")
        try await store.close()
    }
}

/// An LLM that answers from a script and records the requests; one call more than scripted fails the test.
final class ScriptedModel: LLMClient, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String]
    private var recorded: [LLMRequest] = []

    init(_ answers: [String]) { self.answers = answers }

    var requests: [LLMRequest] { lock.withLock { recorded } }

    func complete(_ request: LLMRequest) async throws -> LLMCompletion {
        let answer = lock.withLock { () -> String? in
            recorded.append(request)
            return answers.isEmpty ? nil : answers.removeFirst()
        }
        guard let answer else {
            Issue.record("unscripted model call")
            throw LLMFailure(reason: .attemptsExhausted, attempts: [])
        }
        return LLMCompletion(text: answer, model: request.model, attempts: [])
    }
}

/// A server that answers 500 every time, counting the attempts.
final class FailingTransport: LLMTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var attempts: Int { lock.withLock { count } }

    func attempt(_ request: LLMRequest, number: Int, timeout: Duration) async -> LLMAttemptResult {
        lock.withLock { count += 1 }
        return .httpError(status: 500, retryAfter: nil)
    }
}

struct FixedRandom: RandomNumberGenerator, Sendable {
    mutating func next() -> UInt64 { 0 }
}

/// With the sentence-embedding model the notes are embedded and retrieved by the fused (hybrid) ranker, as the
/// policies are; the insights stay grounded.
@Suite("Segment insight service, hybrid note retrieval")
struct SegmentInsightHybridTests {
    @Test func theEmbeddedCorpusIsRetrievedHybridAndTheMockStaysGrounded() async throws {
        let model = RepositoryPaths.root.appendingPathComponent(".models/all-MiniLM-L6-v2").path
        let load = await EmbeddingModel.load(try AppConfiguration(environment: ["EMBEDDING_MODEL_DIR": model]))
        guard case .loaded = load else {
            Issue.record("the embedding model did not load from \(model): run script/bootstrap")
            return
        }
        let notes = try await AnalystNoteLibrary.load(
            directory: RepositoryPaths.seeds.appendingPathComponent("analyst-notes").path, embedder: load)
        #expect(notes.retrieval.embedder != nil && notes.retrieval.degradation == nil, "\(notes.retrieval.summary)")
        let store = try SQLiteConciergeStore(
            path: RepositoryPaths.temporaryDirectory("insights").appendingPathComponent("h.sqlite").path)
        let service = SegmentInsightService(store: store, notes: notes, clock: FixedWallClock(.now))
        let champions = try await service.refresh(segment: Examples.champions, chain: Examples.chain,
                                                  knownSegments: Examples.known)
        #expect(champions.retrievedNoteIDs.contains("n-08") && champions.groundedness.score == 1.0)
        let atRisk = try await service.refresh(segment: Examples.atRisk, chain: Examples.chain,
                                               knownSegments: Examples.known)
        #expect(atRisk.retrievedNoteIDs.contains("n-07") && atRisk.groundedness.score == 1.0, "\(atRisk.retrievedNoteIDs)")
        #expect(atRisk.whatToDo.hasPrefix("Send lapsing regulars a personal note"), "the win-back play")
        try await store.close()
    }

    @Test func mockModeNeverAsksTheChatMock() {
        guard case .mock = SegmentInsightService.Writer.configured(llm: MockLLMClient(), usesMockLLM: true,
                                                                   model: "m") else {
            Issue.record("mock mode must use the mock writer")
            return
        }
        guard case .model(_, let name) = SegmentInsightService.Writer.configured(
            llm: MockLLMClient(), usesMockLLM: false, model: "gpt-test") else {
            Issue.record("a configured model must be used")
            return
        }
        #expect(name == "gpt-test")
    }
}
