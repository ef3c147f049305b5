import Analytics
import Testing

@Suite("Groundedness checker")
struct GroundednessCheckerTests {
    let context = InsightFixtures.context()

    private func problems(_ sentence: String) -> [String] {
        GroundednessChecker.check(sentence: sentence, context: context).problems
    }

    @Test func aCorrectTextScoresOne() {
        let text = InsightText(
            who: "Champions are 212 customers, 17% of the 1,234 in All customers, as of 2026-11-30. "
                + "Together they are worth £41,234.37, about £41,234, with an average order value of £31.50.",
            why: "They last bought 8 days ago on average and place 9.7 orders each, against 3.2 for the chain [n-04]. "
                + "Their average order is 1.3x the chain's, and 94% of them bought again (e.g. after a tasting).",
            whatToDo: "Invite them to early tastings and thank them by name [n-08]. Compare with the \"At Risk\" "
                + "segment and the `pAlive` metric at the next refresh, after 30 November 2026.",
            citations: ["n-04", "n-08"])
        let report = GroundednessChecker.check(text, context: context)
        #expect(report.unsupported.map(\.problems) == [])
        #expect(report.score == 1.0)
        #expect(report.sentences.count == 7, "six sentences and the citation list")
    }

    @Test func anInventedNumberIsFlaggedWithTheClosestMetric() {
        #expect(problems("Champions spend £45,000 a year.")
            == ["£45,000 is not a metric of the segment or the chain (closest: Net value £41,234.37)"])
        #expect(problems("They place 12.5 orders each.").first?.hasPrefix("12.5 is not a metric") == true)
        #expect(problems("Their average order is 5x the chain's.")
            == ["5x is not the ratio of a segment metric to the chain's (closest: Orders per customer 3.0x)"])
        #expect(problems("Their repeat rate is 2.3x the chain's, about 2x.") == [], "0.9434 / 0.4172 = 2.26")
        #expect(problems("Repeat buying runs at x2.3, or 2.3 times the chain's rate.") == [])
        #expect(problems("Repeat buying runs at x2.6 the chain's rate.").count == 1)
    }

    @Test func aCitationOfANoteThatWasNotRetrievedIsFlagged() {
        #expect(problems("Call them personally [n-31].") == ["cites note n-31, which was not retrieved"])
        #expect(problems("See [n-04, n-99].") == ["cites note n-99, which was not retrieved"])
        let list = GroundednessChecker.check(
            InsightText(who: "Champions.", why: "Loyal.", whatToDo: "Thank them.", citations: ["n-08", "n-40", "faq"]),
            context: context)
        #expect(list.sentences.last?.problems
            == ["cites note n-40, which was not retrieved", "cites 'faq', which is not a note id"])
    }

    @Test func anUnknownSegmentNameIsFlagged() {
        #expect(problems("Unlike the Big Spenders segment, they buy weekly.")
            == ["names segment 'Big Spenders', which does not exist"])
        #expect(problems("Treat them like VIP guests.") == ["names segment 'VIP', which does not exist"])
        #expect(problems("Move them out of \"Night Owls\".")
            == ["names 'Night Owls', which is neither a known segment nor a metric"])
        #expect(problems("Some drift towards Can't Lose Them.") == ["names segment 'Can't Lose Them', which does not exist"])
        #expect(problems("Watch the `lifetimeValue` metric.") == ["names metric 'lifetimeValue', which does not exist"])
        // Known names, ids and plain words are not names of missing segments.
        #expect(problems("The At Risk segment and rfm-champions differ; this segment is an RFM segment.") == [])
        #expect(problems("Lost revenue matters, and the High-value active segment knows it.") == [])
    }

    @Test func aShareIsWrittenAsItsPercentage() {
        // repeatShare 0.9434 is shown as 94%; the chain's 0.4172 as 42%.
        #expect(problems("Of them 94% bought again, against 42% chain-wide.") == [])
        #expect(problems("Of them 94 percent bought again.") == [])
        #expect(problems("Of them 94.0% bought again.") == [], "trailing zeros add no digit")
        #expect(problems("Chain-wide 0.42 bought again.").count == 1, "a fraction is not the shown percentage")
        #expect(problems("Chain-wide 0.42% bought again.").count == 1)
        #expect(problems("Chain-wide 41.7% bought again.").count == 1, "more digits than shown are invented")
    }

    @Test func roundingEdgesAcceptTheShownFigureOrACoarserOneButNeverAnother() {
        for good in ["£41,234.37", "£41,234.4", "£41,234", "£41,234.370", "GBP 41,234.37", "41,234.37 GBP", "41234.37"] {
            #expect(problems("They are worth \(good).") == [], "\(good)")
        }
        for bad in ["£41,235", "£41,234.36", "€41,234.37", "£41,234.5"] {
            #expect(problems("They are worth \(bad).").count == 1, "\(bad)")
        }
        // pAlive 0.925 is shown as 93% (half away from zero); ordersPerCustomer 9.65 as 9.7, coarser 10.
        #expect(problems("A 93% chance of being active.") == [])
        #expect(problems("A 92% chance of being active.").count == 1)
        #expect(problems("They place 9.7 orders, about 10.") == [])
        #expect(problems("They place 9.6 orders.").count == 1)
        // Counts are exact.
        #expect(problems("All customers number 1,234 (1234 in the export).") == [])
        #expect(problems("All customers number 1,200.").count == 1)
    }

    @Test func noteIDsDatesAndNamesWithDigitsAreNotFigures() {
        #expect(problems("As of 2026-11-30 the notes [n-04] and n-08 agree.") == [])
        #expect(problems("On 30 November 2026, or November 30, 2026, in 2026.") == [])
        #expect(problems("Orders in the last 90 days reached 1,130 in Q4 under insight-v1.") == [])
        #expect(problems("As of 2026-12-01 they slowed.") == ["the date 2026-12-01 is not the as-of date (2026-11-30)"])
        #expect(problems("On 3 March they slowed.") == ["the date '3' with that month is not the as-of date"])
    }

    @Test func theScoreIsTheShareOfSupportedSentences() {
        let report = GroundednessChecker.check(
            "Champions are 212 customers. They spend £99 each. They last bought 8 days ago.", context: context)
        #expect(report.sentences.map(\.supported) == [true, false, true])
        #expect(abs(report.score - 2.0 / 3.0) < 1e-12)
        #expect(report.unsupported.map(\.text) == ["They spend £99 each."])
        #expect(GroundednessChecker.check("", context: context).score == 0, "nothing written grounds nothing")
    }

    @Test func sentencesSplitOnEndsNotOnDecimalsOrAbbreviations() {
        #expect(GroundednessChecker.sentences(of: "Spend is £31.50 (e.g. coffee). Next!\n- Bullet one\nWhy? Because.")
            == ["Spend is £31.50 (e.g. coffee).", "Next!", "Bullet one", "Why?", "Because."])
    }

    @Test func theMockWriterIsGroundedAndCitesTheBestNotes() {
        let text = MockInsightWriter.write(segment: InsightFixtures.champions, chain: InsightFixtures.chain,
                                           notes: InsightFixtures.notes)
        let report = GroundednessChecker.check(text, context: context)
        #expect(report.unsupported.map(\.problems) == [])
        #expect(report.score == 1.0)
        #expect(text.citations == ["n-04", "n-08"], "the first non-playbook note and the first playbook")
        #expect(text.who == "Champions is an RFM segment of 212 customers as of 2026-11-30. "
            + "Their share of customers is 17% and their net value is £41,234.37.")
        #expect(text.whatToDo.hasPrefix(
            "Invite champions to early tastings of the seasonal menu and thank them by name [n-08]."))
    }

    @Test(arguments: InsightFixtures.known)
    func theMockWriterIsGroundedOnEveryExampleSegment(segment: SegmentSnapshot) {
        let context = GroundingContext(snapshots: [segment, InsightFixtures.chain], retrievedNoteIDs: ["n-04", "n-08"],
                                       knownSegments: InsightFixtures.known)
        for notes in [InsightFixtures.notes, []] {
            let text = MockInsightWriter.write(segment: segment, chain: InsightFixtures.chain, notes: notes)
            let report = GroundednessChecker.check(text, context: context)
            #expect(report.score == 1.0, "\(segment.id): \(report.unsupported)")
        }
    }
}
