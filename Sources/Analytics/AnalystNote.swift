import Foundation

/// What an analyst note is: what customers said, a behaviour seen in the data, or a play to run.
public enum AnalystNoteKind: String, Codable, Sendable, CaseIterable {
    case feedback, pattern, playbook
}

/// One note of the analyst corpus (`Seeds/analyst-notes/*.md`), retrieved for a segment and cited in its insight
/// as `[n-07]`.
///
/// The file format is front matter between `---` lines, then the Markdown body:
///
/// ```
/// ---
/// id: n-07
/// kind: playbook
/// title: Win back lapsing regulars
/// play: Send lapsing regulars a personal note with a small reward on the drink they order most.
/// ---
/// Body…
/// ```
///
/// `id` is `n-` and digits and never changes (insights store the ids they cite); `play` is required for a playbook:
/// one sentence the mock writer quotes as the thing to do, written without figures so that it never brings a number
/// the segment's metrics do not hold.
public struct AnalystNote: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var kind: AnalystNoteKind
    public var title: String
    public var play: String?
    public var body: String

    public init(id: String, kind: AnalystNoteKind, title: String, play: String? = nil, body: String) {
        self.id = id
        self.kind = kind
        self.title = title
        self.play = play
        self.body = body
    }

    /// Why a note file was refused; `description` names the file's problem (the caller adds the file name).
    public struct FormatError: Error, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Reads one note file. Refuses rather than guesses: a corpus with a malformed note fails to load, naming it.
    public static func parse(_ text: String) throws(FormatError) -> AnalystNote {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard lines.first?.trimmingSpaces == "---",
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingSpaces == "---" })
        else { throw FormatError(reason: "no front matter (a `---` line, `key: value` lines, a `---` line)") }
        var fields: [String: String] = [:]
        for line in lines[1..<end] where !line.trimmingSpaces.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                throw FormatError(reason: "front matter line without `key: value`: \(line)")
            }
            fields[line[..<colon].trimmingSpaces.lowercased()] = line[line.index(after: colon)...].trimmingSpaces
        }
        let body = lines[(end + 1)...].joined(separator: "\n").trimmingSpaces
        return try make(fields: fields, body: body)
    }

    private static func make(fields: [String: String], body: String) throws(FormatError) -> AnalystNote {
        let missing = ["id", "kind", "title"].filter { (fields[$0] ?? "").isEmpty }
        guard missing.isEmpty else { throw FormatError(reason: "missing " + missing.joined(separator: ", ")) }
        let id = fields["id"]!
        guard isNoteID(id) else { throw FormatError(reason: "id '\(id)' is not `n-` followed by digits") }
        guard let kind = AnalystNoteKind(rawValue: fields["kind"]!.lowercased()) else {
            throw FormatError(reason: "kind '\(fields["kind"]!)' is not feedback, pattern or playbook")
        }
        let play = fields["play"].flatMap { $0.isEmpty ? nil : $0 }
        guard kind != .playbook || play != nil else { throw FormatError(reason: "a playbook needs a `play:` line") }
        guard !body.isEmpty else { throw FormatError(reason: "empty body") }
        return AnalystNote(id: id, kind: kind, title: fields["title"]!, play: play, body: body)
    }

    /// `n-` followed by one or more ASCII digits: the one form of a note id, in files and in citations.
    public static func isNoteID(_ text: String) -> Bool {
        text.hasPrefix("n-") && text.count > 2 && text.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
