import ConciergeApp
import ConciergeCore
import Foundation
import Testing
import TestSupport

/// The example bank is loaded only when a model is, and a missing or broken examples file is a degradation with its
/// reason, never a refusal to start.
@Suite("Understanding set-up: the example bank, or cues alone with the reason")
struct UnderstandingSetupTests {
    /// Set A's holdout split and set B are what the figures are measured on: never in the bank.
    @Test func theTrainingSetAndSetATuneSplitOnlyAreEmbeddedIntoTheBank() async throws {
        let setup = await UnderstandingSetup.load(seedsDirectory: RepositoryPaths.seeds.path, embedder: CountingEmbedder())
        let examples = try UnderstandingSetup.loadExamples(seedsDirectory: RepositoryPaths.seeds.path)
        #expect(setup.problem == nil)
        #expect(setup.bank.count == examples.count)
        #expect(examples.filter { $0.split == "tune" }.count >= 300 && examples.filter { $0.split == "train" }.count >= 800)
        #expect(examples.allSatisfy { $0.split == "tune" || $0.split == "train" })
    }

    /// Set C is the figure nobody tuned on: it stays honest only while none of its rows, nor a text of theirs, is in
    /// the bank (a repeated text would be read by its own neighbour).
    @Test func setCIsScoredOnlyAndRepeatsNoTextOfTheBank() throws {
        let setC = try Self.labelledSet("c")
        let bank = try UnderstandingSetup.loadExamples(seedsDirectory: RepositoryPaths.seeds.path)
        let bankTexts = Set(bank.map { Self.normalised($0.text) })
        #expect(setC.count >= 240)
        #expect(setC.allSatisfy { $0.split == nil && $0.id.hasPrefix("c") })
        #expect(Set(setC.flatMap(\.intents)) == Set(Intent.allCases))
        #expect(setC.filter { bankTexts.contains(Self.normalised($0.text)) }.map(\.id) == [])
    }

    /// Every set the bench can score by name is where it says and parses.
    @Test(arguments: UnderstandingEvaluation.labelledSets.keys.sorted())
    func everyNamedLabelledSetParses(name: String) throws {
        #expect(try !Self.labelledSet(name).isEmpty)
    }

    private static func labelledSet(_ name: String) throws -> [LabelledMessage] {
        let path = try #require(UnderstandingEvaluation.labelledSets[name])
        let url = RepositoryPaths.seeds.appendingPathComponent(path)
        return try LabelledMessage.parse(jsonl: try #require(FileManager.default.contents(atPath: url.path)))
    }

    /// Case, punctuation and spacing aside, as `check.py` compares texts.
    private static func normalised(_ text: String) -> String {
        let kept = text.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(kept).split(separator: " ").joined(separator: " ")
    }

    @Test func withoutAModelNothingIsReadAndNothingIsMissing() async {
        let setup = await UnderstandingSetup.load(seedsDirectory: "/nonexistent", embedder: nil)
        #expect(setup.bank.isEmpty && setup.problem == nil)
    }

    @Test func aMissingOrBrokenExamplesFileLeavesCuesOnlyAndSaysWhy() async throws {
        let missing = await UnderstandingSetup.load(seedsDirectory: "/nonexistent", embedder: CountingEmbedder())
        #expect(missing.bank.isEmpty && missing.problem?.contains("cannot read") == true)

        let directory = try RepositoryPaths.temporaryDirectory("examples")
        let file = directory.appendingPathComponent(UnderstandingSetup.examplesPath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"id\": \"a1\", \"text\": \"hi\"\nnot json\n".utf8).write(to: file)
        let broken = await UnderstandingSetup.load(seedsDirectory: directory.path, embedder: CountingEmbedder())
        #expect(broken.bank.isEmpty && broken.problem?.contains("line 1") == true, "\(broken.problem ?? "")")
    }
}
