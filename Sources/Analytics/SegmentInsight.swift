/// One sentence of a written text as the groundedness check judged it.
public struct CheckedSentence: Codable, Hashable, Sendable {
    public var text: String
    /// True when every number, citation and named segment or metric in it is supported.
    public var supported: Bool
    /// Why not, one short reason per problem ("12.5% is not a metric of this segment (closest: share 41%)",
    /// "cites note n-07, which was not retrieved", "names segment 'VIP', which does not exist"). Empty when supported.
    public var problems: [String]

    public init(text: String, supported: Bool, problems: [String]) {
        self.text = text
        self.supported = supported
        self.problems = problems
    }
}

/// The deterministic groundedness check of a written text: score = supported sentences / all sentences.
public struct GroundednessReport: Codable, Hashable, Sendable {
    public var score: Double
    public var sentences: [CheckedSentence]

    public init(score: Double, sentences: [CheckedSentence]) {
        self.score = score
        self.sentences = sentences
    }

    /// The sentences that failed, as stored and shown.
    public var unsupported: [CheckedSentence] { sentences.filter { !$0.supported } }
}

/// A written insight about one segment, one version of it. Refreshing writes a new version and keeps the old ones.
public struct SegmentInsight: Codable, Hashable, Sendable {
    public var segmentID: String
    /// 1, 2, 3… per segment.
    public var version: Int
    /// Who the segment is.
    public var who: String
    /// Why it behaves as it does.
    public var why: String
    /// What to do about it.
    public var whatToDo: String
    /// The metric snapshot it was written from, and the SHA-256 (hex) of that snapshot's canonical JSON.
    public var snapshot: SegmentSnapshot
    public var snapshotHash: String
    /// The analyst notes retrieved for it (ids, best first); citations must be among them.
    public var retrievedNoteIDs: [String]
    /// The notes the text cites.
    public var citedNoteIDs: [String]
    /// `mock` or the model's name.
    public var producer: String
    public var promptVersion: String
    /// When it was written (ISO 8601, UTC).
    public var createdAt: String
    public var groundedness: GroundednessReport
    /// Set when a model was configured but its answer was not used: why (the call failed, or the answer was not
    /// the JSON asked for). The text is then the mock writer's (`producer` is `mock`), so the refusal is on record
    /// instead of silently replaced. `nil` when the producer's own answer is stored.
    public var fallbackReason: String?

    public init(segmentID: String, version: Int, who: String, why: String, whatToDo: String,
                snapshot: SegmentSnapshot, snapshotHash: String, retrievedNoteIDs: [String], citedNoteIDs: [String],
                producer: String, promptVersion: String, createdAt: String, groundedness: GroundednessReport,
                fallbackReason: String? = nil) {
        self.segmentID = segmentID
        self.version = version
        self.who = who
        self.why = why
        self.whatToDo = whatToDo
        self.snapshot = snapshot
        self.snapshotHash = snapshotHash
        self.retrievedNoteIDs = retrievedNoteIDs
        self.citedNoteIDs = citedNoteIDs
        self.producer = producer
        self.promptVersion = promptVersion
        self.createdAt = createdAt
        self.groundedness = groundedness
        self.fallbackReason = fallbackReason
    }
}
