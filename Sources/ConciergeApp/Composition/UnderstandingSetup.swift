import ConciergeCore
import Foundation
import Seeding

/// The example bank of the understanding step: the training set of labelled shopper messages and the *tune* split
/// of set A, embedded once at start-up with the same model as the shopper's messages. The holdout split of set A and
/// set B are never loaded here, so they stay honest measures. Without a model the bank is empty and understanding
/// runs on cues alone.
public enum UnderstandingSetup {
    /// Where the labelled examples live, under the seeds directory: set A (its tune split is used) and the
    /// training set (written separately from both evaluation sets; all of it is used).
    public static let examplesPath = "eval/understanding/set-a.jsonl"
    public static let trainingPath = "eval/understanding/train.jsonl"

    /// The tune split of set A, then the training set, in file order (so the bank, and every reading, is the same
    /// on every start).
    public static func loadExamples(seedsDirectory: String) throws -> [LabelledMessage] {
        let tune = try read(examplesPath, seedsDirectory).filter { $0.split == "tune" }
        return tune + (try read(trainingPath, seedsDirectory))
    }

    private static func read(_ path: String, _ seedsDirectory: String) throws -> [LabelledMessage] {
        let url = URL(fileURLWithPath: seedsDirectory).appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SeedError.invalidCatalog("cannot read \(url.path)")
        }
        return try LabelledMessage.parse(jsonl: data)
    }

    /// The bank for a running app: without a model nothing is read; a missing or broken examples file leaves
    /// understanding on cues alone and says why, like a missing model (`/healthz`), instead of refusing to start.
    public static func load(seedsDirectory: String, embedder: (any Embedder)?) async -> (bank: ExampleBank, problem: String?) {
        guard let embedder else { return (ExampleBank(examples: []), nil) }
        do {
            let examples = try loadExamples(seedsDirectory: seedsDirectory)
            return await BankMemo.shared.bank(for: examples, embedder: embedder) {
                await bank(examples, embedder: embedder)
            }
        } catch {
            return (ExampleBank(examples: []), "cues only (\(error))")
        }
    }

    /// Embeds `examples` in batches; any failure leaves the bank empty (cues only) and says why.
    /// `leaveOneOut`: the bank can score its own examples as if each were left out (evaluation only).
    public static func bank(_ examples: [LabelledMessage], embedder: (any Embedder)?,
                            leaveOneOut: Bool = false) async -> (bank: ExampleBank, problem: String?) {
        guard let embedder, !examples.isEmpty else { return (ExampleBank(examples: []), nil) }
        do {
            var vectors: [[Float]] = []
            for start in stride(from: 0, to: examples.count, by: 32) {
                let batch = examples[start..<min(start + 32, examples.count)]
                vectors += try await embedder.embed(batch.map { MessageFocus.textToEmbed($0.text) })
            }
            let labelled = zip(examples, vectors).map {
                ExampleBank.Example(vector: $1, text: $0.text, intents: $0.intents, sentiment: $0.slots.sentiment)
            }
            let bank = ExampleBank(examples: labelled, leaveOneOut: leaveOneOut)
            return (bank, nil)
        } catch {
            return (ExampleBank(examples: []), "cues only (the examples could not be embedded: \(type(of: error)))")
        }
    }
}

/// One bank per process for the same model instance and the same examples. An app builds it once anyway; the test
/// suite starts a runtime per scenario, and each rebuilt it (about 1,800 embeddings, more than the model's cache
/// holds, and one exact solve): that made running the goldens with the model, as the demo runs, take half an hour.
/// Only a bank built without a problem is kept, so a failing model is retried; the model instance is kept with it
/// (a struct embedder is boxed anew each time, so it never matches, and is rebuilt as before).
private actor BankMemo {
    static let shared = BankMemo()
    private var banks: [String: (embedder: AnyObject, bank: Task<(bank: ExampleBank, problem: String?), Never>)] = [:]

    func bank(for examples: [LabelledMessage], embedder: any Embedder,
              build: @escaping @Sendable () async -> (bank: ExampleBank, problem: String?))
        async -> (bank: ExampleBank, problem: String?)
    {
        guard Mirror(reflecting: embedder).displayStyle == .class else { return await build() }
        let object = embedder as AnyObject
        var key = Hasher()
        for example in examples {
            key.combine(example.text)
            key.combine(example.intents.map(\.rawValue))
            key.combine(example.slots.sentiment?.rawValue)
        }
        let name = "\(ObjectIdentifier(object))/\(embedder.modelID)/\(examples.count)/\(key.finalize())"
        if let kept = banks[name] { return await kept.bank.value }
        let task = Task { await build() }
        banks[name] = (object, task)
        let built = await task.value
        if built.problem != nil { banks[name] = nil }
        return built
    }
}
