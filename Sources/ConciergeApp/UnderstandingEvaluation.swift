import ConciergeCore
import Foundation

/// Scores the understanding step on a labelled set: the main intent, the whole intent list, each slot, how often an
/// in-scope message got the off-topic reading or a "did you mean" question, and the time per message.
public struct UnderstandingEvaluation: Sendable {
    public struct Miss: Sendable {
        public var id: String
        public var text: String
        public var expected: [Intent]
        public var got: [Intent]
        public var choices: [Intent]
        public var slotErrors: [String]
    }

    public struct Report: Sendable {
        public var messages = 0
        public var mainCorrect = 0
        /// The labelled intents and the read ones are the same set.
        public var setCorrect = 0
        public var slotDecisions = 0
        public var slotCorrect = 0
        public var slotBySlot: [String: (correct: Int, total: Int)] = [:]
        public var inScope = 0
        public var inScopeReadOffTopic = 0
        public var clarified = 0
        public var perIntent: [Intent: (truePositive: Int, falsePositive: Int, falseNegative: Int)] = [:]
        public var perCategory: [String: (correct: Int, total: Int)] = [:]
        /// Per sentiment (complaint, frustration, thanks), as per intent: a sentiment read that the label does not
        /// carry is a false positive of the one read and a false negative of the one labelled.
        public var perSentiment: [Sentiment: (truePositive: Int, falsePositive: Int, falseNegative: Int)] = [:]
        public var misses: [Miss] = []
        public var microseconds: [Double] = []

        public var mainAccuracy: Double { ratio(mainCorrect, messages) }
        public var setAccuracy: Double { ratio(setCorrect, messages) }
        public var slotAccuracy: Double { ratio(slotCorrect, slotDecisions) }
        public var offTopicOnInScope: Double { ratio(inScopeReadOffTopic, inScope) }
        public var clarificationRate: Double { ratio(clarified, messages) }
        public func percentile(_ p: Double) -> Double {
            let sorted = microseconds.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
        }
    }

    public static let slotNames = ["order", "item", "shop", "time", "diet", "channel", "sentiment", "language"]

    /// The labelled sets that can be scored, by name, with their paths under the seeds directory: set A (tune and
    /// holdout), sets B and C (scored only, never in the example bank) and the training set (scored leave-one-out).
    public static let labelledSets = [
        "a": UnderstandingSetup.examplesPath, "b": "eval/understanding/set-b.jsonl",
        "c": "eval/understanding/set-c.jsonl", "train": UnderstandingSetup.trainingPath,
    ]

    /// `vectors[i]` is row i's message vector (or nil: cues only). With `leaveOneOut`, a row's own vector is kept out
    /// of the example vote (scoring the split the bank was built from).
    public static func score(_ rows: [LabelledMessage], understanding: ShopperUnderstanding, vectors: [[Float]?],
                             leaveOneOut: Bool, embedMicroseconds: [Double] = []) -> Report {
        var report = Report()
        for (index, row) in rows.enumerated() {
            let started = ContinuousClock.now
            let read = understanding.read(row.text, embedding: vectors[index], previous: row.previousTurn,
                                          excludingExample: leaveOneOut ? vectors[index] : nil)
            let elapsed = ContinuousClock.now - started
            let extra = index < embedMicroseconds.count ? embedMicroseconds[index] : 0
            report.microseconds.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6 + extra)
            report.messages += 1
            let got = read.intents.isEmpty && read.choices.isEmpty ? [Intent.offTopic] : read.intents
            let expected = row.intents
            let mainRight = got.first == expected.first
            if mainRight { report.mainCorrect += 1 }
            if Set(got) == Set(expected) { report.setCorrect += 1 }
            var category = report.perCategory[row.category] ?? (0, 0)
            category.total += 1
            if mainRight { category.correct += 1 }
            report.perCategory[row.category] = category
            if expected.first != .offTopic {
                report.inScope += 1
                if got == [.offTopic] { report.inScopeReadOffTopic += 1 }
            }
            if !read.choices.isEmpty { report.clarified += 1 }
            for intent in Intent.allCases {
                var counts = report.perIntent[intent] ?? (0, 0, 0)
                let inGot = got.contains(intent)
                let inExpected = expected.contains(intent)
                if inGot && inExpected { counts.truePositive += 1 }
                if inGot && !inExpected { counts.falsePositive += 1 }
                if !inGot && inExpected { counts.falseNegative += 1 }
                report.perIntent[intent] = counts
            }
            if row.slots.sentiment != read.slots.sentiment {
                if let wanted = row.slots.sentiment {
                    report.perSentiment[wanted, default: (0, 0, 0)].falseNegative += 1
                }
                if let read = read.slots.sentiment { report.perSentiment[read, default: (0, 0, 0)].falsePositive += 1 }
            } else if let both = row.slots.sentiment {
                report.perSentiment[both, default: (0, 0, 0)].truePositive += 1
            }
            var slotErrors: [String] = []
            for name in slotNames {
                let want = value(of: name, in: row.slots)
                let have = value(of: name, in: read.slots)
                guard want != nil || have != nil else { continue }
                report.slotDecisions += 1
                var bySlot = report.slotBySlot[name] ?? (0, 0)
                bySlot.total += 1
                if want == have {
                    report.slotCorrect += 1
                    bySlot.correct += 1
                } else {
                    slotErrors.append("\(name): want \(want ?? "-") got \(have ?? "-")")
                }
                report.slotBySlot[name] = bySlot
            }
            if !mainRight || Set(got) != Set(expected) || !slotErrors.isEmpty {
                report.misses.append(Miss(id: row.id, text: row.text, expected: expected, got: got, choices: read.choices,
                                          slotErrors: slotErrors))
            }
        }
        return report
    }

    /// A slot's value as comparable text (case-insensitive for names; diet as a sorted set).
    static func value(of name: String, in slots: Slots) -> String? {
        switch name {
        case "order": slots.order.map { $0.kind.rawValue + ($0.value.map { ":" + $0.lowercased() } ?? "") }
        case "item": slots.item?.lowercased()
        case "shop": slots.shop?.lowercased()
        case "time": slots.time
        case "diet": slots.diet.isEmpty ? nil : slots.diet.map(\.rawValue).sorted().joined(separator: "+")
        case "channel": slots.channel?.rawValue
        case "sentiment": slots.sentiment?.rawValue
        case "language": slots.language?.rawValue
        default: nil
        }
    }
}

private func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
