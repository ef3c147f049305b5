import Foundation

/// Vectors computed outside this process (by `bench/dense_eval.py`, with sentence-transformers), so `hybrid-eval`
/// can score a candidate embedding model through the very same chunking, labels, fusion and scorer before anyone
/// ports it. Measure first, port only if it pays.
///
/// Exchange format, one JSON object a line: `--export-texts` writes `{"text": …}` for every chunk's embedding text
/// and every query; the Python side answers `{"text": …, "vector": [...]}` for each.
struct PrecomputedVectors {
    let modelID: String
    let dimensions: Int
    private let vectors: [String: [Float]]

    struct Missing: Error, CustomStringConvertible {
        var count: Int
        var description: String { "\(count) texts have no precomputed vector (re-export and re-embed)" }
    }

    struct Malformed: Error, CustomStringConvertible {
        var line: Int
        var description: String { "vectors file line \(line) is not {\"text\", \"vector\"} of the common length" }
    }

    /// Reads a vectors file; every vector must have the same length (they are not re-normalised: the model's own
    /// `Normalize` has run, as in `SentenceEmbedder`).
    init(file: URL, modelID: String) throws {
        struct Line: Decodable {
            var text: String
            var vector: [Float]
        }
        var vectors: [String: [Float]] = [:]
        var dimensions: Int?
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        for (number, line) in lines.enumerated() {
            guard let decoded = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)),
                decoded.vector.count == (dimensions ?? decoded.vector.count), !decoded.vector.isEmpty
            else { throw Malformed(line: number + 1) }
            dimensions = decoded.vector.count
            vectors[decoded.text] = decoded.vector
        }
        guard let dimensions else { throw Malformed(line: 1) }
        self.vectors = vectors
        self.dimensions = dimensions
        self.modelID = modelID
    }

    /// The vectors of `texts`, in order; a text that was not embedded is an error, never a zero vector.
    func embed(_ texts: [String]) throws -> [[Float]] {
        let found = texts.compactMap { vectors[$0] }
        guard found.count == texts.count else { throw Missing(count: texts.count - found.count) }
        return found
    }

    /// Writes the texts to embed, deduplicated, in first-seen order.
    static func export(_ texts: [String], to file: URL) throws {
        var seen = Set<String>()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = Data()
        for text in texts where seen.insert(text).inserted {
            output += try encoder.encode(["text": text])
            output += Data("\n".utf8)
        }
        try output.write(to: file)
    }
}
