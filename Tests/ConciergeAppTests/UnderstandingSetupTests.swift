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
