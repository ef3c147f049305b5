import Analytics
import Foundation
import Testing

/// Golden answers over the hand-built snapshots: each asserts what MUST be in the answer (the right segment names and
/// figures in display rounding), and every answer passes the deterministic groundedness checker over the snapshots
/// of the facts it lists, each of which exists.
@Suite("Analyst chat: golden answers and follow-ups")
struct AnalystAnswererTests {
    static let reader = AnalystQuestionReader(snapshots: AnalystFixtures.snapshots)
    static let answerer = AnalystAnswerer(snapshots: AnalystFixtures.snapshots)

    static func ask(_ question: String, after previous: AnalystContext? = nil) -> AnalystAnswer {
        answerer.answer(reader.read(question, previous: previous))
    }

    /// Numbers in a text ("£41,000.00" → "41000.00", "33%" → "33").
    static func numbers(_ text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "[0-9]+(?:\\.[0-9]+)?")
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range, in: text)!])
        }
    }

    /// Every fact is a metric of a snapshot, and the text passes the same deterministic groundedness check as the
    /// insights (every number a metric of the snapshots it used, within display rounding; every segment it names
    /// real): the snapshots of the facts listed, plus the chain, are the only figures it may use.
    static func expectGrounded(_ answer: AnalystAnswer, _ snapshots: [SegmentSnapshot] = AnalystFixtures.snapshots,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let byID = Dictionary(uniqueKeysWithValues: snapshots.map { ($0.id, $0) })
        var used: [SegmentSnapshot] = []
        for fact in answer.facts {
            guard let snapshot = byID[fact.segmentID], snapshot.metric(fact.metricKey) != nil else {
                Issue.record("fact \(fact.segmentID).\(fact.metricKey) is not in the snapshots",
                             sourceLocation: sourceLocation)
                continue
            }
            if !used.contains(snapshot) { used.append(snapshot) }
        }
        guard !answer.text.isEmpty else { return }
        let report = GroundednessChecker.check(
            answer.text, context: GroundingContext(snapshots: used, retrievedNoteIDs: [], knownSegments: snapshots))
        for sentence in report.unsupported {
            Issue.record("\"\(sentence.text)\": \(sentence.problems.joined(separator: "; "))", sourceLocation: sourceLocation)
        }
    }

    static func expectContains(_ answer: AnalystAnswer, _ parts: [String],
                               sourceLocation: SourceLocation = #_sourceLocation) {
        for part in parts where !answer.text.contains(part) {
            Issue.record("missing \"\(part)\" in \"\(answer.text)\"", sourceLocation: sourceLocation)
        }
        expectGrounded(answer, sourceLocation: sourceLocation)
    }

    @Test("prioritise ranks by net value × (1 − P(alive)) and leaves out the catch-alls")
    func prioritise() throws {
        let answer = Self.ask("which segment should we prioritise?")
        // At-risk churn 41000 × 0.67 = 27470; At Risk 24500 × 0.62 = 15190; Can't Lose Them 21000 × 0.71 = 14910;
        // Other (71799.50 × 0.36 = 25848) would be second, but a catch-all has nothing to act on.
        Self.expectContains(answer, ["Prioritise At-risk churn", "310 customers", "£41,000.00", "33%",
                                     "At Risk (net value £24,500.00, mean P(alive) 38%) and Can't Lose Them"])
        #expect(!answer.text.contains("Other"))
        #expect(answer.context.compared == ["at-risk-churn", "rfm-at-risk"])
        let named = Self.ask("should we focus on Champions or At Risk first?")
        Self.expectContains(named, ["Prioritise At Risk", "Next: Champions"])
    }

    @Test("compare: both segments' figures and which is higher, on one metric or the default set")
    func compare() {
        Self.expectContains(Self.ask("compare champions and at risk"),
                            ["Champions: customers 210, CLV £36,000.00, churn 0%, average order value £31.50.",
                             "At Risk: customers 240, CLV £5,200.00, churn 88%", "Champions is higher on CLV."])
        Self.expectContains(Self.ask("compare AOV of new customers vs champions"),
                            ["New Customers: average order value £14.00.", "Champions: average order value £31.50.",
                             "Champions is higher on average order value."])
    }

    @Test("compare calls two figures that read the same level, not different")
    func compareLevel() {
        var a = AnalystFixtures.snapshot(("seg-a", "Alpha", .ml, [100, 1000, 500, 0.301, 20, 2, 30, 0.7]))
        let b = AnalystFixtures.snapshot(("seg-b", "Beta", .ml, [100, 1000, 500, 0.298, 20, 2, 30, 0.7]))
        a.metrics[0].value = 120
        let answerer = AnalystAnswerer(snapshots: [a, b])
        let reading = AnalystQuestionReader(snapshots: [a, b]).read("compare churn of Alpha and Beta")
        let answer = answerer.answer(reading)
        #expect(answer.text.contains("Alpha and Beta are level on churn."), "\(answer.text)")
        Self.expectGrounded(answer, [a, b])
    }

    @Test("explain: the figure against all customers and the figures that go with it, said as association")
    func explain() {
        Self.expectContains(Self.ask("why is churn high in the at-risk group?"),
                            ["At Risk: churn 88% (All customers: 31%)", "days since the last purchase 131 days",
                             "mean P(alive) 38%", "not a proven cause"])
        Self.expectContains(Self.ask("what's behind the high churn overall?"),
                            ["All customers: churn 31%.", "highest in Lost (99%) and At-risk churn (97%)"])
    }

    @Test("totals and single figures come from the right snapshot")
    func figures() {
        Self.expectContains(Self.ask("what's our total CLV?"), ["All customers: CLV £95,000.00."])
        Self.expectContains(Self.ask("how many customers do we have"), ["2,000 customers"])
        Self.expectContains(Self.ask("avg order value of loyal customers"),
                            ["Loyal Customers: average order value £26.20 (All customers: £21.40)."])
        Self.expectContains(Self.ask("size of at risk"), ["At Risk has 240 customers, 12% of all customers."])
        Self.expectContains(Self.ask("p(alive) for can't lose them?"), ["Can't Lose Them: mean P(alive) 29%"])
        Self.expectContains(Self.ask("days since last purchase for the lost segment"),
                            ["Lost: days since the last purchase 210 days"])
    }

    @Test("campaigns: the play follows the figures")
    func campaigns() {
        Self.expectContains(Self.ask("how do we win back Lost customers"), ["Lost: churn 99%", "Play: win-back."])
        Self.expectContains(Self.ask("what action for new customers"),
                            ["New Customers: orders per customer 1.0", "Play: second-purchase nudge."])
        Self.expectContains(Self.ask("campaign idea for champions"),
                            ["Play: reward, don't discount.", "Lead with coffee: 52%"])
        Self.expectContains(Self.ask("We're planning the spring campaign - who should get the loyalty bonus?"),
                            ["The segment with the most value at stake is At-risk churn."])
    }

    @Test("behaviour and the list of segments")
    func behaviourAndList() {
        Self.expectContains(Self.ask("what are champions interested in"),
                            ["Champions are most interested in coffee (52%), bakery (27%) and merch (14%)."])
        Self.expectContains(Self.ask("what are people in need attention looking at"), ["holds no interest figures"])
        let list = Self.ask("what segments do we have?")
        Self.expectContains(list, ["Rule segments: High-value active (240)", "Other (1,070)", "Can't Lose Them (90)",
                                   "No purchase (30)."])
        #expect(!list.text.contains("All customers"))
    }

    @Test("personal data and off-topic questions are refused; a numbered segment is asked about, not guessed")
    func refusals() {
        for question in ["give me Ava's email", "can you export the phone numbers of the champions?",
                         "pull their names and email addresses for me"] {
            let answer = Self.ask(question)
            #expect(answer.kind == .refusal && answer.text.contains("can't give out"), "\(question)")
            #expect(answer.facts.isEmpty)
        }
        let poem = Self.ask("write me a poem")
        #expect(poem.kind == .refusal && poem.text.contains("outside what I can help with"))
        #expect(Self.ask("hi").text.hasPrefix("Hello!"))
        #expect(Self.ask("thanks!").text.hasPrefix("Hello!"))
        let growth = Self.ask("which segment is growing fastest")
        #expect(growth.kind == .refusal && growth.text.hasPrefix("I can't answer that from the segment figures"))
        #expect(Self.numbers(growth.text).isEmpty && Self.numbers(Self.ask("hi").text).isEmpty)
        let numbered = Self.ask("how many customers are in segment 3")
        #expect(numbered.kind == .clarification && numbered.text.contains("not by number"))
        #expect(Self.numbers(numbered.text).isEmpty)
        #expect(AnalystPrompt.build(question: "give me Ava's email", answer: Self.ask("give me Ava's email"),
                                    snapshots: AnalystFixtures.snapshots) == nil)
    }

    @Test("follow-ups: the other one, then why")
    func followUpOtherThenWhy() {
        let first = Self.ask("compare champions and at risk")
        let second = Self.ask("and the other one?", after: first.context)
        Self.expectContains(second, ["At Risk has 240 customers", "CLV is £5,200.00"])
        #expect(!second.text.contains("Champions"))
        let third = Self.ask("why?", after: second.context)
        Self.expectContains(third, ["At Risk: churn 88% (All customers: 31%)"])
    }

    @Test("follow-ups: a new segment keeps the metric, a new metric keeps the segment")
    func followUpSegmentThenMetric() {
        let first = Self.ask("avg order value of loyal customers")
        let second = Self.ask("what about champions?", after: first.context)
        Self.expectContains(second, ["Champions: average order value £31.50"])
        let third = Self.ask("and CLV?", after: second.context)
        Self.expectContains(third, ["Champions: CLV £36,000.00 (All customers: £95,000.00)."])
    }

    @Test("follow-ups: the second of a ranking, then what to do about it")
    func followUpRankingThenPlay() {
        let first = Self.ask("which segment should we prioritise?")
        let second = Self.ask("what about the second one", after: first.context)
        Self.expectContains(second, ["At Risk has 240 customers"])
        let third = Self.ask("what should we do about it", after: second.context)
        Self.expectContains(third, ["At Risk: churn 88%", "Play: win-back."])
        #expect(third.context.segments == ["rfm-at-risk"])
    }

    @Test("follow-ups: a new metric after a total stays chain-wide")
    func followUpAfterTotal() {
        let first = Self.ask("what's our total CLV?")
        let second = Self.ask("and churn?", after: first.context)
        Self.expectContains(second, ["All customers: churn 31%."])
    }

    @Test("explaining a difference between two segments gives both figures")
    func explainTwo() {
        Self.expectContains(Self.ask("why r loyal customers' CLV higher than promising"),
                            ["Loyal Customers: CLV £21,000.00 (All customers: £95,000.00).", "Promising: CLV £2,600.00."])
    }

    @Test("an invented group name is asked about, naming real segments")
    func inventedGroup() {
        let answer = Self.ask("what do the VIPs buy")
        #expect(answer.kind == .clarification)
        #expect(answer.text.hasPrefix("There is no segment called ‘vips’: which segment do you mean?"))
        #expect(answer.text.contains("High-value active (high-value-active)"))
    }

    @Test("a follow-up without a previous turn answers what it names")
    func followUpWithoutContext() {
        let answer = Self.ask("what about champions?")
        Self.expectContains(answer, ["Champions has 210 customers", "CLV is £36,000.00"])
    }

    @Test("the model's prompt carries the figures as displayed and the draft, and asks only to phrase")
    func prompt() throws {
        let answer = Self.ask("compare champions and at risk")
        let prompt = try #require(AnalystPrompt.build(question: "compare champions and at risk", answer: answer,
                                                      snapshots: AnalystFixtures.snapshots))
        #expect(prompt.user.contains("- Champions · CLV = £36,000.00"))
        #expect(prompt.user.contains("- At Risk · share churned (181 days or more) = 88%"))
        #expect(prompt.user.contains("Draft: " + answer.text))
        #expect(prompt.system.contains("add no other numbers"))
    }

    @Test("the grounded-answer check used here fails on an invented number and on a fact not in the snapshots")
    func checkCanFail() {
        let planted = AnalystAnswer(kind: .answer, text: "Champions has 211 customers.",
                                    facts: [AnalystFact(segmentID: "rfm-champions", metricKey: "customers")],
                                    context: AnalystContext(intent: .segmentSize, segments: [], metric: .size))
        withKnownIssue { Self.expectGrounded(planted) }
        var unknown = Self.ask("size of at risk")
        unknown.facts.append(AnalystFact(segmentID: "rfm-vips", metricKey: "customers"))
        withKnownIssue { Self.expectGrounded(unknown) }
    }

    @Test("display rounding: half away from zero, no minus zero, the snapshot's currency")
    func formatting() {
        func shown(_ value: Double, _ unit: MetricUnit, _ currency: String = "GBP") -> String {
            MetricDisplay.format(SegmentMetric(key: "k", label: "k", value: value, unit: unit), currency: currency)
        }
        #expect(shown(0.125, .share) == "13%")
        #expect(shown(0.125, .money) == "£0.13")
        #expect(shown(-0.001, .money) == "£0.00")
        #expect(shown(2.25, .number) == "2.3")
        #expect(shown(90.5, .days) == "91 days")
        #expect(shown(1234, .count) == "1,234")
        #expect(shown(0.555, .probability) == "56%")
        #expect(shown(10, .money, "USD") == "$10.00")
        #expect(shown(10, .money, "INR") == "₹10.00")
        #expect(shown(10, .money, "AUD") == "AUD 10.00")
    }

    @Test("money written from a snapshot with customers in other currencies says whose money it is")
    func moneyIsScopedToItsCurrency() {
        let snapshots = AnalystFixtures.snapshots.map { snapshot -> SegmentSnapshot in
            var scoped = snapshot
            scoped.metrics.append(SegmentMetric(key: "customersInOtherCurrencies",
                                                label: "customers paying in another currency", value: 12, unit: .count))
            return scoped
        }
        let answerer = AnalystAnswerer(snapshots: snapshots)
        let money = answerer.answer(Self.reader.read("avg order value of at risk", previous: nil))
        #expect(money.text.contains("Money figures cover customers paying in GBP only"), "\(money.text)")
        Self.expectGrounded(money, snapshots)
        let size = answerer.answer(Self.reader.read("how many champions are there", previous: nil))
        #expect(!size.text.contains("Money figures"), "\(size.text)")
        #expect(!Self.ask("avg order value of at risk").text.contains("Money figures"), "no other currencies, no note")
    }
}
