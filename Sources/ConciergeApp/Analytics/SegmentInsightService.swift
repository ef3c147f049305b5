import Analytics
import ConciergeCore
import Crypto
import Foundation

/// Writes, checks and stores versioned insights per segment (issue 15).
///
/// A refresh retrieves the notes for the segment (query: its name and most salient metrics), writes who / why /
/// what to do — with the model when one is configured, else with `MockInsightWriter` — checks the text with
/// `GroundednessChecker`, and appends it as the segment's next version. Old versions are kept.
///
/// **A model answer that cannot be used is recorded, not hidden.** When the model call fails or its answer is not
/// the JSON asked for, the insight is the mock writer's text with `producer` `mock` and `fallbackReason` saying
/// why the model's answer was refused. A refresh thus always stores a readable insight, and the analyst sees that
/// the model failed and how. A model answer that parses is stored as written, whatever its groundedness: the
/// report marks the unsupported sentences and their problems, and the page shows them.
public struct SegmentInsightService: Sendable {
    /// Who writes the text.
    public enum Writer: Sendable {
        /// `MockInsightWriter`: deterministic, offline, the default.
        case mock
        /// A chat-completions model through the port (the configured client bounds it: attempts, timeouts and the
        /// overall deadline are `RetryingLLMClient`'s policy).
        case model(any LLMClient, name: String)

        /// What the configuration asks for: the mock writer in mock mode (the chat's `MockLLMClient` answers chat
        /// prompts only, so it is never asked for an insight), else the configured client and model.
        public static func configured(llm: any LLMClient, usesMockLLM: Bool, model: String) -> Writer {
            usesMockLLM ? .mock : .model(llm, name: model)
        }
    }

    private let store: any InsightStore
    private let notes: AnalystNoteLibrary
    private let writer: Writer
    private let clock: any WallClock
    /// Notes retrieved per segment: enough for a pattern and a playbook, few enough for a short prompt.
    private let notesPerSegment: Int

    public init(store: any InsightStore, notes: AnalystNoteLibrary, writer: Writer = .mock,
                clock: any WallClock = SystemWallClock(), notesPerSegment: Int = 5) {
        self.store = store
        self.notes = notes
        self.writer = writer
        self.clock = clock
        self.notesPerSegment = notesPerSegment
    }

    /// Writes and stores the segment's next insight version and returns it.
    public func refresh(segment: SegmentSnapshot, chain: SegmentSnapshot, knownSegments: [SegmentSnapshot])
        async throws -> SegmentInsight
    {
        let retrieved = try await retrieveNotes(segment: segment, chain: chain)
        let written = await write(segment: segment, chain: chain, notes: retrieved, knownSegments: knownSegments)
        let context = GroundingContext(snapshots: [segment, chain], retrievedNoteIDs: retrieved.map(\.id),
                                       knownSegments: knownSegments)
        let report = GroundednessChecker.check(written.text, context: context)
        let hash = try Self.snapshotHash(segment)
        let now = clock.now()
        let draft = SegmentInsight(
            segmentID: segment.id, version: 0, who: written.text.who, why: written.text.why,
            whatToDo: written.text.whatToDo, snapshot: segment, snapshotHash: hash,
            retrievedNoteIDs: retrieved.map(\.id), citedNoteIDs: written.text.allCitedNoteIDs,
            producer: written.producer, promptVersion: InsightPrompt.version,
            createdAt: Self.timestamp(now), groundedness: report, fallbackReason: written.fallbackReason)
        let record = try await store.appendInsight(segmentID: segment.id, createdAt: now) { version in
            var insight = draft
            insight.version = version
            return try Self.encode(insight)
        }
        return try Self.decode(record)
    }

    /// The notes for the segment's name first, then those for the name with its salient metrics
    /// (`InsightQuery`), each over the relevance gate, without repeats, at most `notesPerSegment`. The name alone
    /// comes first because notes are written about segments by name ("for the At Risk segment"), and a long query
    /// spreads its relevance over many words: on the corpus, the name alone clears the gate where the long query
    /// does not.
    func retrieveNotes(segment: SegmentSnapshot, chain: SegmentSnapshot) async throws -> [AnalystNote] {
        var found: [AnalystNote] = []
        for query in [segment.name, InsightQuery.make(segment: segment, chain: chain)] {
            for note in try await notes.retrieve(query, top: notesPerSegment) where !found.contains(note) {
                found.append(note)
            }
        }
        return Array(found.prefix(notesPerSegment))
    }

    /// The segment's newest insight.
    public func latest(segmentID: String) async throws -> SegmentInsight? {
        try await store.latestInsight(segmentID: segmentID).map(Self.decode)
    }

    /// Every version of the segment's insight, newest first.
    public func versions(segmentID: String) async throws -> [SegmentInsight] {
        try await store.insights(segmentID: segmentID).map(Self.decode)
    }

    /// The written text, who wrote it, and why a model's answer was not used.
    struct Written {
        var text: InsightText
        var producer: String
        var fallbackReason: String?
    }

    func write(segment: SegmentSnapshot, chain: SegmentSnapshot, notes: [AnalystNote],
               knownSegments: [SegmentSnapshot]) async -> Written {
        let mock = { (reason: String?) in
            Written(text: MockInsightWriter.write(segment: segment, chain: chain, notes: notes), producer: "mock",
                    fallbackReason: reason)
        }
        guard case .model(let client, let name) = writer else { return mock(nil) }
        let prompt = InsightPrompt(segment: segment, chain: chain, notes: notes, knownSegments: knownSegments)
        let request = LLMRequest(model: name, messages: [.system(prompt.system), .user(prompt.user)],
                                 temperature: 0.2, maxTokens: 700)
        let completion: LLMCompletion
        do {
            completion = try await client.complete(request)
        } catch let failure as LLMFailure {
            return mock("the model call failed: \(failure.reason)")
        } catch {
            return mock("the model call failed: \(type(of: error))")
        }
        do throws(InsightText.AnswerError) {
            return Written(text: try InsightText.parse(answer: completion.text), producer: completion.model)
        } catch {
            return mock("the model's answer was refused: \(error.reason)")
        }
    }

    /// SHA-256 (hex) of the snapshot's canonical JSON (sorted keys).
    public static func snapshotHash(_ snapshot: SegmentSnapshot) throws -> String {
        SHA256.hash(data: try snapshot.canonicalJSON()).map { String(format: "%02x", $0) }.joined()
    }

    /// ISO 8601 in UTC, whole seconds: `2026-11-30T09:15:00Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func encode(_ insight: SegmentInsight) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(insight), as: UTF8.self)
    }

    /// The stored insight, with the version the store gave it.
    static func decode(_ record: InsightRecord) throws -> SegmentInsight {
        do {
            var insight = try JSONDecoder().decode(SegmentInsight.self, from: Data(record.payload.utf8))
            insight.version = record.version
            return insight
        } catch {
            throw StoreError.corrupt(collection: .insights, detail: "version \(record.version) does not decode")
        }
    }
}
