import PIIMasking

/// Recall and precision of the masker on a labelled corpus, by type, with exact span matching.
///
/// A prediction counts only if its type and its UTF-8 range are exactly a gold span's: a masked "+44 7700" that
/// misses "900123" is both a miss and a false alarm. A hard negative counts as a false positive when any
/// predicted span overlaps it.
public enum Scorer {
    /// Masks every message in its own session and compares the replaced spans with the labels.
    public static func score(_ messages: [LabelledMessage], keepExamples: Int = 0) -> ScoreReport {
        var tallies = [PIIType: Tally]()
        var negatives = [NegativeKind: (total: Int, flagged: Int)]()
        var examples: [ScoreReport.Example] = []
        for message in messages {
            var session = MaskingSession(profile: message.profile, allowList: message.allowList)
            let predicted = session.maskDetailed(message.text).replacements.map {
                LabelledSpan(type: $0.type, utf8Range: $0.utf8Range)
            }
            let gold = Set(message.spans)
            let found = Set(predicted)
            for span in message.spans { tallies[span.type, default: Tally()].gold += 1 }
            for span in predicted { tallies[span.type, default: Tally()].predicted += 1 }
            for span in found.intersection(gold) { tallies[span.type, default: Tally()].correct += 1 }
            for negative in message.negatives {
                let hit = predicted.contains { $0.utf8Range.overlaps(negative.utf8Range) }
                negatives[negative.kind, default: (0, 0)].total += 1
                if hit { negatives[negative.kind, default: (0, 0)].flagged += 1 }
            }
            if examples.count < keepExamples, found != gold {
                examples.append(
                    .init(
                        id: message.id, text: message.text, missed: gold.subtracting(found).sorted(by: spanOrder),
                        spurious: found.subtracting(gold).sorted(by: spanOrder)))
            }
        }
        return ScoreReport(
            messages: messages.count,
            types: PIIType.allCases.compactMap { type in tallies[type].map { .init(type: type, tally: $0) } },
            negatives: NegativeKind.allCases.compactMap { kind in
                negatives[kind].map { .init(kind: kind, total: $0.total, flagged: $0.flagged) }
            },
            examples: examples)
    }

    private static func spanOrder(_ a: LabelledSpan, _ b: LabelledSpan) -> Bool {
        a.utf8Range.lowerBound < b.utf8Range.lowerBound
    }

    struct Tally {
        var gold = 0
        var predicted = 0
        var correct = 0
    }
}

/// The scorer's figures (deterministic order: types and negative kinds in declaration order).
public struct ScoreReport: Sendable {
    /// Figures for one type.
    public struct TypeScore: Sendable {
        /// The type scored.
        public let type: PIIType
        /// Labelled spans.
        public let gold: Int
        /// Masked spans.
        public let predicted: Int
        /// Masked spans equal to a labelled span (type and range).
        public let correct: Int
        /// Share of labelled spans masked exactly.
        public var recall: Double { gold == 0 ? 1 : Double(correct) / Double(gold) }
        /// Share of masked spans that are exactly a labelled span.
        public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }

        init(type: PIIType, tally: Scorer.Tally) {
            self.type = type
            gold = tally.gold
            predicted = tally.predicted
            correct = tally.correct
        }
    }

    /// Figures for one kind of hard negative.
    public struct NegativeScore: Sendable {
        /// The kind of look-alike.
        public let kind: NegativeKind
        /// Planted look-alikes.
        public let total: Int
        /// Look-alikes overlapped by a masked span.
        public let flagged: Int
        /// Share of planted negatives that were (partly) masked.
        public var rate: Double { total == 0 ? 0 : Double(flagged) / Double(total) }
    }

    /// A message whose predictions differ from its labels (for debugging the detectors).
    public struct Example: Sendable {
        /// The message id.
        public let id: Int
        /// The message.
        public let text: String
        /// Labelled spans not masked exactly.
        public let missed: [LabelledSpan]
        /// Masked spans that match no label.
        public let spurious: [LabelledSpan]
    }

    /// Messages scored.
    public let messages: Int
    /// Per-type figures, in `PIIType` order.
    public let types: [TypeScore]
    /// Per-kind hard-negative figures.
    public let negatives: [NegativeScore]
    /// Mis-masked messages kept for inspection.
    public let examples: [Example]

    /// Micro-averaged recall over all types.
    public var recall: Double {
        let gold = types.reduce(0) { $0 + $1.gold }
        return gold == 0 ? 1 : Double(types.reduce(0) { $0 + $1.correct }) / Double(gold)
    }

    /// Micro-averaged precision over all types.
    public var precision: Double {
        let predicted = types.reduce(0) { $0 + $1.predicted }
        return predicted == 0 ? 1 : Double(types.reduce(0) { $0 + $1.correct }) / Double(predicted)
    }

    /// Share of planted hard negatives that were (partly) masked.
    public var falsePositiveRate: Double {
        let total = negatives.reduce(0) { $0 + $1.total }
        return total == 0 ? 0 : Double(negatives.reduce(0) { $0 + $1.flagged }) / Double(total)
    }
}
