import ArgumentParser
import ConciergeApp
import ConciergeCore
import Foundation
import SentenceEmbedding

/// `concierge-bench understanding-eval`: the understanding step on the labelled shopper messages.
///
///     concierge-bench understanding-eval                       # set A, holdout split, cues + examples
///     concierge-bench understanding-eval --set b               # the second, differently written set
///     concierge-bench understanding-eval --set c               # the third, written last in new voices
///     concierge-bench understanding-eval --split tune          # the tune split, each row left out of its own vote
///     concierge-bench understanding-eval --cues-only --misses  # without the model, listing every misread
struct UnderstandingEvalBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "understanding-eval", abstract: "Intent and slot accuracy of the understanding step on a labelled set.")

    @Option(help: "Which labelled set: a, b, c, or train (the bank's own training set, scored leave-one-out).")
    var set: String = "a"
    @Option(help: "For set a: tune, holdout or all.") var split: String = "holdout"
    @Option(help: "The seeds directory.") var seeds: String = "Seeds"
    @Option(help: "The embedding model directory.") var model: String = SentenceEmbedder.defaultDirectory
    @Flag(help: "Cue rules only, no example vectors.") var cuesOnly = false
    @Flag(help: "List every misread message.") var misses = false
    /// A before → after over a set that gained rows compares the same messages (e.g. t1257: the training set as
    /// it was).
    @Option(help: "Score only rows whose id is at most this one (e.g. t1257).") var through: String?

    func run() async throws {
        guard let path = UnderstandingEvaluation.labelledSets[set] else {
            let names = UnderstandingEvaluation.labelledSets.keys.sorted().joined(separator: ", ")
            throw ValidationError("--set must be one of \(names)")
        }
        let file = URL(fileURLWithPath: seeds).appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: file.path) else { throw ValidationError("cannot read \(file.path)") }
        let rows = try LabelledMessage.parse(jsonl: data).filter { split == "all" || set != "a" || $0.split == split }
            .filter { row in through.map { row.id.count == $0.count && row.id <= $0 } ?? true }
        let catalog = try SeedCatalogLoader.load(seedsDirectory: seeds)
        let vocabulary = ChainVocabulary(itemNames: catalog.menu.map(\.name), shopNames: catalog.personas.shops.map(\.name))
        var bank = ExampleBank(examples: [])
        var vectors: [[Float]?] = Array(repeating: nil, count: rows.count)
        var embedMicroseconds: [Double] = []
        if !cuesOnly {
            let embedder = try await SentenceEmbedder.load(from: URL(fileURLWithPath: model), cacheCapacity: 0)
            let examples = try UnderstandingSetup.loadExamples(seedsDirectory: seeds)
            let scoresOwnExamples = set == "train" || (set == "a" && split != "holdout")
            bank = await UnderstandingSetup.bank(examples, embedder: embedder, leaveOneOut: scoresOwnExamples).bank
            for row in rows {
                let started = ContinuousClock.now
                vectors[vectors.firstIndex { $0 == nil }!] = try await embedder.embed([MessageFocus.textToEmbed(row.text)]).first
                let elapsed = ContinuousClock.now - started
                embedMicroseconds.append(Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
            }
            // Leave-one-out takes each row out of the bank by its exact vector: the bank's own one is used, and a row
            // the bank lacks stops the run instead of silently scoring a row that votes for itself.
            if scoresOwnExamples {
                for (index, row) in rows.enumerated() {
                    guard let own = bank.vector(ofText: row.text) else {
                        throw ValidationError("leave-one-out: \(row.id) is not in the example bank")
                    }
                    vectors[index] = own
                }
            }
            let training = examples.filter { $0.split != "tune" }.count
            print("example bank: \(bank.count) messages (\(bank.count - training) of set A's tune split, \(training) of the training set)")
        }
        let leaveOneOut = (set == "train" || (set == "a" && split != "holdout")) && !cuesOnly
        // UNDERSTANDING_GRID="modelWeight=1.5,leadBonus=0.5;lambda=0.1": one summary line per setting (tuning only).
        if let grid = ProcessInfo.processInfo.environment["UNDERSTANDING_GRID"] {
            let base = ProcessInfo.processInfo.environment["UNDERSTANDING_BASE"].map { $0 + "," } ?? ""
            for setting in grid.split(separator: ";").map({ base + $0 }) {
                var tuning = ShopperUnderstanding.Tuning()
                var modelSettings = IntentModel.Settings()
                for pair in setting.split(separator: ",") {
                    let parts = pair.split(separator: "=")
                    guard parts.count == 2, let value = Double(parts[1]) else { continue }
                    switch parts[0] {
                    case "threshold": tuning.threshold = value
                    case "exampleWeight": tuning.exampleWeight = value
                    case "modelWeight": tuning.modelWeight = value
                    case "secondaryRatio": tuning.secondaryRatio = value
                    case "leadBonus": tuning.leadBonus = value
                    case "offTopicMargin": tuning.offTopicMargin = value
                    case "cueWeight": tuning.cueWeight = value
                    case "cueCap": tuning.cueCap = value
                    case "secondaryNeedsCue": tuning.secondaryNeedsCue = value != 0
                    case "sentimentThreshold": tuning.sentimentThreshold = value
                    case "sentimentMode": tuning.sentimentMode = Int(value)
                    case "complaintLeads": tuning.complaintLeads = value != 0
                    case "complaintShape": tuning.complaintShape = value
                    case "complaintWithoutFeeling": tuning.complaintWithoutFeeling = value
                    case "frustrationFromRepeats": tuning.frustrationFromRepeats = value != 0
                    case "reportAsksStatusOnlyInWords": tuning.reportAsksStatusOnlyInWords = value != 0
                    case "lambda": modelSettings.lambda = value
                    case "width": modelSettings.width = value
                    case "secondaryTarget": modelSettings.secondaryTarget = value
                    case "charWeight": modelSettings.charWeight = value
                    case "charWidth": modelSettings.charWidth = value
                    default: print("unknown setting \(parts[0])")
                    }
                }
                let tuned = ShopperUnderstanding(vocabulary: vocabulary, bank: bank.refitted(modelSettings, leaveOneOut: leaveOneOut),
                                                 tuning: tuning)
                let r = UnderstandingEvaluation.score(rows, understanding: tuned, vectors: vectors, leaveOneOut: leaveOneOut)
                let sentiment = r.slotBySlot["sentiment"] ?? (0, 0)
                let complaint = r.perIntent[.complaint] ?? (0, 0, 0)
                print(String(format: "%@  main %.3f set %.3f slots %.3f offtopic %.3f ask %.3f"
                             + " sentiment %d/%d complaint R %d/%d", String(setting), r.mainAccuracy, r.setAccuracy, r.slotAccuracy, r.offTopicOnInScope,
                             r.clarificationRate, sentiment.correct, sentiment.total, complaint.truePositive,
                             complaint.truePositive + complaint.falseNegative))
            }
            return
        }
        let understanding = ShopperUnderstanding(vocabulary: vocabulary, bank: bank)
        // Twice: the first pass warms caches, the second is timed.
        _ = UnderstandingEvaluation.score(rows, understanding: understanding, vectors: vectors, leaveOneOut: leaveOneOut)
        let report = UnderstandingEvaluation.score(rows, understanding: understanding, vectors: vectors,
                                                   leaveOneOut: leaveOneOut, embedMicroseconds: embedMicroseconds)
        print(Self.summary(report, title: "set \(set)\(set == "a" ? " (\(split))" : ""), \(cuesOnly ? "cues only" : "cues + examples")"))
        if misses {
            for miss in report.misses {
                let got = miss.choices.isEmpty ? miss.got.map(\.rawValue).joined(separator: ",")
                    : "ASK " + miss.choices.map(\.rawValue).joined(separator: "|")
                print("\(miss.id)  want \(miss.expected.map(\.rawValue).joined(separator: ","))  got \(got)  \(miss.slotErrors.joined(separator: "; "))  «\(miss.text)»")
            }
        }
    }

    static func summary(_ report: UnderstandingEvaluation.Report, title: String) -> String {
        func pct(_ value: Double) -> String { String(format: "%.3f", value) }
        var lines = [
            "understanding — \(title): \(report.messages) messages",
            "  main intent accuracy   \(pct(report.mainAccuracy))",
            "  intent set exact       \(pct(report.setAccuracy))",
            "  slot accuracy          \(pct(report.slotAccuracy))  (\(report.slotCorrect)/\(report.slotDecisions) slot decisions)",
            "  off-topic on in-scope  \(pct(report.offTopicOnInScope))  (\(report.inScopeReadOffTopic)/\(report.inScope))",
            "  asked 'A or B?'        \(pct(report.clarificationRate))",
            String(format: "  time per message       p50 %.2f ms, p95 %.2f ms (embedding included when used)",
                   report.percentile(0.5) / 1000, report.percentile(0.95) / 1000),
            "  slots: " + UnderstandingEvaluation.slotNames.compactMap { name in
                report.slotBySlot[name].map { "\(name) \($0.correct)/\($0.total)" }
            }.joined(separator: ", "),
            "  per category (main intent): " + report.perCategory.keys.sorted().map { key in
                let value = report.perCategory[key]!
                return "\(key) \(value.correct)/\(value.total)"
            }.joined(separator: ", "),
        ]
        let weak = Intent.allCases.compactMap { intent -> String? in
            guard let counts = report.perIntent[intent], counts.truePositive + counts.falseNegative + counts.falsePositive > 0 else { return nil }
            let recall = Double(counts.truePositive) / Double(max(1, counts.truePositive + counts.falseNegative))
            let precision = Double(counts.truePositive) / Double(max(1, counts.truePositive + counts.falsePositive))
            return "\(intent.rawValue) P\(pct(precision)) R\(pct(recall))"
        }
        lines.append("  per intent: " + weak.joined(separator: ", "))
        let feelings: [Sentiment] = [.complaint, .frustration, .thanks]
        lines.append("  per sentiment: " + feelings.map { feeling in
            let counts = report.perSentiment[feeling] ?? (0, 0, 0)
            return "\(feeling.rawValue) P\(counts.truePositive)/\(counts.truePositive + counts.falsePositive)"
                + " R\(counts.truePositive)/\(counts.truePositive + counts.falseNegative)"
        }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
