/// The rule half of intent reading: every intent's cue weights summed over the message, and where in the message
/// its first decisive cue stands (the shopper leads with the main ask).
struct CueScorer: Sendable {
    struct Score: Sendable {
        var value: Double
        /// Word index of the first cue of weight ≥ 1, or `nil` when only weak cues matched.
        var position: Int?
    }

    func scores(_ message: MessageWords) -> [Intent: Score] {
        var result: [Intent: Score] = [:]
        for intent in Intent.allCases {
            var score = Score(value: 0, position: nil)
            let cues = IntentCues.cues(for: intent)
            // A look-alike cancels every cue of the intent inside it: "how much is delivery" is neither "how much" nor
            // "how much is" (one negative weight against two cues left a decisive cue, and a secondary ask).
            let cancelled: [Range<Int>] = cues.filter { $0.weight < 0 }.compactMap { cue in
                Self.position(of: cue.phrase, in: message, for: intent).map { $0..<($0 + cue.phrase.split(separator: " ").count) }
            }
            for cue in cues {
                guard let at = Self.position(of: cue.phrase, in: message, for: intent) else { continue }
                if cue.weight > 0, cancelled.contains(where: { $0.contains(at) }) { continue }
                score.value += cue.weight
                if cue.weight >= 1 { score.position = min(score.position ?? at, at) }
            }
            if score.value < 1 { score.position = nil }
            if score.value > 0 { result[intent] = score }
        }
        return result
    }

    /// Where `phrase` starts in the message, in words; single words of five letters or more match one typo away.
    static func position(of phrase: String, in message: MessageWords, for intent: Intent? = nil) -> Int? {
        if phrase.contains(" ") {
            guard let range = message.joined.range(of: " \(phrase) ") else { return nil }
            return message.joined[..<range.lowerBound].filter { $0 == " " }.count
        }
        if let exact = message.words.firstIndex(of: phrase) { return exact }
        guard phrase.count >= 5 else { return nil }
        // A word that is another intent's cue is not a typo of this one's: "closest" (nearest) is not "closes".
        return message.words.firstIndex { word in
            abs(word.count - phrase.count) <= 1 && word.count >= 4 && !MessageWords.notTypos.contains(word)
                && !(Self.cueOwners[word] ?? []).contains(where: { $0 != intent })
                && EditDistance.isAtMostOne(word, phrase)
        }
    }

    /// Each single-word cue with the intents it is a cue of.
    static let cueOwners: [String: Set<Intent>] = {
        var owners: [String: Set<Intent>] = [:]
        for intent in Intent.allCases {
            for cue in IntentCues.cues(for: intent) where !cue.phrase.contains(" ") { owners[cue.phrase, default: []].insert(intent) }
        }
        return owners
    }()
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
