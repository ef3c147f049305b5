import ConciergeCore
import Foundation
import Testing

@Suite("Grounding check on the labelled set")
struct GroundingEvalTests {
    let check: GroundingCheck
    let contexts: [String: PromptContext]

    init() throws {
        check = GroundingCheck(knownShopNames: GroundingFixtures.shopNames,
                               knownItemNames: try GroundingFixtures.menuNames())
        contexts = try GroundingFixtures.contexts()
    }

    @Test func everyRowHasItsContext() throws {
        for name in ["tune", "holdout"] {
            for row in try GroundingFixtures.rows(name) {
                #expect(contexts[row.context] != nil, "\(row.context)")
            }
        }
    }

    @Test func tuneSetScores() throws {
        let score = GroundingScore(rows: try GroundingFixtures.rows("tune"), contexts: contexts, check: check)
        print("grounding tune: \(score.table)")
        print("false alarms:\n" + score.falseAlarms.joined(separator: "\n"))
        print("misses:\n" + score.misses.joined(separator: "\n"))
    }

    @Test func holdoutSetScores() throws {
        let score = GroundingScore(rows: try GroundingFixtures.rows("holdout"), contexts: contexts, check: check)
        print("grounding holdout: \(score.table)")
    }
}
