import Analytics
import BlockingThreads
import ConciergeCore
import Foundation
import Retrieval

/// The analyst notes (`Seeds/analyst-notes/*.md`, format in `AnalystNote`), indexed with the policy retrieval
/// machinery: the lexical BM25F index always, fused with the dense ranker when an embedding model is loaded (the
/// notes are embedded when the library is built — a few dozen short texts).
///
/// Each note is one chunk whose id is the note id, so a retrieval result maps straight back to its note.
public struct AnalystNoteLibrary: Sendable {
    public let notes: [AnalystNote]
    public let retrieval: RetrievalSetup

    /// A file that is not a valid note, or a directory without notes.
    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    private static let files = BlockingThreadPool(label: "concierge.analyst-notes", maxThreads: 1)

    /// Reads every `*.md` of `directory` (sorted by file name); all or nothing — one bad note refuses the corpus,
    /// naming the file, and two files with one id are refused.
    public static func load(directory: String, lexicon: Lexicon = .empty, embedder: EmbedderLoad = .disabled)
        async throws -> AnalystNoteLibrary
    {
        let notes = try await files.run { try readNotes(URL(fileURLWithPath: directory)) }
        return try await AnalystNoteLibrary(notes: notes, lexicon: lexicon, embedder: embedder)
    }

    /// A library over `notes` (tests build one in memory).
    public init(notes: [AnalystNote], lexicon: Lexicon = .empty, embedder: EmbedderLoad = .disabled) async throws {
        var chunks = notes.map(Self.chunk)
        if case .loaded(let model) = embedder { chunks = try await PolicyIngestor.embed(chunks, with: model) }
        self.notes = notes
        retrieval = RetrievalSetup.build(chunks: chunks, lexicon: lexicon, embedder: embedder, fusion: Self.fusion)
    }

    /// The policies' fusion with a lower gate. The policies' 0.3 was calibrated on shoppers' questions; a note query
    /// is a segment's name, two or three words, against short notes. Measured on the corpus with the embedding
    /// model: "At Risk" finds its win-back play n-07 at 0.29 and its pattern n-05 at 0.33, "Can't Lose Them" its
    /// play n-31 at 0.57, while a name no note is about ("Cluster 2") tops out at 0.11.
    static let fusion = RetrievalSetup.Fusion(lexicalWeight: 1, denseWeight: 1, relevanceThreshold: 0.15,
                                              dense: RetrievalSetup.Fusion.calibrated.dense)

    /// The `top` best notes for `query`, best first. Only notes over the retriever's relevance gate count: a weak
    /// match is not evidence, and citing it would ground nothing.
    public func retrieve(_ query: String, top: Int) async throws -> [AnalystNote] {
        let embedding = try await retrieval.embedder?.embed([query]).first
        let byID = Dictionary(notes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return retrieval.retriever.retrieve(query, embedding: embedding, top: top)
            .filter(\.isRelevant)
            .compactMap { byID[$0.chunk.id] }
    }

    /// The note as a chunk: its title is the heading (titles are what notes are found by), its kind and play are
    /// part of the text so that "playbook" and the play's words match too.
    static func chunk(_ note: AnalystNote) -> PolicyChunk {
        var text = "\(note.kind.rawValue). " + note.body
        if let play = note.play { text = "\(note.kind.rawValue). \(play)\n" + note.body }
        return PolicyChunk(id: note.id, document: note.id, title: note.title, headingPath: [note.title], position: 0,
                           text: text)
    }

    static func readNotes(_ directory: URL) throws -> [AnalystNote] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        var notes: [AnalystNote] = []
        for name in names {
            let path = directory.appendingPathComponent(name).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            do {
                let note = try AnalystNote.parse(text)
                guard !notes.contains(where: { $0.id == note.id }) else {
                    throw LoadError(path: path, reason: "note id \(note.id) is used by another file")
                }
                notes.append(note)
            } catch let error as AnalystNote.FormatError {
                throw LoadError(path: path, reason: error.reason)
            }
        }
        guard !notes.isEmpty else { throw LoadError(path: directory.path, reason: "no analyst notes (*.md) found") }
        return notes
    }
}
