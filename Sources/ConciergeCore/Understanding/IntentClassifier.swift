import Foundation

/// Scores a message against cue phrases per intent. Deterministic and explainable (the reviewer's debug view
/// shows the scores); not first-match: every intent is scored and all that clear the threshold are kept.
///
/// Cues are matched on folded words (case, accents and punctuation removed). Single-word cues of five letters
/// or more also match one typo away ("refnd", "coupn"), because shoppers type on phones.
public struct IntentClassifier: Sendable {
    public var threshold: Double

    public init(threshold: Double = 1.0) { self.threshold = threshold }

    public func classify(_ message: String) -> IntentReading {
        let words = Self.words(of: message)
        let joined = " " + words.joined(separator: " ") + " "
        var scores: [IntentReading.Score] = []
        for intent in Intent.allCases where intent != .offTopic {
            let score = IntentCues.cues(for: intent).reduce(0.0) { total, cue in
                total + (Self.matches(cue.phrase, words: words, joined: joined) ? cue.weight : 0)
            }
            if score >= threshold { scores.append(.init(intent: intent, score: score)) }
        }
        // An order id makes the message about an order, but "refund for ORD-..." stays a refund question.
        if containsOrderID(message) { Self.boost(&scores, .orderStatus, by: threshold) }
        // Ties go to the more specific intent: `Intent.allCases` lists specific needs before general ones.
        return IntentReading(scores: scores.sorted { ($0.score, $1.rank) > ($1.score, $0.rank) })
    }

    /// Lower-cased, accent-folded words; apostrophes dropped so "I'm" and "im" read the same.
    static func words(of text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
        return folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    private static func matches(_ phrase: String, words: [String], joined: String) -> Bool {
        if phrase.contains(" ") { return joined.contains(" \(phrase) ") }
        if words.contains(phrase) { return true }
        guard phrase.count >= 5 else { return false }
        return words.contains { abs($0.count - phrase.count) <= 1 && $0.count >= 4 && EditDistance.isAtMostOne($0, phrase) }
    }

    private func containsOrderID(_ message: String) -> Bool {
        message.uppercased().range(of: #"ORD-[A-Z0-9]{8}"#, options: .regularExpression) != nil
    }

    private static func boost(_ scores: inout [IntentReading.Score], _ intent: Intent, by amount: Double) {
        if let index = scores.firstIndex(where: { $0.intent == intent }) {
            scores[index].score += amount
        } else {
            scores.append(.init(intent: intent, score: amount))
        }
    }
}

extension IntentReading.Score {
    fileprivate var rank: Int { Intent.allCases.firstIndex(of: intent) ?? 0 }
}

enum EditDistance {
    /// True when `a` becomes `b` with at most one insertion, deletion or substitution.
    static func isAtMostOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        if x == y { return true }
        if abs(x.count - y.count) > 1 { return false }
        var i = 0
        var j = 0
        var edits = 0
        while i < x.count, j < y.count {
            if x[i] == y[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if x.count > y.count { i += 1 } else if x.count < y.count { j += 1 } else {
                i += 1
                j += 1
            }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }
}
