import Foundation

/// One row of a labelled shopper-message set (`Seeds/eval/understanding`): the message, its intents (main ask
/// first) and slots, and for follow-ups the previous message. The tune split doubles as the example bank.
public struct LabelledMessage: Codable, Hashable, Sendable {
    public struct Previous: Codable, Hashable, Sendable {
        public var text: String
        public var intents: [Intent]
    }

    public var id: String
    public var text: String
    public var intents: [Intent]
    public var slots: Slots
    public var category: String
    public var split: String?
    public var previous: Previous?

    /// Parses JSON lines; a bad line is an error naming its line number (a set is data someone wrote by hand).
    public static func parse(jsonl data: Data) throws -> [LabelledMessage] {
        let decoder = JSONDecoder()
        var rows: [LabelledMessage] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            let trimmed = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }
            guard !trimmed.isEmpty else { continue }
            do {
                rows.append(try decoder.decode(LabelledMessage.self, from: Data(trimmed)))
            } catch {
                throw LabelledSetError(line: number + 1, detail: String(describing: error))
            }
        }
        return rows
    }

    public var previousTurn: PreviousTurn? { previous.map { PreviousTurn(text: $0.text, intents: $0.intents) } }
}

public struct LabelledSetError: Error, CustomStringConvertible, Sendable {
    public var line: Int
    public var detail: String
    public var description: String { "labelled set line \(line): \(detail)" }
}
