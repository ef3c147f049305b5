import Foundation

/// The written part of an insight: who the segment is, why it behaves so, what to do, and the notes cited.
public struct InsightText: Codable, Hashable, Sendable {
    public var who: String
    public var why: String
    public var whatToDo: String
    public var citations: [String]

    public init(who: String, why: String, whatToDo: String, citations: [String]) {
        self.who = who
        self.why = why
        self.whatToDo = whatToDo
        self.citations = citations
    }

    /// Every note cited, in the list or inline (`[n-07]`), in order of first appearance.
    public var allCitedNoteIDs: [String] {
        var ids: [String] = []
        for id in citations where !ids.contains(id) { ids.append(id) }
        for part in [who, why, whatToDo] {
            var scan = SentenceScan(part)
            scan.takeCitations(retrieved: [])
            for id in scan.citedNoteIDs where !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Why a model's answer was refused. The description is what the insight records (no answer text in it: the
    /// answer may be long, and what went wrong is what the analyst needs).
    public struct AnswerError: Error, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Longest accepted part: a paragraph. A longer one is a model that rambled, not an insight.
    public static let maximumPartLength = 1_200

    /// Reads a model's answer: one JSON object `{"who", "why", "whatToDo", "citations"}`, possibly inside a Markdown
    /// code fence or with a sentence around it (models add them); the three parts non-empty strings of at most
    /// `maximumPartLength` characters, `citations` a list of strings (may be empty or missing).
    public static func parse(answer: String) throws(AnswerError) -> InsightText {
        guard let open = answer.firstIndex(of: "{"), let close = answer.lastIndex(of: "}"), open < close else {
            throw AnswerError(reason: "the answer holds no JSON object")
        }
        let json = Data(answer[open...close].utf8)
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw AnswerError(reason: "the answer's JSON object does not parse")
        }
        var parts: [String] = []
        for key in ["who", "why", "whatToDo"] {
            guard let value = object[key] as? String else {
                throw AnswerError(reason: "`\(key)` is missing or not text")
            }
            let trimmed = value.trimmingSpaces
            guard !trimmed.isEmpty else { throw AnswerError(reason: "`\(key)` is empty") }
            guard trimmed.count <= maximumPartLength else {
                throw AnswerError(reason: "`\(key)` is longer than \(maximumPartLength) characters")
            }
            parts.append(trimmed)
        }
        let citations: [String]
        switch object["citations"] {
        case nil, is NSNull: citations = []
        case let list as [String]: citations = list.map(\.trimmingSpaces)
        default: throw AnswerError(reason: "`citations` is not a list of note ids")
        }
        return InsightText(who: parts[0], why: parts[1], whatToDo: parts[2], citations: citations)
    }
}
