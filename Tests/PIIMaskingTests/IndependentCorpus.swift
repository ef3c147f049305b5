import Foundation
import PIIMasking
import PIIMaskingEval

/// The corpus `script/pii-corpus` writes (its own values and sentences, built apart from `PIIMaskingEval`): one
/// JSON object per line, `{"id", "text", "spans": [[type, start, end]], "negatives": [[kind, start, end]]}` with
/// UTF-8 offsets. Its look-alikes all count as `other-number` here.
enum IndependentCorpus {
    /// The messages of `Fixtures/<name>`.
    static func load(_ name: String) throws -> [LabelledMessage] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let row = try decoder.decode(Row.self, from: Data(line.utf8))
            return LabelledMessage(
                id: row.id, text: row.text,
                spans: try row.spans.map { span in
                    guard let type = PIIType(rawValue: span.label) else { throw Unreadable.type(span.label) }
                    return LabelledSpan(type: type, utf8Range: span.start..<span.end)
                },
                negatives: row.negatives.map { NegativeSpan(kind: .otherNumber, utf8Range: $0.start..<$0.end) })
        }
    }

    enum Unreadable: Error { case type(String) }

    private struct Row: Decodable {
        let id: Int
        let text: String
        let spans: [Labelled]
        let negatives: [Labelled]
    }

    /// `[label, start, end]`.
    private struct Labelled: Decodable {
        let label: String
        let start: Int
        let end: Int

        init(from decoder: any Decoder) throws {
            var fields = try decoder.unkeyedContainer()
            label = try fields.decode(String.self)
            start = try fields.decode(Int.self)
            end = try fields.decode(Int.self)
        }
    }
}
