import ConciergeCore
import Foundation

/// The labelled grounding set beside these tests: answers a model could give, each judged against a realistic facts
/// block (`grounding-contexts.json`, decoded into the real `PromptContext`). `grounding-tune.jsonl` guided the
/// check's rules; `grounding-holdout.jsonl` was never looked at while tuning and only scored.
enum GroundingFixtures {
    struct Row: Decodable {
        var context: String
        var grounded: Bool
        /// The claim kinds the answer makes (grounded rows) or gets wrong (ungrounded rows).
        var kinds: [String]
        var answer: String
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func contexts() throws -> [String: PromptContext] {
        let data = try Data(contentsOf: directory.appendingPathComponent("grounding-contexts.json"))
        return try JSONDecoder().decode([String: PromptContext].self, from: data)
    }

    static func rows(_ name: String) throws -> [Row] {
        let text = try String(contentsOf: directory.appendingPathComponent("grounding-\(name).jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }

    /// The chain's menu as seeded: the check knows every item the chain sells, so an item outside it is invented.
    static func menuNames() throws -> [String] {
        struct Item: Decodable { var name: String }
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Seeds/catalog/menu.json"))
        return try JSONDecoder().decode([Item].self, from: data).map(\.name)
    }

    static let shopNames = ["Lakeside Café", "Soho Roastery", "Night Owl Coffee", "Canal Street Bakery"]
}

/// Precision and recall of "ungrounded" over a labelled set, overall and per claim kind.
struct GroundingScore {
    struct Counts { var truePositive = 0, falsePositive = 0, falseNegative = 0 }
    var overall = Counts()
    /// Recall per labelled kind: ungrounded rows of that kind that were flagged (by any kind).
    var missedByKind: [String: (flagged: Int, total: Int)] = [:]
    /// Precision per flagged kind: rows the check flagged with that kind, and how many were really ungrounded.
    var flaggedByKind: [String: (right: Int, total: Int)] = [:]
    var falseAlarms: [String] = []
    var misses: [String] = []

    init(rows: [GroundingFixtures.Row], contexts: [String: PromptContext], check: GroundingCheck) {
        for row in rows {
            guard let context = contexts[row.context] else { continue }
            let verdict = check.verify(answer: row.answer, context: context)
            let flagged = !verdict.isGrounded
            switch (flagged, row.grounded) {
            case (true, false): overall.truePositive += 1
            case (true, true):
                overall.falsePositive += 1
                falseAlarms.append("\(verdict.unsupported) \(row.answer)")
            case (false, false):
                overall.falseNegative += 1
                misses.append("\(row.kinds) \(row.answer)")
            case (false, true): break
            }
            if !row.grounded {
                for kind in row.kinds {
                    let old = missedByKind[kind] ?? (0, 0)
                    missedByKind[kind] = (old.flagged + (flagged ? 1 : 0), old.total + 1)
                }
            }
            for kind in verdict.unsupported {
                let old = flaggedByKind[kind] ?? (0, 0)
                flaggedByKind[kind] = (old.right + (row.grounded ? 0 : 1), old.total + 1)
            }
        }
    }

    var precision: Double {
        let flagged = overall.truePositive + overall.falsePositive
        return flagged == 0 ? 1 : Double(overall.truePositive) / Double(flagged)
    }
    var recall: Double {
        let ungrounded = overall.truePositive + overall.falseNegative
        return ungrounded == 0 ? 1 : Double(overall.truePositive) / Double(ungrounded)
    }

    /// One line per kind, for the report the test prints.
    var table: String {
        var lines = [String(format: "precision %.2f recall %.2f (tp %d fp %d fn %d)", precision, recall,
                            overall.truePositive, overall.falsePositive, overall.falseNegative)]
        for kind in Set(missedByKind.keys).union(flaggedByKind.keys).sorted() {
            let recall = missedByKind[kind].map { "\($0.flagged)/\($0.total)" } ?? "-"
            let precision = flaggedByKind[kind].map { "\($0.right)/\($0.total)" } ?? "-"
            lines.append("  \(kind): recall \(recall), precision \(precision)")
        }
        return lines.joined(separator: "\n")
    }
}
